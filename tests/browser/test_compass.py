"""The role compass in a browser: a facilitator adds a case and starts an assessment; three
people, one per perspective, answer on their phones through the anonymous link or the code;
the case page then shows their triangle. Every page is axe-checked and photographed."""

import re

from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from samenspel.compass.questionnaire import QUESTION_KEYS
from tests.browser.harness import PageGuard, axe_check, save_screenshot, visit
from tests.browser.test_public_pages import PASSWORD, log_in

PHONE = {"width": 360, "height": 760}


def answer_on_a_phone(browser, app_server, how, address, group, roles, lead, screenshot=None):
    context = browser.new_context(base_url=app_server.url, viewport=PHONE, locale="nl-NL")
    phone = context.new_page()
    guard = PageGuard(app_server.url)
    guard.attach(context, phone)
    try:
        if how == "link":
            visit(phone, address)
        else:
            visit(phone, "/")
            phone.get_by_role("link", name="Vul de vragenlijst in").click()
            axe_check(phone)
            phone.get_by_label("Code van de vragenlijst").fill(address.lower())
            phone.get_by_role("button", name="Naar de vragen").click()
            axe_check(phone)
        expect(phone.get_by_role("heading", level=1)).to_have_text("Speelplek Kerkstraat")
        phone.get_by_role("group", name="Welke groep ben jij?").get_by_label(
            group, exact=True).check()
        for key, role in zip(QUESTION_KEYS, roles, strict=True):
            phone.locator(f'input[name="{key}"][value="{role}"]').check()
        phone.locator(f'input[name="lead"][value="{lead}"]').check()
        if screenshot:
            save_screenshot(phone, screenshot)
            first = phone.get_by_role("group", name="Wie beslist wat hier gebeurt?")
            first.scroll_into_view_if_needed()
            save_screenshot(phone, f"{screenshot}-question", full_page=False)
        phone.get_by_role("button", name="Verstuur mijn antwoorden").click()
        axe_check(phone)
        expect(phone.get_by_role("heading", level=1)).to_have_text("Bedankt voor je antwoorden")
        if screenshot:
            save_screenshot(phone, f"{screenshot}-thanks")
        guard.verify()
    finally:
        context.close()


def test_three_perspectives_answer_anonymously_and_the_case_page_shows_their_triangle(
    browser, app_server, page, page_guard
):
    page_guard.allow_console_error(r"status of 400 \(Bad Request\)")  # the empty form, on purpose
    create_staff_user("anna", "facilitator", password=PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, "anna", PASSWORD)
    page.get_by_role("link", name="Rollenkompas").click()
    axe_check(page)
    page.get_by_role("link", name="Voeg een casus toe").click()
    axe_check(page)
    page.get_by_role("button", name="Sla de casus op").click()  # empty: refused, explained
    axe_check(page)
    expect(page.get_by_role("alert")).to_contain_text("Er is een probleem")

    page.get_by_label("Titel").fill("Speelplek Kerkstraat")
    page.get_by_label("Beschrijving").fill("De speelplek is oud. Ouders willen meedoen.")
    page.get_by_label("Dorp of gebied").fill("Baarlo")
    page.get_by_label("Thema").fill("Spelen")
    page.get_by_label("Overheid", exact=True).check()
    page.get_by_role("button", name="Sla de casus op").click()
    axe_check(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Speelplek Kerkstraat")
    page.get_by_role("button", name="Start een meting").click()
    axe_check(page)
    save_screenshot(page, "compass-assessment-empty")
    code = page.locator(".samenspel-code").get_attribute("aria-label").replace(" ", "")
    link = page.locator(".samenspel-join__url").inner_text()

    answer_on_a_phone(browser, app_server, "link", link, "Overheid",
                      ["blue", "blue", "blue", "red", "blue", "green"], "government")
    answer_on_a_phone(browser, app_server, "code", code, "Maatschappelijke organisaties",
                      ["green", "blue", "green", "green", "green", "green"], "community")
    answer_on_a_phone(browser, app_server, "link", link, "Gemeenschap",
                      ["green"] * 6, "community", screenshot="compass-questionnaire-phone")

    page.get_by_role("link", name=re.compile("Terug naar")).click()
    axe_check(page)
    triangle = page.get_by_role("img", name=re.compile("Rollendriehoek van de meting"))
    expect(triangle).to_be_visible()
    expect(triangle.locator(".samenspel-dot-letter")).to_have_count(3)
    expect(triangle.locator("circle[opacity]")).to_have_count(3)  # the respondents, faint
    expect(triangle.locator("desc")).to_contain_text(
        "Overheid (1 persoon): 17% rood, 67% blauw, 16% groen.")
    expect(page.locator(".samenspel-index__value")).to_have_text("0,44")
    save_screenshot(page, "compass-case")
    page.get_by_role("heading", name="Hoe de groepen het zien").scroll_into_view_if_needed()
    save_screenshot(page, "guide-compass-case", full_page=False)  # docs/user-guide.md
    page.set_viewport_size(PHONE)
    page_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"], f"the case page is {page_width}px wide on a phone"
    save_screenshot(page, "compass-case-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Alle casussen").first.click()
    axe_check(page)
    page.get_by_role("textbox", name="Zoeken").fill("speelplek")
    page.get_by_role("button", name="Zoeken").click()
    axe_check(page)
    expect(page.get_by_role("table")).to_contain_text("Speelplek Kerkstraat")
    save_screenshot(page, "compass-cases")
    page.get_by_role("link", name="Alle casussen in één driehoek").click()
    axe_check(page)
    expect(page.locator(".samenspel-dot-number")).to_have_count(1)
    save_screenshot(page, "compass-portfolio")
    visit(page, "/kompas/zo-meten-we/")
    save_screenshot(page, "compass-how-we-measure")


def test_a_keyboard_user_answers_every_question(browser, app_server, page):
    from samenspel.compass import services

    case = services.create_case(created_by=None, title="Speelplek Kerkstraat",
                                description="De speelplek is oud.", owner="community")
    assessment = services.start_assessment(case, created_by=None)
    visit(page, f"/v/{assessment.code}/")
    page.get_by_role("group", name="Welke groep ben jij?").get_by_label(
        "Gemeenschap", exact=True).focus()
    page.keyboard.press("Space")
    for _question in range(len(QUESTION_KEYS) + 1):
        page.keyboard.press("Tab")  # into the next group of options: its first one
        page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Verstuur mijn antwoorden")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je antwoorden")
    axe_check(page)
