"""Hostile text stays text everywhere it shows: an XSS corpus in notes, names, case texts and
activity titles renders inert on the phone, the console, the projector, the outcome page and
the compass pages, and reads back literally from the PDF and the spreadsheet."""

import io
import subprocess
import tempfile

import openpyxl
import pytest
from django.urls import reverse

from samenspel.accounts.services import create_staff_user
from samenspel.compass import services as compass
from samenspel.method.services import default_template
from samenspel.reports.exports import export_workshop
from samenspel.workshops import services
from samenspel.workshops.models import Contribution
from samenspel.workshops.tests.steps import join_by_form

PASSWORD = "een-lang-wachtwoord-42"

# What an attacker would type: tags, attributes that break out of quotes, URLs that run
# script, template syntax of the common engines, and a formula for the spreadsheet.
CORPUS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "'><svg onload=alert(3)>",
    "javascript:alert(4)",
    "{{ 7*7 }} {% now 'Y' %} ${7*7}",
    "</textarea><iframe src=//evil.example>",
    "=HYPERLINK(\"http://evil.example\",\"klik\")",
)
# Markup that must never appear as markup in a page.
ACTIVE = ("<script>alert", "<img src=x", "<svg onload", "<iframe", "onerror=alert(2)>")


@pytest.fixture
def hostile(client, db):
    """A whole workshop in which every text anyone can type is from the corpus."""
    create_staff_user("anna", "facilitator", password=PASSWORD)
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title=CORPUS[0],
        case_description=" ".join(CORPUS), place=CORPUS[1], facilitator_names=CORPUS[2],
    )
    rounds = {r.number: r for r in workshop.template.rounds.all()}
    services.open_round(workshop, rounds[1])
    me = join_by_form(client, workshop, "community")
    services.join_workshop(workshop, "government", display_name=CORPUS[1])
    behaviour = rounds[1].prompts.get(kind="desired_behaviour")
    notes = [services.add_contribution(me, behaviour, text) for text in CORPUS]
    services.open_round(workshop, rounds[3])
    for title in CORPUS[:2]:
        activity = services.propose_activity(me, title, CORPUS[2], serves=notes[:1])
    services.choose_activities(workshop, "community", list(workshop.activities.all()))
    services.show_activity(workshop, activity)
    case = compass.create_case(created_by=None, title=CORPUS[0], description=" ".join(CORPUS),
                               owner="community", area=CORPUS[1], theme=CORPUS[2])
    return workshop, case


def assert_inert(html, where):
    for active in ACTIVE:
        assert active not in html, (where, active)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, where
    if "7*7" in html:  # where the case text shows: as typed, never run
        assert "{{ 7*7 }} {% now &#x27;Y&#x27; %} ${7*7}" in html, where


def test_the_corpus_is_inert_on_every_page(client, hostile):
    workshop, case = hostile
    phone = client.get(reverse("workshops:participant", args=[workshop.join_code]))
    assert_inert(phone.content.decode(), "phone")
    outcome = client.get(reverse("workshops:outcome", args=[workshop.outcome_key]))
    assert_inert(outcome.content.decode(), "outcome")
    client.login(username="anna", password=PASSWORD)
    shown = []
    for name, args in (("workshops:console", [workshop.pk]), ("workshops:projector", [workshop.pk]),
                       ("workshops:list", []), ("compass:case", [case.pk]),
                       ("compass:cases", [])):
        page = client.get(reverse(name, args=args))
        assert page.status_code == 200, name
        assert_inert(page.content.decode(), name)
        shown.append("7*7" in page.content.decode())
    assert any(shown)  # the case text with the template syntax was on a page
    services.close_workshop(workshop)  # its activities are followed up now
    for address in (reverse("followup:dashboard"),
                    reverse("followup:review", args=[workshop.pk])):
        page = client.get(address)
        assert page.status_code == 200, address
        assert_inert(page.content.decode(), address)


def test_the_corpus_reads_back_literally_from_the_pdf_and_the_spreadsheet(hostile):
    workshop, _case = hostile
    services.close_workshop(workshop)
    pdf = export_workshop(workshop, "pdf", "nl", staff=True).content
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        text = subprocess.run(["pdftotext", "-layout", file.name, "-"], capture_output=True,
                              text=True, check=True).stdout
    assert "<script>alert(1)</script>" in " ".join(text.split())

    sheet = openpyxl.load_workbook(io.BytesIO(
        export_workshop(workshop, "xlsx", "nl", staff=True).content))
    cells = [cell for ws in sheet.worksheets for row in ws.iter_rows() for cell in row
             if isinstance(cell.value, str) and "HYPERLINK" in cell.value]
    assert cells and all(cell.data_type == "s" for cell in cells)  # text, never a formula


def test_control_characters_never_reach_the_database(db):
    workshop = services.create_workshop(created_by=None, template=default_template(),
                                        title="Samen\x00", case_description="Casus\u202e")
    round_1 = workshop.template.rounds.get(number=1)
    services.open_round(workshop, round_1)
    resident = services.join_workshop(workshop, "community", display_name="Ja\x07n")
    note = services.add_contribution(
        resident, round_1.prompts.get(kind="desired_behaviour"), "Sa\x00men\u202e\x1b!")
    assert Contribution.objects.get(pk=note.pk).text == "Samen!"
    assert (workshop.title, workshop.case_description, resident.display_name) == (
        "Samen", "Casus", "Jan")
