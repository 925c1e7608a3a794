"""The projector shows the join code and QR in the lobby, then the notes as they come in,
large enough to read from the back of the room."""

import re

from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.join_codes import spoken
from tests.browser.harness import axe_check, save_screenshot
from tests.browser.test_public_pages import PASSWORD, log_in

PROJECTOR = {"width": 1920, "height": 1080}


def test_projector_shows_the_code_then_the_notes_live(page):
    create_staff_user("anna", "facilitator", password=PASSWORD)
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title="Samen in Panningen",
        case_description="Hoe houden we samen het dorpshuis open?",
    )
    resident = services.join_workshop(workshop, "community")
    page.set_viewport_size(PROJECTOR)
    log_in(page, "anna", PASSWORD)
    page.goto(f"/workshops/{workshop.pk}/projector/")
    axe_check(page)
    expect(page.locator(".samenspel-projector__code")).to_have_text(spoken(workshop.join_code))
    expect(page.locator(".samenspel-projector__qr svg")).to_be_visible()
    save_screenshot(page, "projector-lobby")

    services.open_round(workshop, workshop.template.rounds.get(number=1))
    expect(page.get_by_role("heading", level=2)).to_contain_text("Ronde 1")
    axe_check(page)
    services.add_contribution(
        resident, workshop.template.rounds.get(number=1).prompts.get(kind="desired_behaviour"),
        "We koken samen op vrijdag",
    )
    expect(page.locator(".samenspel-note")).to_have_text("We koken samen op vrijdag")
    services.start_timer(workshop, 5)
    expect(page.locator(".samenspel-timer__left")).to_have_text(re.compile(r"^[45]:\d\d$"))
    axe_check(page)
    save_screenshot(page, "projector-round-1")
