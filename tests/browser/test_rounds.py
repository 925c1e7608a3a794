"""Round 1 live: the facilitator opens it, the phones switch to it by themselves, a resident
writes a note and links a belief to it; the console shows it in the community column and
the civil servant's phone never sees it."""

from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from samenspel.method.services import default_template
from samenspel.workshops import services
from tests.browser.harness import PageGuard, axe_check, save_screenshot, visit
from tests.browser.test_public_pages import PASSWORD, log_in

PHONE = {"width": 360, "height": 760}


def join_on_a_phone(browser, app_server, workshop, group):
    context = browser.new_context(base_url=app_server.url, viewport=PHONE, locale="nl-NL")
    phone = context.new_page()
    guard = PageGuard(app_server.url)
    guard.attach(context, phone)
    visit(phone, f"/w/{workshop.join_code}/")
    phone.get_by_label(group, exact=True).check()
    phone.get_by_role("button", name="Meedoen", exact=True).click()
    axe_check(phone)
    return context, guard, phone


def test_round_one_runs_live_for_each_group(browser, app_server, page):
    create_staff_user("anna", "facilitator", password=PASSWORD)
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title="Samen in Panningen",
        case_description="Hoe houden we samen het dorpshuis open?",
    )
    resident = join_on_a_phone(browser, app_server, workshop, "Gemeenschap")
    civil_servant = join_on_a_phone(browser, app_server, workshop, "Overheid")

    page.set_viewport_size({"width": 1440, "height": 900})
    log_in(page, "anna", PASSWORD)
    visit(page, f"/workshops/{workshop.pk}/")
    page.get_by_role("button", name="Ronde 1 openen").click()
    axe_check(page)

    _context, _guard, phone = resident
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Ronde 1")
    axe_check(phone)
    expect(phone.get_by_text("wij als inwoners").first).to_be_visible()
    behaviour = phone.locator("section.samenspel-prompt").nth(0)
    behaviour.get_by_label("Jouw notitie").fill("We koken samen op vrijdag")
    behaviour.get_by_role("button", name="Notitie toevoegen").click()
    axe_check(phone)
    belief = phone.locator("section.samenspel-prompt").nth(1)
    belief.get_by_label("Jouw notitie").fill("Iedereen kan iets bijdragen")
    belief.get_by_role("combobox").select_option(label="We koken samen op vrijdag")
    belief.get_by_role("button", name="Notitie toevoegen").click()
    axe_check(phone)
    group_notes = phone.locator('[data-live-region^="notes-"]')
    expect(group_notes.get_by_text("Hoort bij: We koken samen op vrijdag")).to_be_visible()
    save_screenshot(phone, "round-1-phone")

    community = page.locator("section.samenspel-perspective--community")
    expect(community).to_contain_text("We koken samen op vrijdag")
    expect(community).to_contain_text("Iedereen kan iets bijdragen")
    expect(page.locator("section.samenspel-perspective--government")).not_to_contain_text("koken")
    axe_check(page)
    save_screenshot(page, "round-1-console")

    community.get_by_text("Beheren…").first.click()
    community.get_by_label("Waarom verberg je deze notitie?").first.fill("Dubbel")
    community.get_by_role("button", name="Verbergen", exact=True).first.click()
    axe_check(page)
    expect(community).not_to_contain_text("We koken samen op vrijdag")
    expect(phone.locator('[data-live-region^="notes-"]').first).not_to_contain_text(
        "We koken samen op vrijdag")

    _c, _g, other_phone = civil_servant
    expect(other_phone.get_by_role("heading", level=1)).to_contain_text("Ronde 1")
    axe_check(other_phone)
    expect(other_phone.get_by_text("wij als gemeente").first).to_be_visible()
    expect(other_phone.locator("body")).not_to_contain_text("koken")

    for context, guard, _phone in (resident, civil_servant):
        guard.verify()
        context.close()


def test_a_page_ignores_news_it_already_shows_and_loads_what_is_newer(app_server, page):
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title="Samen in Panningen",
        case_description="Hoe houden we samen het dorpshuis open?",
    )
    visit(page, f"/w/{workshop.join_code}/")
    page.get_by_label("Gemeenschap", exact=True).check()
    page.get_by_role("button", name="Meedoen", exact=True).click()
    axe_check(page)
    shown = int(page.locator("[data-live-version]").get_attribute("data-live-version"))

    def hear_reload(version):
        page.evaluate("""(version) => document.querySelector("[data-live-token]").dispatchEvent(
            new CustomEvent("samenspel:live-frame", {bubbles: true,
                detail: {stream: "", events: [{reload: true}], version: version}}))""", version)

    page.evaluate("window.stillTheSamePage = true")
    hear_reload(shown)
    assert page.evaluate("window.stillTheSamePage === true")
    with page.expect_navigation():
        hear_reload(shown + 1)
    axe_check(page)
    assert page.evaluate("window.stillTheSamePage === undefined")

    # One change's events split over two frames that both say the stream's version: the
    # second half counts too; an older event after a newer one in the same region does not.
    def hear(version, *events):
        page.evaluate("""([version, events]) => document.querySelector("[data-live-token]")
            .dispatchEvent(new CustomEvent("samenspel:live-frame", {bubbles: true,
                detail: {stream: "", events: events, version: version}}))""",
                      [version, list(events)])

    page.evaluate("""() => document.querySelector("main").insertAdjacentHTML(
        "beforeend", '<div data-live-region="news"></div>')""")
    news = page.locator('[data-live-region="news"]')
    hear(shown + 2, {"region": "news", "html": "<p>Eerste helft</p>", "version": shown + 2})
    hear(shown + 2, {"region": "news", "html": "<p>Tweede helft</p>", "version": shown + 2})
    expect(news).to_have_text("Tweede helft")
    hear(shown + 3, {"region": "news", "html": "<p>Ouder</p>", "version": shown + 1})
    expect(news).to_have_text("Tweede helft")
