"""Round 3 on a phone: propose activities, put dots on them, confirm exactly 2; the console
sees the group's choice arrive live and confirms for a group that is stuck."""

from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.models import Activity
from tests.browser.harness import axe_check, save_screenshot
from tests.browser.test_public_pages import PASSWORD, log_in
from tests.browser.test_rounds import join_on_a_phone


def test_group_chooses_two_activities_and_the_console_sees_it(browser, app_server, page):
    create_staff_user("anna", "facilitator", password=PASSWORD)
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title="Samen in Panningen",
        case_description="Hoe houden we samen het dorpshuis open?",
    )
    context, guard, phone = join_on_a_phone(browser, app_server, workshop, "Gemeenschap")
    guard.allow_console_error(r"status of 400 \(Bad Request\)")  # one activity: refused
    services.open_round(workshop, workshop.template.rounds.get(number=3))
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Ronde 3")
    axe_check(phone)

    for title in ("Buurtmaaltijd op vrijdag", "Wandeling langs de Maas", "Repair café"):
        phone.get_by_label("Activiteit", exact=True).fill(title)
        phone.get_by_role("button", name="Voorstellen").click()
        axe_check(phone)
    phone.get_by_role("button", name="Stip erbij voor Buurtmaaltijd op vrijdag").click()
    axe_check(phone)
    phone.get_by_role("button", name="Stip erbij voor Wandeling langs de Maas").click()
    axe_check(phone)
    expect(phone.get_by_text("Je hebt nog 1 stip")).to_be_visible()

    phone.get_by_role("checkbox", name="Buurtmaaltijd op vrijdag").check()
    phone.get_by_role("button", name="Onze keuze bevestigen").click()
    axe_check(phone)
    expect(phone.get_by_role("alert")).to_contain_text("Kies precies 2 activiteiten. Je koos er 1.")

    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "anna", PASSWORD)
    page.goto(f"/workshops/{workshop.pk}/")
    axe_check(page)

    phone.get_by_role("checkbox", name="Buurtmaaltijd op vrijdag").check()
    phone.get_by_role("checkbox", name="Wandeling langs de Maas").check()
    phone.get_by_role("button", name="Onze keuze bevestigen").click()
    axe_check(phone)
    expect(phone.locator(".samenspel-activity--chosen")).to_have_count(2)
    save_screenshot(phone, "round-3-phone")

    community = page.locator("section.samenspel-perspective--community")
    expect(community.locator(".samenspel-activity--chosen")).to_have_count(2)
    axe_check(page)
    save_screenshot(page, "round-3-console")
    assert set(Activity.objects.filter(chosen=True).values_list("title", flat=True)) == {
        "Buurtmaaltijd op vrijdag", "Wandeling langs de Maas"}

    page.get_by_role("button", name="Workshop afsluiten en de uitkomst laten zien").click()
    axe_check(page)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Samen in Panningen")
    expect(phone.get_by_text("Uitkomst van de workshop")).to_be_visible()
    axe_check(phone)
    expect(phone.locator(".samenspel-activity--chosen")).to_have_count(2)
    save_screenshot(phone, "outcome-phone")

    guard.verify()
    context.close()
