"""A phone that misses news between loading the page and opening its socket catches up by
itself: the socket's first frame says the workshop's version, and the page re-fetches."""

from playwright.sync_api import expect

from samenspel.method.services import default_template
from samenspel.workshops import services
from tests.browser.harness import axe_check, visit


def test_a_note_written_before_the_socket_opened_still_appears(page):
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title="Samen in Panningen",
        case_description="Hoe houden we samen het dorpshuis open?",
    )
    round_1 = workshop.template.rounds.get(number=1)
    services.open_round(workshop, round_1)
    neighbour = services.join_workshop(workshop, "community")
    visit(page, f"/w/{workshop.join_code}/")
    page.get_by_label("Gemeenschap", exact=True).check()

    def meanwhile(socket):
        # The page is rendered; before its socket reaches the server, a neighbour writes.
        services.add_contribution(neighbour, round_1.prompts.get(kind="desired_behaviour"),
                                  "Geschreven terwijl de telefoon verbond")
        socket.connect_to_server()

    page.route_web_socket("**/ws/live*", meanwhile)
    page.get_by_role("button", name="Meedoen", exact=True).click()
    axe_check(page)
    expect(page.locator('[data-live-region^="notes-"]').first).to_contain_text(
        "Geschreven terwijl de telefoon verbond")
