"""The role compass as a round of a live workshop: the facilitator opens it, three phones (one
per group) answer the questions for their own group, and the projector's triangle fills up
while they do — without anyone reloading. Then the workshop goes on with its next round."""

from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from samenspel.compass.questionnaire import QUESTION_KEYS
from samenspel.method.models import WorkshopTemplate
from samenspel.workshops import services
from tests.browser.harness import axe_check, save_screenshot, visit
from tests.browser.test_public_pages import PASSWORD, log_in
from tests.browser.test_rounds import join_on_a_phone


def answer(phone, role, lead):
    for key in QUESTION_KEYS:
        phone.locator(f'input[name="{key}"][value="{role}"]').check()
    phone.locator(f'input[name="lead"][value="{lead}"]').check()
    phone.get_by_role("button", name="Verstuur mijn antwoorden").click()


def test_the_room_answers_the_role_compass_and_the_projector_fills_up(browser, app_server, page):
    create_staff_user("anna", "facilitator", password=PASSWORD)
    workshop = services.create_workshop(
        created_by=None, place="Kessel", title="Werkconferentie Kessel",
        template=WorkshopTemplate.objects.get(title_nl="Synchroniciteit met het rollenkompas"),
        case_description="Inwoners willen de oude school als ontmoetingsplek.",
    )
    phones = [join_on_a_phone(browser, app_server, workshop, group)
              for group in ("Overheid", "Maatschappelijke organisaties", "Gemeenschap")]

    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "anna", PASSWORD)
    visit(page, f"/workshops/{workshop.pk}/")
    page.get_by_role("button", name="Ronde 1 openen").click()
    axe_check(page)
    expect(page.locator('[data-live-region="compass"]')).to_contain_text(
        "0 mensen hebben het rollenkompas ingevuld.")
    projector = page.context.new_page()
    projector.set_viewport_size({"width": 1600, "height": 1000})
    visit(projector, f"/workshops/{workshop.pk}/projector/")
    axe_check(projector)
    room = projector.locator('[data-live-region="compass"]')

    _context, guard, civil_servant = phones[0]
    guard.allow_console_error(r"status of 400 \(Bad Request\)")  # the half form, on purpose
    expect(civil_servant.get_by_role("heading", level=1)).to_contain_text("Ronde 1")
    expect(civil_servant.get_by_text("Inwoners willen de oude school")).to_be_visible()
    expect(civil_servant.get_by_text("Je antwoordt voor je groep: Overheid.")).to_be_visible()
    axe_check(civil_servant)
    save_screenshot(civil_servant, "compass-round-phone")
    # A question left open is named, and what was chosen stays chosen.
    civil_servant.locator(f'input[name="{QUESTION_KEYS[0]}"][value="blue"]').check()
    civil_servant.get_by_role("button", name="Verstuur mijn antwoorden").click()
    expect(civil_servant.get_by_role("alert")).to_contain_text("Er is een probleem")
    axe_check(civil_servant)
    expect(civil_servant.locator(f'input[name="{QUESTION_KEYS[0]}"][value="blue"]')).to_be_checked()
    answer(civil_servant, "blue", "government")
    expect(civil_servant.get_by_text("je antwoorden zijn binnen")).to_be_visible()
    axe_check(civil_servant)

    expect(room).to_contain_text("1 persoon heeft het rollenkompas ingevuld.")
    expect(room.locator("svg circle[r='13']")).to_have_count(1)  # one group's dot so far
    for (_c, _g, phone), role in zip(phones[1:], ("green", "green"), strict=True):
        expect(phone.get_by_role("heading", level=1)).to_contain_text("Ronde 1")
        answer(phone, role, "community")
        expect(phone.get_by_text("je antwoorden zijn binnen")).to_be_visible()

    expect(room).to_contain_text("3 mensen hebben het rollenkompas ingevuld.")
    expect(room.locator("svg circle[r='13']")).to_have_count(3)
    expect(room.locator(".samenspel-index__value")).to_be_visible()
    expect(projector.locator("[data-live-announcer], [aria-live]").first).to_be_attached()
    axe_check(projector)
    save_screenshot(projector, "compass-round-projector")
    # The phone that answered first sees the room fill up too.
    expect(civil_servant.locator('[data-live-region="compass"]')).to_contain_text(
        "3 mensen hebben het rollenkompas ingevuld.")
    save_screenshot(civil_servant, "compass-round-phone-thanks")

    console_room = page.locator('[data-live-region="compass"]')
    expect(console_room).to_contain_text("3 mensen hebben het rollenkompas ingevuld.")
    expect(console_room.get_by_role("link", name="Deze meting")).to_be_visible()
    save_screenshot(page, "compass-round-console")

    # The answers are an assessment of the case made from the workshop.
    console_room.get_by_role("link", name="De pagina van de casus").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkconferentie Kessel")
    expect(page.get_by_text("3 mensen hebben geantwoord", exact=False)).to_be_visible()
    axe_check(page)

    visit(page, f"/workshops/{workshop.pk}/")
    page.get_by_role("button", name="Ronde 2 openen").click()
    for context, guard, phone in phones:
        expect(phone.get_by_role("heading", level=1)).to_contain_text("Ronde 2")
        guard.verify()
        context.close()
