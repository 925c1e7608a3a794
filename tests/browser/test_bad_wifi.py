"""Bad Wi-Fi on a phone: a note written while offline waits on the phone (and says so) and
is sent when the connection is back; a post whose answer got lost is sent again and still
stored once."""

from playwright.sync_api import expect

from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.models import Contribution
from tests.browser.harness import axe_check, visit


def phone_in_round_1(page):
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title="Samen in Panningen",
        case_description="Hoe houden we samen het dorpshuis open?",
    )
    services.open_round(workshop, workshop.template.rounds.get(number=1))
    visit(page, f"/w/{workshop.join_code}/")
    page.get_by_label("Gemeenschap", exact=True).check()
    page.get_by_role("button", name="Meedoen", exact=True).click()
    axe_check(page)
    expect(page.locator("[data-live-token]")).to_have_attribute("data-live-state", "online")
    return page.locator("section.samenspel-prompt").first


def test_a_note_written_offline_is_sent_when_the_connection_is_back(page, page_guard):
    page_guard.allow_console_error(r"ERR_INTERNET_DISCONNECTED|Failed to fetch|WebSocket")
    behaviour = phone_in_round_1(page)
    page.context.set_offline(True)
    behaviour.get_by_label("Jouw notitie", exact=True).fill("Geschreven in de kelder")
    behaviour.get_by_role("button", name="Notitie toevoegen").click()
    expect(page.locator("#unsent-status")).to_have_text(
        "Nog niet verstuurd: 1. Het gaat zodra er weer verbinding is.")
    axe_check(page)
    assert not Contribution.objects.exists()

    page.context.set_offline(False)
    expect(page.locator('[data-live-region^="notes-"]').first).to_contain_text(
        "Geschreven in de kelder")
    expect(page.locator("#unsent-status")).to_have_text("")
    axe_check(page)
    assert Contribution.objects.count() == 1


def test_a_post_whose_answer_was_lost_is_sent_again_and_stored_once(page, page_guard):
    page_guard.allow_console_error(r"Failed to fetch|ERR_FAILED")
    behaviour = phone_in_round_1(page)
    lost = []

    def lose_the_first_answer(route):
        if not lost:
            lost.append(route.fetch())  # it reaches the server and is stored ...
            route.abort()  # ... but the phone never hears back
        else:
            route.continue_()

    page.route("**/notities/", lose_the_first_answer)
    behaviour.get_by_label("Jouw notitie", exact=True).fill("Eén keer, ook na een storing")
    behaviour.get_by_role("button", name="Notitie toevoegen").click()
    expect(page.locator('[data-live-region^="notes-"]').first).to_contain_text(
        "Eén keer, ook na een storing", timeout=15000)
    expect(page.locator("#unsent-status")).to_have_text("", timeout=15000)
    axe_check(page)
    assert lost and lost[0].ok  # the first post was stored; its answer was lost
    assert Contribution.objects.count() == 1
