"""A facilitator prepares a workshop on a laptop; three residents join on their phones with
the code; the console counts them per group as they come in, without reloading."""

import re

from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from tests.browser.harness import PageGuard, axe_check, save_screenshot, visit
from tests.browser.test_public_pages import PASSWORD, log_in

PHONE = {"width": 360, "height": 760}


def test_three_people_join_by_code_and_the_console_counts_them_live(
    browser, app_server, page, page_guard
):
    page_guard.allow_console_error(r"status of 400 \(Bad Request\)")  # the empty form, on purpose
    create_staff_user("anna", "facilitator", password=PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, "anna", PASSWORD)
    page.get_by_role("link", name="Workshops").click()
    axe_check(page)
    page.get_by_role("link", name="Nieuwe workshop voorbereiden").click()
    axe_check(page)

    page.get_by_role("button", name="Workshop aanmaken").click()  # empty: refused, explained
    axe_check(page)
    expect(page.get_by_role("alert")).to_contain_text("Er is een probleem")

    page.get_by_label("Titel").fill("Samen in Panningen")
    page.get_by_label("Casus").fill("Hoe houden we samen het dorpshuis open?")
    page.get_by_label("Plaats").fill("Panningen")
    page.get_by_role("button", name="Workshop aanmaken").click()
    axe_check(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Samen in Panningen")
    code = page.locator(".samenspel-code").inner_text()
    expect(page.locator("[data-live-token]")).to_have_attribute("data-live-state", "online")

    phones = []
    for group, name in (("Overheid", ""), ("Maatschappelijke organisaties", "Ruud"),
                        ("Gemeenschap", "")):
        context = browser.new_context(base_url=app_server.url, viewport=PHONE, locale="nl-NL")
        phone = context.new_page()
        guard = PageGuard(app_server.url)
        guard.attach(context, phone)
        phones.append((context, guard))

        visit(phone, "/")
        phone.get_by_label("Workshopcode").fill(code.lower())
        phone.get_by_role("button", name="Naar de workshop").click()
        axe_check(phone)
        expect(phone.get_by_text("Hoe houden we samen het dorpshuis open?")).to_be_visible()
        phone.get_by_label(group, exact=True).check()
        if name:
            phone.get_by_label("Je naam (niet verplicht)").fill(name)
        if group == "Gemeenschap":
            save_screenshot(phone, "join-phone")
        phone.get_by_role("button", name="Meedoen", exact=True).click()
        axe_check(phone)
        expect(phone.get_by_text(f"Je bent in de groep: {group}")).to_be_visible()

    save_screenshot(phone, "lobby-phone")
    people = page.locator('[data-live-region="people"]')
    for group in ("Overheid", "Maatschappelijke organisaties", "Gemeenschap"):
        expect(people.locator("li", has_text=group)).to_contain_text(re.compile(r"^\s*1\b"))
    expect(page.locator("[data-live-announcer]")).to_have_text("3 mensen doen mee.")
    axe_check(page)
    save_screenshot(page, "console-lobby")

    for context, guard in phones:
        guard.verify()
        context.close()


def test_wrong_code_on_the_phone_is_explained(page, page_guard):
    page_guard.allow_console_error(r"status of 404 \(Not Found\)")
    page.set_viewport_size(PHONE)
    visit(page, "/")
    page.get_by_label("Workshopcode").fill("AAA AAA")
    page.get_by_role("button", name="Naar de workshop").click()
    axe_check(page)
    expect(page.get_by_role("alert")).to_contain_text("Er is geen workshop met deze code")
    save_screenshot(page, "wrong-code-phone")
