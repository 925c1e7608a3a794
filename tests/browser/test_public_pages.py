"""A visitor reads the home page on a phone or on the projector, opens a role, switches
language and uses the keyboard; a staff member logs in. Every page is axe-checked."""

import re

import pytest
from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from tests.browser.harness import axe_check, save_screenshot, visit

PHONE = {"width": 320, "height": 740}
PASSWORD = "een-lang-wachtwoord-42"
PROJECTOR = {"width": 1920, "height": 1080}


def test_home_page_on_a_phone_shows_the_roles_schema_without_sideways_scrolling(page):
    page.set_viewport_size(PHONE)
    visit(page, "/")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Samenspel")
    expect(page.locator("svg.samenspel-role-drawing")).to_have_count(3)
    expect(page.get_by_role("img", name=re.compile("overheid staat boven"))).to_be_visible()
    # Only the comparison table may scroll sideways, inside its own focusable region.
    page_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"], f"the page is {page_width}px wide on a 320px phone"
    save_screenshot(page, "home-phone-320")


def test_home_page_on_the_projector_shows_the_three_roles_side_by_side(page):
    page.set_viewport_size(PROJECTOR)
    visit(page, "/")

    cards = page.locator(".samenspel-role-card")
    expect(cards).to_have_count(3)
    tops = {round(cards.nth(i).bounding_box()["y"]) for i in range(3)}
    assert len(tops) == 1, "the three roles should stand in one row on a projector"
    save_screenshot(page, "home-projector-1920")


def test_role_page_explains_the_role_in_words_and_picture(page):
    visit(page, "/")
    page.get_by_role("link", name=re.compile("Meer over de communicatieve overheid")).click()
    expect(page).to_have_url(re.compile("/rollen/groen/$"))
    axe_check(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Communicatieve overheid")
    expect(page.get_by_text("Niet de overheid: de gemeenschap.")).to_be_visible()
    save_screenshot(page, "role-green")


def test_keyboard_user_can_skip_to_the_content(page):
    visit(page, "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main")).to_be_focused()


def test_visitor_switches_to_english_and_back(page):
    visit(page, "/rollen/blauw/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile("/rollen/blauw/$"))
    axe_check(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rule-driven government")

    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    axe_check(page)


@pytest.mark.parametrize("path", ["/toegankelijkheid/", "/privacy/"])
def test_statement_pages_are_there_and_accessible(page, path):
    visit(page, path)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_facilitator_logs_in_and_out(page):
    create_staff_user("sanne", "facilitator", password=PASSWORD)
    log_in(page, "sanne", PASSWORD)
    expect(page).to_have_url(re.compile("/$"))
    axe_check(page)
    page.get_by_role("button", name=re.compile("Uitloggen")).click()
    axe_check(page)
    expect(page.get_by_role("link", name="Inloggen voor medewerkers")).to_be_visible()


def test_wrong_password_is_explained_in_plain_dutch(page):
    log_in(page, "niemand", "fout")
    axe_check(page)
    expect(page.get_by_text("De gebruikersnaam of het wachtwoord klopt niet").first).to_be_visible()
    save_screenshot(page, "login-error")


def test_administrator_reaches_the_template_admin(page):
    create_staff_user("beheer", "administrator", password=PASSWORD)
    log_in(page, "beheer", PASSWORD)
    axe_check(page)
    page.get_by_role("link", name="Beheer").click()
    axe_check(page)
    page.goto("/admin/method/workshoptemplate/")
    axe_check(page)
    expect(page.get_by_text("Het belang van synchroniciteit")).to_be_visible()
    save_screenshot(page, "admin-templates")


def log_in(page, username, password):
    visit(page, "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    axe_check(page)
