"""The spreadsheet export (.xlsx): a sheet with the workshop, a sheet of activities and one
sheet per round, each with a header row that stays in view, filters and column widths that
fit. Participants' text is always stored as text, so a note that starts with "=" shows as
written and is never computed."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import override

from samenspel.reports.cells import NOT_IN_XML, local_time
from samenspel.reports.report import Report
from samenspel.workshops.boards import COUNT_LABELS

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_COLOUR = "DDE7F0"
WIDEST = 80


def render(report: Report) -> bytes:
    # Imported here, as WeasyPrint is: a process that never makes a spreadsheet need not
    # load openpyxl.
    from openpyxl import Workbook

    with override(report.language):
        book = Workbook()
        book.remove(book.worksheets[0])
        about_sheet(book.create_sheet(_("Workshop")), report)
        activities_sheet(book.create_sheet(_("Activities")), report)
        if report.follow_up:
            follow_up_sheets(book, report)
        for round_ in report.rounds:
            sheet = book.create_sheet(_("Round %(number)d") % {"number": round_.number})
            table(sheet, [_("Perspective"), _("Question"), _("Note"), _("Belongs to"),
                          _("Named"), _("Created at")], [
                [group.label, prompt.label, note.text, note.belongs_to, note.named,
                 local_time(note.created_at)]
                for group in round_.groups for prompt in group.prompts for note in prompt.notes
            ], wrap={3, 4})
        out = io.BytesIO()
        book.save(out)
    return out.getvalue()


def about_sheet(sheet: Worksheet, report: Report) -> None:
    from openpyxl.styles import Alignment, Font

    cover = report.cover
    rows: list[list[object]] = [
        [_("Workshop"), cover.title],
        [_("Workshop template"), cover.template_title],
        [_("Case"), cover.case],
        [_("Date"), cover.date.isoformat() if cover.date else ""],
        [_("Place"), cover.place],
        [_("Facilitators"), cover.facilitators],
        [_("State"), cover.state],
        *[[_("Participants: %(group)s") % {"group": group.label}, group.count]
          for group in cover.people],
    ]
    for row in rows:
        sheet.append([text_cell(value) for value in row])
    for cell in sheet["A"]:
        cell.font = Font(bold=True)
    for cell in sheet["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    keep_text_as_text(sheet)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = WIDEST


def activities_sheet(sheet: Worksheet, report: Report) -> None:
    headers = [_("Perspective"), _("Activity"), _("Description"), _("Chosen"), _("Dots"),
               _("Serves"), *(str(label) for label in COUNT_LABELS.values())]
    rows: list[list[object]] = []
    for group in report.activities:
        for activity in (*group.chosen, *group.others):
            rows.append([
                group.label, activity.title, activity.description,
                _("yes") if activity.chosen else _("no"), activity.dots,
                "; ".join(activity.serves), *[r.total for r in activity.reactions],
            ])
    table(sheet, headers, rows, wrap={2, 5})


def follow_up_sheets(book: Workbook, report: Report) -> None:
    """One row per check-in (an activity without one gets a row of its own), and one row
    per status change."""
    rows: list[list[object]] = []
    for activity in report.follow_up:
        facts = [activity.title, activity.owner_label, activity.owner_organisation,
                 activity.status_label,
                 activity.target_date.isoformat() if activity.target_date else ""]
        rows += [
            [*facts, c.date.isoformat(), c.perspective_label, c.worked_label, c.done,
             c.evidence, c.evidence_link, c.left_to_do]
            for c in activity.check_ins
        ] or [[*facts, "", "", "", "", "", "", ""]]
    table(book.create_sheet(_("Follow-up")), [
        _("Activity"), _("Owner"), _("Organisation"), _("Status"), _("Target date"),
        _("Date"), _("Perspective"), _("Did it work?"), _("What have we done?"),
        _("How do we know?"), _("Link"), _("What is left to do?"),
    ], rows, wrap={8, 9, 11})
    table(book.create_sheet(_("Status changes")), [
        _("Activity"), _("Date"), _("From"), _("To")], [
        [activity.title, change.date.isoformat(), change.from_label, change.to_label]
        for activity in report.follow_up for change in activity.status_changes
    ], wrap=set())


def table(sheet: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[object]],
          wrap: set[int]) -> None:
    """A header row, the rows, a filter over all of it, the header frozen, and each column
    as wide as its longest text up to WIDEST (wrapped beyond: the columns in `wrap`)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.append(list(headers))
    for row in rows:
        sheet.append([text_cell(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_COLOUR)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    sheet.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    for index, header in enumerate(headers):
        longest = max([len(header), *(len(str(row[index])) for row in rows)])
        letter = get_column_letter(index + 1)
        sheet.column_dimensions[letter].width = min(longest + 2, WIDEST)
        if index in wrap:
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
    keep_text_as_text(sheet)


def keep_text_as_text(sheet: Worksheet) -> None:
    """openpyxl takes a string that starts with "=" for a formula; these are text."""
    for row_cells in sheet.iter_rows():
        for cell in row_cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def text_cell(value: object) -> object:
    """Text without the control characters XML cannot hold; other values as they are."""
    return NOT_IN_XML.sub("\ufffd", value) if isinstance(value, str) else value
