"""A facilitator makes a personal API key on the profile page, sees it once, uses it and
revokes it; the API's documentation page is plain, accessible HTML. Every page is
axe-checked, and nothing is loaded from another host."""

import re

from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from tests.browser.harness import SCREENSHOTS, axe_check, save_screenshot, visit
from tests.browser.test_public_pages import PASSWORD, log_in


def test_facilitator_makes_an_api_key_sees_it_once_and_revokes_it(page):
    create_staff_user("sanne", "facilitator", password=PASSWORD)
    log_in(page, "sanne", PASSWORD)
    page.get_by_role("link", name="Profiel").click()
    axe_check(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Je profiel")
    expect(page.get_by_text("Je hebt geen API-sleutels.")).to_be_visible()

    page.get_by_label("Naam van de sleutel").fill("Rapportage")
    page.get_by_role("button", name="Sleutel maken").click()
    axe_check(page)
    key = page.get_by_label("API-sleutel", exact=True).input_value()
    assert key.startswith("sst_")
    save_screenshot(page, "profile-new-api-key")
    works = page.request.get("/api/v1/workshops", headers={"Authorization": f"Bearer {key}"})
    assert works.status == 200

    visit(page, "/profiel/")
    expect(page.get_by_role("cell", name="Rapportage", exact=True)).to_be_visible()
    assert key not in page.content()
    page.get_by_role("button", name="Intrekken Rapportage").click()
    axe_check(page)
    expect(page.get_by_text("De API-sleutel is ingetrokken.")).to_be_visible()
    expect(page.get_by_text("Je hebt geen API-sleutels.")).to_be_visible()
    revoked = page.request.get("/api/v1/workshops", headers={"Authorization": f"Bearer {key}"})
    assert revoked.status == 401


def test_a_key_without_a_name_is_explained(page, page_guard):
    page_guard.allow_console_error(r"status of 400 \(Bad Request\)")  # the empty name, on purpose
    create_staff_user("sanne", "facilitator", password=PASSWORD)
    log_in(page, "sanne", PASSWORD)
    visit(page, "/profiel/")
    page.get_by_role("button", name="Sleutel maken").click()
    axe_check(page)
    expect(page).to_have_title(re.compile("^Fout:"))
    expect(page.get_by_role("alert")).to_contain_text("Geef de sleutel een naam.")


def test_api_documentation_is_accessible_and_self_contained(page):
    visit(page, "/api/v1/docs")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Samenspel API")
    expect(page.get_by_role("heading", name="POST /api/v1/join")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"GET \/api\/v1\/me\/live")).click()
    axe_check(page)
    expect(page.locator("#my_live")).to_be_in_viewport()
    # The page is long: the part on the screen is enough to look at.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "api-docs.png")
