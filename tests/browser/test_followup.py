"""The follow-up in a browser: a facilitator closes a workshop; two groups check in on an
activity through their own links, on their phones, without an account; the facilitator
sees what they said on the review page and the dashboard, publishes the progress page, and
a resident reads it. Every page is axe-checked and photographed."""

import re

from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from samenspel.followup.models import CheckIn
from samenspel.followup.tests.conftest import choosing_workshop
from tests.browser.harness import PageGuard, axe_check, save_screenshot, visit
from tests.browser.test_public_pages import PASSWORD, log_in

PHONE = {"width": 360, "height": 760}


def check_in_on_a_phone(browser, app_server, link, activity, done, worked, screenshot):
    context = browser.new_context(base_url=app_server.url, viewport=PHONE, locale="nl-NL")
    phone = context.new_page()
    guard = PageGuard(app_server.url)
    guard.attach(context, phone)
    try:
        visit(phone, link)
        expect(phone.get_by_role("heading", level=1)).to_have_text("Hoe gaat het?")
        save_screenshot(phone, f"{screenshot}-list")
        phone.get_by_role("link", name=f"Terugblik op {activity}").click()
        axe_check(phone)
        phone.get_by_label("Wat hebben jullie gedaan?").fill(done)
        phone.get_by_role("group", name="Werkte het?").get_by_label(worked, exact=True).check()
        phone.get_by_label("Wat moet er nog gebeuren? (niet verplicht)").fill("Nog een keer.")
        save_screenshot(phone, f"{screenshot}-form")
        if screenshot.endswith("community"):
            save_screenshot(phone, "guide-followup-check-in-phone", full_page=False)  # the guide
        phone.get_by_role("button", name="Terugblik versturen").click()
        axe_check(phone)
        expect(phone.get_by_role("status")).to_contain_text("Je terugblik is opgeslagen")
        expect(phone.locator("main")).to_contain_text("Jullie groep blikte het laatst terug")
        save_screenshot(phone, f"{screenshot}-thanks")
        guard.verify()
    finally:
        context.close()


def test_two_groups_check_in_by_link_and_staff_and_residents_see_it(
    browser, app_server, page, page_guard
):
    page_guard.allow_console_error(r"status of 404 \(Not Found\)")  # the private page, on purpose
    create_staff_user("anna", "facilitator", password=PASSWORD)
    workshop = choosing_workshop()
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, "anna", PASSWORD)
    visit(page, f"/workshops/{workshop.pk}/")
    page.get_by_role("button", name="Workshop afsluiten en de uitkomst laten zien").click()
    axe_check(page)

    page.get_by_role("link", name="Opvolging").first.click()
    axe_check(page)
    expect(page.get_by_role("table", name="6 activiteiten").locator("tbody tr")).to_have_count(6)
    page.get_by_role("link", name="Samen in Panningen").first.click()
    axe_check(page)
    links = {
        group: page.locator("dt", has_text=group).locator("xpath=following-sibling::dd[1]")
        .inner_text().strip()
        for group in ("Maatschappelijke organisaties", "Gemeenschap")
    }
    # Not public yet: no address shown.
    expect(page.locator('a[href*="/voortgang/"]')).to_have_count(0)

    check_in_on_a_phone(browser, app_server, links["Gemeenschap"], "Spreekuur in het dorpshuis",
                        "Tien buren kwamen langs.", "Ja", "followup-link-community")
    check_in_on_a_phone(browser, app_server, links["Maatschappelijke organisaties"],
                        "Spreekuur in het dorpshuis", "We stuurden een folder rond.", "Deels",
                        "followup-link-organisations")
    assert sorted(CheckIn.objects.values_list("perspective", flat=True)) == [
        "community", "organisations"]

    page.reload()
    axe_check(page)
    expect(page.locator("main")).to_contain_text("Tien buren kwamen langs.")
    expect(page.locator("main")).to_contain_text("We stuurden een folder rond.")
    save_screenshot(page, "followup-review")
    page.emulate_media(media="print")
    save_screenshot(page, "followup-review-print")
    page.emulate_media(media="screen")

    page.get_by_role("link", name="Spreekuur in het dorpshuis").click()
    axe_check(page)
    page.get_by_role("group", name="Nieuwe status").get_by_label("Gestart").check()
    page.get_by_role("button", name="Status opslaan").click()
    axe_check(page)
    expect(page.locator(".samenspel-timeline")).to_contain_text(
        "Status van “Gepland” naar “Gestart”")
    expect(page.locator(".samenspel-timeline li")).to_have_count(3)
    save_screenshot(page, "followup-activity")

    page.get_by_role("link", name="Opvolging").first.click()
    axe_check(page)
    row = page.get_by_role("table", name="6 activiteiten").locator(
        "tbody tr", has_text="Spreekuur in het dorpshuis")
    expect(row).to_contain_text("Gestart")
    expect(row).to_contain_text("Gemeenschap: Ja")
    expect(row).to_contain_text("Maatschappelijke organisaties: Deels")
    chart = page.get_by_role("img", name=re.compile("De status van de activiteiten"))
    expect(chart).to_be_visible()
    save_screenshot(page, "followup-dashboard")
    save_screenshot(page, "guide-followup-dashboard", full_page=False)  # docs/user-guide.md
    page.get_by_label("Status", exact=True).select_option(label="Gestart")
    page.get_by_role("button", name="Zoeken").click()
    axe_check(page)
    expect(page.get_by_role("table", name="1 activiteit").locator("tbody tr")).to_have_count(1)

    page.get_by_role("link", name="Samen in Panningen").first.click()
    axe_check(page)
    page.get_by_role("button", name="Maak de voortgangspagina openbaar").click()
    axe_check(page)
    address = page.locator('a[href*="/voortgang/"]').inner_text()

    resident = browser.new_context(base_url=app_server.url, viewport=PHONE, locale="nl-NL")
    try:
        reader = resident.new_page()
        visit(reader, address)
        expect(reader.get_by_role("heading", level=1)).to_have_text(
            "Voortgang van Samen in Panningen")
        expect(reader.locator("main")).to_contain_text("Tien buren kwamen langs.")
        save_screenshot(reader, "followup-public-phone")
        page.get_by_role("button", name="Maak de voortgangspagina weer besloten").click()
        visit(reader, address, status=404)
    finally:
        resident.close()


def test_a_second_wave_looks_back_on_the_earlier_activities_live(browser, app_server, page):
    from samenspel.method.models import WorkshopTemplate
    from samenspel.workshops import services as workshops
    from tests.browser.test_rounds import join_on_a_phone

    create_staff_user("anna", "facilitator", password=PASSWORD)
    earlier = choosing_workshop()
    workshops.close_workshop(earlier)
    workshop = workshops.create_workshop(
        created_by=None, place="Panningen", title="Panningen, een jaar later",
        template=WorkshopTemplate.objects.get(title_nl="Tweede ronde: terugblikken en verder"),
        case_description="Hoe gaat het met het dorpshuis?",
    )
    context, guard, resident = join_on_a_phone(browser, app_server, workshop, "Gemeenschap")
    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "anna", PASSWORD)
    visit(page, f"/workshops/{workshop.pk}/")
    page.get_by_role("button", name="Ronde 1 openen").click()
    axe_check(page)
    room = page.locator('[data-live-region="look-back"]')
    expect(room).to_contain_text("0 antwoorden over de activiteiten van “Samen in Panningen”.")

    expect(resident.get_by_role("heading", level=1)).to_contain_text("Ronde 1")
    axe_check(resident)
    item = resident.locator("section", has_text="Spreekuur in het dorpshuis")
    item.get_by_label("Ja", exact=True).check()
    item.get_by_label("Wat hebben jullie gedaan?").fill("Twintig buren kwamen langs.")
    save_screenshot(resident, "followup-look-back-phone")
    item.get_by_role("button", name="Versturen over Spreekuur in het dorpshuis").click()
    axe_check(resident)
    expect(resident.locator("section", has_text="Spreekuur in het dorpshuis")).to_contain_text(
        "Dank je wel: je antwoord is binnen.")

    expect(room).to_contain_text("1 antwoord over de activiteiten van “Samen in Panningen”.")
    expect(room).to_contain_text("Twintig buren kwamen langs.")
    axe_check(page)
    save_screenshot(page, "followup-look-back-console")
    guard.verify()
    context.close()
