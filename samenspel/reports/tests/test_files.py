"""Each export read back with a real reader — the csv module, openpyxl, pdftotext — says what
the workshop holds: every visible note and activity, no hidden note, and text that tries to
break a file (quotes, line breaks, emoji, Arabic and Hebrew, a formula) stays plain text."""

import csv
import io
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from samenspel.reports.exports import export_workshop
from samenspel.reports.tests.conftest import DUPLICATE, HIDDEN, TRICKY
from samenspel.workshops.models import Activity, Contribution

pytestmark = pytest.mark.django_db


def made(workshop, key, language="nl"):
    return export_workshop(workshop, key, language, staff=True).content


def visible_notes(workshop):
    return list(Contribution.objects.visible().filter(workshop=workshop).order_by("pk"))


def csv_rows(content, delimiter):
    assert content.startswith("\ufeff".encode())  # so Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline=""),
                               delimiter=delimiter))


def unescaped(cell):
    """What a reader gets back after the apostrophe that keeps a formula from running."""
    return cell[1:] if cell[:2] in {"'=", "'+", "'-", "'@"} else cell


def test_the_csv_file_has_one_row_per_visible_note_with_exactly_its_text(finished):
    rows = csv_rows(made(finished, "csv"), ";")
    assert sorted(unescaped(row["Notitie"]) for row in rows) == sorted(
        note.text for note in visible_notes(finished))
    assert HIDDEN not in {row["Notitie"] for row in rows}
    assert DUPLICATE not in {row["Notitie"] for row in rows}
    [belief] = [row for row in rows if row["Notitie"] == "Gedachte van community"]
    assert belief["Hoort bij"] == "Gedrag van community"
    assert (belief["Workshop"], belief["Ronde"], belief["Perspectief"]) == (
        "Samen in Panningen", "1", "Gemeenschap")
    assert belief["Vraag"] == "Helpende gedachte"


def test_no_csv_cell_starts_a_formula(finished):
    rows = csv_rows(made(finished, "csv"), ";")
    cells = [cell for row in rows for cell in row.values()]
    assert not [cell for cell in cells if cell[:1] in {"=", "+", "-", "@"}]
    assert "'=HYPERLINK(\"http://example.invalid\",\"klik\")" in cells


def test_the_english_csv_file_is_comma_separated(finished):
    rows = csv_rows(made(finished, "csv", "en"), ",")
    assert {"Round", "Perspective", "Note", "Belongs to", "Created at"} <= set(rows[0])


def test_the_spreadsheet_has_an_activities_sheet_and_a_sheet_per_round(finished):
    book = load_workbook(io.BytesIO(made(finished, "xlsx")))
    assert book.sheetnames == ["Workshop", "Activiteiten", "Ronde 1", "Ronde 2"]
    activities = book["Activiteiten"]
    assert activities.auto_filter.ref == "A1:I10"
    assert activities.freeze_panes == "A2"
    titles = {row[1] for row in activities.iter_rows(min_row=2, values_only=True)}
    assert titles == set(Activity.objects.filter(workshop=finished).values_list("title",
                                                                                 flat=True))


def test_the_spreadsheet_holds_exactly_the_stored_notes_as_text(finished):
    book = load_workbook(io.BytesIO(made(finished, "xlsx")))
    cells = [row[2] for name in ("Ronde 1", "Ronde 2")
             for row in book[name].iter_rows(min_row=2)]
    assert sorted(cell.value for cell in cells) == sorted(
        note.text for note in visible_notes(finished))
    assert all(cell.data_type == "s" for cell in cells)  # "=..." is text, not a formula
    widths = [book["Ronde 1"].column_dimensions[c].width for c in "ABCDEF"]
    assert all(8 <= width <= 80 for width in widths)


def test_markdown_escapes_what_would_become_a_heading_or_html(finished):
    text = made(finished, "md").decode()
    assert text.startswith("# Samen in Panningen\n")
    assert "## De 6 gekozen activiteiten" in text
    assert "- \\# geen kop, \\<b\\>geen HTML\\</b\\> \\| \\* \\_" in text
    assert "<b>" not in text
    assert "- Gedachte van community\n  - *Hoort bij:* Gedrag van community" in text
    assert HIDDEN not in text
    assert "Zo doen we het. Stap 1: samen." in text  # the description on one line


PDFTOTEXT, PDFINFO = shutil.which("pdftotext"), shutil.which("pdfinfo")
pdftotext = pytest.mark.skipif(PDFTOTEXT is None or PDFINFO is None,
                               reason="pdftotext (poppler-utils) is not installed")


def poppler(tool, content):
    """What a poppler tool prints about the PDF `content`."""
    return subprocess.run([tool, "-", "-"] if tool == PDFTOTEXT else [tool, "-"],  # noqa: S603
                          input=content, capture_output=True, check=True).stdout.decode()


def pdf_text(content):
    return " ".join(poppler(PDFTOTEXT, content).split())


@pdftotext
def test_the_pdf_holds_every_chosen_activity_and_visible_note_and_no_hidden_one(finished):
    text = pdf_text(made(finished, "pdf"))
    for activity in Activity.objects.filter(workshop=finished, chosen=True):
        assert activity.title in text
    for note in visible_notes(finished):
        if note.text not in TRICKY[1:2]:  # right-to-left text comes out reordered
            assert note.text in text, note.text
    assert HIDDEN not in text
    assert DUPLICATE not in text
    assert "Een naam van een buurman" not in text
    assert "Inhoud" in text and "Pagina 3 van" in text


@pdftotext
def test_the_pdf_is_tagged_a4_and_has_a_title_in_its_language(finished):
    content = made(finished, "pdf", "en")
    info = poppler(PDFINFO, content)
    assert "Tagged:          yes" in info
    assert "595.276 x 841.89 pts (A4)" in info
    assert "Title:           Outcome of the workshop: Samen in Panningen" in info
    assert "Contents" in pdf_text(content)


@pdftotext
def test_the_poster_is_one_page_with_the_six_activities(finished):
    for key, size in (("poster", "841.89 x 1190.55"), ("poster-a4", "841.89 x 595.276")):
        content = made(finished, key)
        info = poppler(PDFINFO, content)
        assert "Pages:           1" in info
        assert size.split(" x ")[1] in info.split("Page size:")[1].split("\n")[0]
        text = pdf_text(content)
        for activity in Activity.objects.filter(workshop=finished, chosen=True):
            assert activity.title in text


def test_the_same_pdf_is_drawn_once_until_the_workshop_changes(finished, monkeypatch):
    from django.core.cache import cache

    from samenspel.reports import pdf_file
    from samenspel.workshops import services

    drawn = []
    draw = pdf_file.pdf
    monkeypatch.setattr(pdf_file, "pdf", lambda html: drawn.append(html) or draw(html))
    cache.clear()
    first = made(finished, "pdf")
    assert made(finished, "pdf") == first
    assert len(drawn) == 1
    services.hide_note(finished, visible_notes(finished)[0], "Dubbel")
    assert made(finished, "pdf") != first
    assert len(drawn) == 2


def test_line_breaks_in_a_description_survive_the_spreadsheet(finished):
    book = load_workbook(io.BytesIO(made(finished, "xlsx")))
    descriptions = {row[2] for row in book["Activiteiten"].iter_rows(min_row=2,
                                                                      values_only=True)}
    assert "Zo doen we het.\nStap 1: samen." in descriptions
    about = dict(book["Workshop"].iter_rows(values_only=True))
    assert about["Casus"] == finished.case_description
    assert about["Deelnemers: Gemeenschap"] == 3


def test_without_pango_the_pdf_is_refused_with_a_reason(client, finished, monkeypatch):
    import builtins

    from django.core.cache import cache
    from django.urls import reverse

    load = builtins.__import__

    def without_pango(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return load(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_pango)
    cache.clear()
    answer = client.get(reverse("reports:outcome_download", args=[finished.outcome_key]),
                        {"format": "pdf"})
    assert answer.status_code == 400
    assert "Pango ontbreekt" in answer.content.decode()
    assert client.get(reverse("reports:outcome_download", args=[finished.outcome_key]),
                      {"format": "csv"}).status_code == 200
