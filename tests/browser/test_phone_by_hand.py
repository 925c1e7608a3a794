"""A phone without JavaScript does every step with plain form posts, and a keyboard user
reaches and works every control of the phone and the console without a mouse."""

from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.models import Activity, Contribution, Reaction
from tests.browser.harness import axe_check, visit
from tests.browser.test_public_pages import PASSWORD, log_in


def a_workshop():
    return services.create_workshop(
        created_by=None, template=default_template(), title="Samen in Panningen",
        case_description="Hoe houden we samen het dorpshuis open?",
    )


def tab_to(page, locator, presses=60):
    """Press Tab until `locator` has the focus; fail if it is never reached."""
    element = locator.element_handle()
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(element) => document.activeElement === element", element):
            return
    raise AssertionError(f"{locator} is not reachable with the Tab key")


def submit_with(page, key):
    """Press the key that sends the form, and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press(key)
    axe_check(page)


def test_without_javascript_a_participant_does_every_step_with_plain_forms(
    page_without_javascript,
):
    page = page_without_javascript
    workshop = a_workshop()
    rounds = {r.number: r for r in workshop.template.rounds.all()}
    visit(page, f"/w/{workshop.join_code}/")
    page.get_by_label("Gemeenschap", exact=True).check()
    page.get_by_role("button", name="Meedoen", exact=True).click()
    axe_check(page)

    services.open_round(workshop, rounds[1])
    page.reload()
    axe_check(page)
    behaviour = page.locator("section.samenspel-prompt").first
    behaviour.get_by_label("Jouw notitie", exact=True).fill("We koken samen")
    behaviour.get_by_role("button", name="Notitie toevoegen").click()
    axe_check(page)
    page.get_by_text("Jouw notities: wijzigen of verwijderen").first.click()
    page.get_by_text("Wijzigen…").first.click()
    page.locator("[id^=edit-]").first.fill("We koken samen op vrijdag")
    page.get_by_role("button", name="Opslaan").first.click()
    axe_check(page)
    assert Contribution.objects.get().text == "We koken samen op vrijdag"
    page.get_by_text("Jouw notities: wijzigen of verwijderen").first.click()
    page.get_by_role("button", name="Verwijderen: We koken samen op vrijdag").click()
    axe_check(page)
    assert not Contribution.objects.exists()

    services.open_round(workshop, rounds[3])
    page.reload()
    axe_check(page)
    for title in ("Burendag", "Open rooster"):
        page.get_by_label("Activiteit", exact=True).fill(title)
        page.get_by_role("button", name="Voorstellen").click()
        axe_check(page)
    page.get_by_role("button", name="Stip erbij voor Burendag").click()
    axe_check(page)
    for title in ("Burendag", "Open rooster"):
        page.get_by_role("checkbox", name=title).check()
    page.get_by_role("button", name="Onze keuze bevestigen").click()
    axe_check(page)
    assert Activity.objects.filter(chosen=True).count() == 2

    services.show_activity(workshop, Activity.objects.get(title="Burendag"))
    page.reload()
    axe_check(page)
    page.get_by_role("button", name="Wij kunnen helpen").first.click()
    axe_check(page)
    expect(page.get_by_role("button", name="Wij kunnen helpen", pressed=True)).to_have_count(1)
    assert Reaction.objects.get().kind == "help"


def test_a_keyboard_user_writes_changes_and_moderates_notes(browser, app_server, page):
    workshop = a_workshop()
    services.open_round(workshop, workshop.template.rounds.get(number=1))
    visit(page, f"/w/{workshop.join_code}/")
    tab_to(page, page.get_by_label("Overheid", exact=True))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Meedoen", exact=True))
    submit_with(page, "Enter")

    behaviour = page.locator("section.samenspel-prompt").first
    tab_to(page, behaviour.get_by_label("Jouw notitie", exact=True))
    page.keyboard.type("We luisteren eerst")
    tab_to(page, behaviour.get_by_role("button", name="Notitie toevoegen"))
    expect(page.locator("[data-live-state]")).to_have_attribute("data-live-state", "online")
    with page.expect_request(lambda request: request.url.endswith("/notities/")) as sent:
        page.keyboard.press("Enter")  # sent in the background: the page stays
    # With the socket up, the answer holds only the phone's own regions: the group's list
    # gets the note through the socket.
    assert sent.value.headers.get("x-samenspel-answer") == "mine"
    expect(page.locator('[data-live-region^="notes-"]').first).to_contain_text(
        "We luisteren eerst")
    expect(behaviour.get_by_label("Jouw notitie", exact=True)).to_have_value("")
    axe_check(page)

    tab_to(page, page.get_by_text("Jouw notities: wijzigen of verwijderen").first)
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_text("Wijzigen…").first)
    page.keyboard.press("Enter")
    tab_to(page, page.locator("[id^=edit-]").first)
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("We luisteren eerst naar het dorp")
    tab_to(page, page.get_by_role("button", name="Opslaan").first)
    page.keyboard.press("Enter")
    expect(page.locator('[data-live-region^="notes-"]').first).to_contain_text(
        "We luisteren eerst naar het dorp")
    # The pressed button went with the old list: the keyboard stays at the list.
    assert page.evaluate("document.activeElement.dataset.liveRegion || ''").startswith("mine-")
    axe_check(page)
    assert Contribution.objects.get().text == "We luisteren eerst naar het dorp"

    console = page.context.browser.new_context(base_url=app_server.url, locale="nl-NL",
                                               viewport={"width": 1440, "height": 900})
    facilitator = console.new_page()
    create_staff_user("anna", "facilitator", password=PASSWORD)
    log_in(facilitator, "anna", PASSWORD)
    visit(facilitator, f"/workshops/{workshop.pk}/")
    government = facilitator.locator("section.samenspel-perspective--government")
    tab_to(facilitator, government.get_by_text("Beheren…").first)
    facilitator.keyboard.press("Enter")
    tab_to(facilitator, government.get_by_label("Waarom verberg je deze notitie?").first)
    facilitator.keyboard.type("Proef")
    submit_with(facilitator, "Enter")
    assert Contribution.objects.get().hidden
    console.close()
