"""The CSV export: one tidy row per visible note, for a spreadsheet or a script. UTF-8 with
a byte order mark and Windows line ends, so Excel opens it cleanly; a semicolon between the
fields in Dutch (what Dutch Excel expects), a comma in English."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _
from django.utils.translation import override

from samenspel.reports.cells import inert, local_time
from samenspel.reports.report import Report

DELIMITERS = {"nl": ";", "en": ","}


def render(report: Report) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITERS[report.language], lineterminator="\r\n")
    with override(report.language):
        writer.writerow([
            _("Workshop"), _("Round"), _("Question"), _("Perspective"), _("Note"),
            _("Belongs to"), _("Named"), _("Created at"),
        ])
        for round_, group, prompt, note in report.notes:
            writer.writerow([
                inert(report.cover.title),
                round_.number,
                inert(prompt.label),
                group.label,
                inert(note.text),
                inert(note.belongs_to),
                note.named,
                local_time(note.created_at).isoformat(sep=" "),
            ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
