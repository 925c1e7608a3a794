"""The export formats, and making one: the PDF report, the poster, the spreadsheet, the CSV
file and the Markdown text are all made from the one report of the workshop; the JSON file
is the complete workshop, for staff only (it holds hidden notes and why they were hidden)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from samenspel.reports import csv_file, markdown_file, pdf_file, xlsx_file
from samenspel.reports.document import Document, as_json, workshop_document
from samenspel.reports.report import LANGUAGES, Report, build_report
from samenspel.workshops.models import Workshop
from samenspel.workshops.services import WorkshopError


@dataclass(frozen=True)
class Format:
    key: str
    label: Promise
    extension: str
    content_type: str
    complete: bool = False  # the whole workshop: for staff only


FORMATS = (
    Format("pdf", _("Report (PDF)"), "pdf", "application/pdf"),
    Format("poster", _("Poster of the activities (PDF, A3)"), "pdf", "application/pdf"),
    Format("poster-a4", _("Poster of the activities (PDF, A4)"), "pdf", "application/pdf"),
    Format("xlsx", _("Spreadsheet (Excel)"), "xlsx",
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    Format("csv", _("All notes (CSV)"), "csv", "text/csv; charset=utf-8"),
    Format("md", _("Overview (Markdown)"), "md", "text/markdown; charset=utf-8"),
    Format("json", _("Complete workshop (JSON, to import elsewhere)"), "json",
           "application/json", complete=True),
)
FORMAT_KEYS = tuple(f.key for f in FORMATS)
PUBLIC_FORMATS = tuple(f for f in FORMATS if not f.complete)


@dataclass(frozen=True)
class Export:
    content: bytes
    content_type: str
    filename: str


def export_format(key: str, *, staff: bool) -> Format:
    """The format asked for; an unknown one, or the complete workshop for someone who is not
    staff, is refused."""
    found = next((f for f in FORMATS if f.key == key), None)
    if found is None or (found.complete and not staff):
        raise WorkshopError("unknown_format", str(_(
            "There is no such download. Choose one of: %(formats)s."
        )) % {"formats": ", ".join(f.key for f in FORMATS if staff or not f.complete)})
    return found


def export_workshop(
    workshop: Workshop, key: str, language: str, *, staff: bool, outcome_url: str = ""
) -> Export:
    """The workshop in one format and language ("nl" or "en")."""
    chosen = export_format(key, staff=staff)
    if language not in LANGUAGES:
        raise WorkshopError("unknown_language", str(_("Choose Dutch (nl) or English (en).")))
    document = workshop_document(workshop)
    if chosen.complete:
        content = as_json(document)
    else:
        content = rendered(chosen.key, document, language, outcome_url)
    name = slugify(workshop.title)[:60].strip("-") or "workshop"
    day = f"-{workshop.date.isoformat()}" if workshop.date else ""
    suffix = f"-{chosen.key}" if chosen.key.startswith("poster") else ""
    return Export(content, chosen.content_type, f"{name}{day}{suffix}.{chosen.extension}")


Renderer = Callable[[Report, pdf_file.Letterhead, str], bytes]
RENDERERS: dict[str, Renderer] = {
    "pdf": lambda report, head, _url: pdf_file.render(report, head),
    "poster": lambda report, head, url: pdf_file.render_poster(report, head, "A3", url),
    "poster-a4": lambda report, head, url: pdf_file.render_poster(report, head, "A4", url),
    "xlsx": lambda report, _head, _url: xlsx_file.render(report),
    "csv": lambda report, _head, _url: csv_file.render(report),
    "md": lambda report, _head, _url: markdown_file.render(report),
}
# A PDF costs WeasyPrint seconds (docs/benchmarks.md); the same workshop, look, language
# and day give the same file, so everyone who downloads it after the first gets it at once.
SLOW = {"pdf", "poster", "poster-a4"}
CACHE_SECONDS = 24 * 3600


def rendered(key: str, document: Document, language: str, outcome_url: str) -> bytes:
    head = pdf_file.letterhead()
    if key not in SLOW:
        return RENDERERS[key](build_report(document, language), head, outcome_url)
    recipe = b"\0".join([
        as_json(document), key.encode(), language.encode(), outcome_url.encode(),
        repr(head).encode(), timezone.localdate().isoformat().encode(),
    ])
    name = f"samenspel:reports:{hashlib.sha256(recipe).hexdigest()}"
    content = cache.get(name)
    if not isinstance(content, bytes):
        content = RENDERERS[key](build_report(document, language), head, outcome_url)
        cache.set(name, content, CACHE_SECONDS)
    return content
