"""The whole workshop in the browser: a facilitator prepares it, opens the projector, and
three participants — one per perspective, each on their own phone — join by code, write and
link notes in rounds 1 and 2 (round 2 privately), choose 2 activities per group in round 3,
share them and react, until the room has its 6 activities. Every page is checked with axe;
each phone sees only its own group's notes; the screenshots feed docs/user-guide.md."""

import re

from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from samenspel.workshops.models import Activity, Contribution, Reaction, Workshop
from tests.browser.harness import PageGuard, axe_check, save_screenshot, visit
from tests.browser.test_public_pages import PASSWORD, log_in

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1440, "height": 900}
PROJECTOR = {"width": 1920, "height": 1080}

# What each group writes: (behaviour, belief), (routine, thought), three activities.
GROUPS = {
    "Overheid": (
        ("We vragen eerst wat het dorp zelf wil.", "Het dorp weet zelf wat nodig is."),
        ("We sturen een brief met regels.", "Regels zijn eerlijker."),
        ("Maandelijks koffie-overleg", "Eén aanspreekpunt", "Subsidie via het dorpsplan"),
    ),
    "Maatschappelijke organisaties": (
        ("We sluiten aan bij wat er al is.", "Vrijwilligers zijn partners."),
        ("We wachten op een opdracht.", "Zonder opdracht geen geld."),
        ("Spreekuur in het dorpshuis", "Gezamenlijke kalender", "Cursus voor vrijwilligers"),
    ),
    "Gemeenschap": (
        ("We vragen buren persoonlijk om te helpen.", "Iedereen kan iets."),
        ("Altijd dezelfde vijf doen het werk.", "Nieuwe mensen willen niet."),
        ("Burendag", "Open rooster", "Vrijwilligersfeest"),
    ),
}


class Phone:
    """One participant's phone: its own browser context, guarded like every page."""

    def __init__(self, browser, app_server, group):
        self.group = group
        self.context = browser.new_context(base_url=app_server.url, viewport=PHONE,
                                           locale="nl-NL", service_workers="block")
        self.context.set_default_timeout(8000)
        self.page = self.context.new_page()
        self.guard = PageGuard(app_server.url)
        self.guard.attach(self.context, self.page)

    def join_with_code(self, spoken_code):
        visit(self.page, "/")
        self.page.get_by_label("Workshopcode").fill(spoken_code.lower())
        self.page.get_by_role("button", name="Naar de workshop").click()
        axe_check(self.page)
        self.page.get_by_label(self.group, exact=True).check()
        self.page.get_by_role("button", name="Meedoen", exact=True).click()
        axe_check(self.page)
        expect(self.page.get_by_text(f"Je bent in de groep: {self.group}")).to_be_visible()

    def expect_heading(self, text):
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(text)
        axe_check(self.page)

    def prompt(self, n):
        return self.page.locator("section.samenspel-prompt").nth(n)

    def write(self, n, text, belongs_to=None):
        prompt = self.prompt(n)
        prompt.get_by_label("Jouw notitie", exact=True).fill(text)
        if belongs_to:
            prompt.get_by_role("combobox").first.select_option(label=belongs_to)
        prompt.get_by_role("button", name="Notitie toevoegen").click()
        axe_check(self.page)

    def group_notes(self):
        return self.page.locator('[data-live-region^="notes-"]')

    def close(self):
        self.guard.verify()
        self.context.close()


def test_a_whole_workshop_from_preparing_to_six_activities(browser, app_server, page,
                                                          page_guard):
    create_staff_user("anna", "facilitator", password=PASSWORD)

    # -- Prepare ---------------------------------------------------------------------------
    page.set_viewport_size(LAPTOP)
    log_in(page, "anna", PASSWORD)
    visit(page, "/workshops/nieuw/")
    page.get_by_label("Titel").fill("Dorpshuis De Kern: samen open houden")
    page.get_by_label("Casus").fill("Hoe houden we samen het dorpshuis in Panningen open?")
    page.get_by_label("Plaats").fill("Panningen")
    page.get_by_label("Ronde 2: Gewoontes en remmende gedachten").check()
    save_screenshot(page, "guide-prepare", full_page=False)
    page.get_by_role("button", name="Workshop aanmaken").click()
    axe_check(page)
    workshop = Workshop.objects.get()
    code_on_screen = page.locator(".samenspel-code").first.inner_text()
    assert code_on_screen.replace(" ", "") == workshop.join_code
    save_screenshot(page, "guide-console-lobby", full_page=False)

    projector = page.context.new_page()
    page_guard.attach(page.context, projector)
    projector.set_viewport_size(PROJECTOR)
    visit(projector, f"/workshops/{workshop.pk}/projector/")
    expect(projector.locator(".samenspel-projector__code")).to_have_text(code_on_screen)
    save_screenshot(projector, "guide-projector-lobby", full_page=False)

    # -- Join ------------------------------------------------------------------------------
    phones = {group: Phone(browser, app_server, group) for group in GROUPS}
    for phone in phones.values():
        phone.join_with_code(code_on_screen)
    save_screenshot(phones["Gemeenschap"].page, "guide-phone-lobby", full_page=False)
    expect(page.locator('[data-live-region="people"]')).to_contain_text("1")
    expect(projector.locator(".samenspel-people__count")).to_have_text(["1", "1", "1"])

    # -- Round 1: everyone sees their own group's notes only ---------------------------------
    page.get_by_role("button", name="Ronde 1 openen").click()
    axe_check(page)
    for group, ((behaviour, belief), _r, _a) in GROUPS.items():
        phone = phones[group]
        phone.expect_heading("Ronde 1")
        phone.write(0, behaviour)
        phone.write(1, belief, belongs_to=behaviour)
        expect(phone.group_notes().get_by_text(f"Hoort bij: {behaviour}")).to_be_visible()
    for group, phone in phones.items():
        for other, ((behaviour, _b), _r, _a) in GROUPS.items():
            seen = phone.group_notes().get_by_text(behaviour, exact=True)
            expect(seen).to_have_count(1 if other == group else 0)
    resident = phones["Gemeenschap"]
    resident.page.get_by_text("Jouw notities: wijzigen of verwijderen").first.click()
    resident.page.get_by_text("Wijzigen…").first.click()
    edit = resident.page.locator("[id^=edit-]").first
    edit.fill("We vragen buren persoonlijk om één uur te helpen.")
    resident.page.get_by_role("button", name="Opslaan").first.click()
    axe_check(resident.page)
    expect(resident.group_notes().first).to_contain_text("om één uur te helpen")
    save_screenshot(resident.page, "guide-phone-round-1", full_page=False)

    community = page.locator("section.samenspel-perspective--community")
    expect(community).to_contain_text("om één uur te helpen")
    # A note from paper that says the same: the facilitator types it in, then merges it.
    community.get_by_text("Notitie van papier overtypen…").click()
    community.get_by_label("Notitie", exact=True).fill("Buren vragen om mee te helpen")
    community.get_by_role("button", name="Toevoegen voor deze groep").click()
    axe_check(page)
    paper = community.locator(
        f"#note-{Contribution.objects.get(text='Buren vragen om mee te helpen').pk}")
    paper.get_by_text("Beheren…").click()
    paper.get_by_role("link", name="Samenvoegen met een notitie die hetzelfde zegt…").click()
    axe_check(page)
    page.get_by_label("We vragen buren persoonlijk om één uur te helpen.").check()
    save_screenshot(page, "merge-page", full_page=False)
    page.get_by_role("button", name="Samenvoegen").click()
    axe_check(page)
    expect(community).to_contain_text("2 keer genoemd")
    expect(resident.group_notes().first).to_contain_text("2 keer genoemd")
    save_screenshot(page, "guide-console-round-1", full_page=False)
    expect(projector.locator("section.samenspel-perspective--community")).to_contain_text(
        "om één uur te helpen")

    # -- Round 2, written privately ----------------------------------------------------------
    page.get_by_role("button", name="Ronde 2 openen").click()
    axe_check(page)
    for group, (_b, (routine, thought), _a) in GROUPS.items():
        phone = phones[group]
        phone.expect_heading("Ronde 2")
        phone.write(0, routine)
        phone.write(1, thought, belongs_to=routine)
        expect(phone.group_notes().first).to_contain_text("1 notitie geschreven")
        expect(phone.group_notes().first).not_to_contain_text(routine)
    save_screenshot(phones["Overheid"].page, "guide-phone-private", full_page=False)
    expect(page.locator("section.samenspel-perspective--government")).to_contain_text(
        "We sturen een brief met regels.")
    page.get_by_role("button", name="Notities aan de groepen laten zien").click()
    axe_check(page)
    for group, (_b, (routine, _t), _a) in GROUPS.items():
        phones[group].expect_heading("Ronde 2")
        expect(phones[group].group_notes().first).to_contain_text(routine)

    # -- Round 3: propose, vote, choose ------------------------------------------------------
    page.get_by_role("button", name="Ronde 3 openen").click()
    axe_check(page)
    for group, (_b, _r, activities) in GROUPS.items():
        phone = phones[group]
        phone.expect_heading("Ronde 3")
        for title in activities:
            phone.page.get_by_label("Activiteit", exact=True).fill(title)
            phone.page.get_by_role("button", name="Voorstellen").click()
            axe_check(phone.page)
        for title in activities[:2]:
            phone.page.get_by_role("button", name=f"Stip erbij voor {title}").click()
            axe_check(phone.page)
        if group == "Maatschappelijke organisaties":
            continue  # this group is stuck: the facilitator confirms for it below
        for title in activities[:2]:
            phone.page.get_by_role("checkbox", name=title).check()
        phone.page.get_by_role("button", name="Onze keuze bevestigen").click()
        axe_check(phone.page)
        expect(phone.page.locator(".samenspel-activity--chosen")).to_have_count(2)
    save_screenshot(phones["Gemeenschap"].page, "guide-phone-round-3", full_page=False)
    organisations = page.locator("section.samenspel-perspective--organisations")
    for title in GROUPS["Maatschappelijke organisaties"][2][:2]:
        organisations.get_by_role("checkbox", name=title).check()
    organisations.get_by_role("button", name="Keuze voor deze groep bevestigen").click()
    axe_check(page)
    assert Activity.objects.filter(chosen=True).count() == 6
    save_screenshot(page, "guide-console-round-3", full_page=False)

    # -- Share: the projector walks through the 6, the room reacts --------------------------
    page.get_by_role("button", name="Delen starten: eerste activiteit laten zien").click()
    axe_check(page)
    expect(projector.locator("#shown-title")).to_have_text("Maandelijks koffie-overleg")
    axe_check(projector)
    for phone in phones.values():
        phone.expect_heading("de groepen delen")
        card = phone.page.locator("#share-" + str(
            Activity.objects.get(title="Maandelijks koffie-overleg").pk))
        card.get_by_role("button", name="Ik steun dit").click()
        axe_check(phone.page)
        expect(phone.page.get_by_role("button", name="Ik steun dit", pressed=True)).to_have_count(1)
    phones["Gemeenschap"].page.get_by_role("button", name="Wij kunnen helpen").first.click()
    axe_check(phones["Gemeenschap"].page)
    support_row = projector.locator("tr", has_text="Steun")
    expect(support_row).to_contain_text("3")
    expect(projector.locator("tr", has_text="Kan helpen")).to_contain_text("1")
    save_screenshot(projector, "guide-projector-sharing", full_page=False)
    save_screenshot(phones["Overheid"].page, "guide-phone-sharing", full_page=False)
    page.get_by_role("button", name="Volgende activiteit laten zien").click()
    axe_check(page)
    expect(projector.locator("#shown-title")).to_have_text("Eén aanspreekpunt")
    expect(phones["Gemeenschap"].page.locator(".samenspel-shown")).to_contain_text(
        "Eén aanspreekpunt")
    assert Reaction.objects.count() == 4

    # -- Close: the outcome with the 6 activities -------------------------------------------
    page.get_by_role("button", name="Workshop afsluiten en de uitkomst laten zien").click()
    axe_check(page)
    expect(projector.get_by_role("heading", name="De 6 gekozen activiteiten")).to_be_visible()
    axe_check(projector)
    save_screenshot(projector, "guide-projector-end", full_page=False)
    for phone in phones.values():
        expect(phone.page.get_by_text("Uitkomst van de workshop")).to_be_visible()
        axe_check(phone.page)
        expect(phone.page.locator(".samenspel-activity--chosen")).to_have_count(6)
    save_screenshot(phones["Gemeenschap"].page, "guide-outcome-phone", full_page=False)
    outcome = phones["Overheid"].page
    for (_behaviour, belief), (routine, thought), _a in GROUPS.values():
        for text in (belief, routine, thought):
            expect(outcome.locator("main")).to_contain_text(text)
    expect(outcome.locator("body")).not_to_contain_text("Buren vragen om mee te helpen")
    assert re.fullmatch(r"/uitkomst/[\w-]+/(#.*)?", outcome.url.removeprefix(app_server.url))
    assert Contribution.objects.filter(merged_into__isnull=False).count() == 1

    for phone in phones.values():
        phone.close()
