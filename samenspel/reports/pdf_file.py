"""The PDF report (A4, tagged for screen readers: PDF/UA) and the poster of the chosen
activities (one A3 or A4 page for the wall), from HTML templates rendered by WeasyPrint.
WeasyPrint may fetch nothing from outside: only the data: addresses we put in ourselves
(the logo), so a note can never make the server fetch a URL."""

from __future__ import annotations

import base64
from dataclasses import dataclass

import segno
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from samenspel.accounts.colours import normalise_hex
from samenspel.accounts.models import Theme
from samenspel.reports.report import Report
from samenspel.workshops.services import WorkshopError

POSTER_SIZES = ("A3", "A4")


@dataclass(frozen=True)
class Letterhead:
    """The organisation the report comes from, as its theme shows it."""

    organisation_name: str
    primary_colour: str
    primary_text_colour: str
    logo_data_url: str
    logo_alt: str


def letterhead() -> Letterhead:
    theme = Theme.objects.current(with_logo=True)
    logo = ""
    if theme.has_logo and theme.logo:
        encoded = base64.b64encode(bytes(theme.logo)).decode("ascii")
        logo = f"data:{theme.logo_content_type};base64,{encoded}"
    return Letterhead(
        organisation_name=theme.organisation_name,
        primary_colour=normalise_hex(theme.primary_colour),
        primary_text_colour=normalise_hex(theme.primary_text_colour),
        logo_data_url=logo,
        logo_alt=theme.logo_alt,
    )


def render(report: Report, head: Letterhead) -> bytes:
    with override(report.language):
        html = render_to_string("reports/report.html", {
            "report": report, "cover": report.cover, "head": head,
            "made_on": timezone.localdate(),
        })
        return pdf(html)


def render_poster(report: Report, head: Letterhead, size: str = "A3",
                  outcome_url: str = "") -> bytes:
    """The chosen activities on one landscape page; with the outcome page's address as a
    QR code when there is one to give."""
    with override(report.language):
        qr = ""
        if outcome_url:
            qr = segno.make(outcome_url, error="m").svg_inline(
                scale=4, border=0, title=_("QR code to the whole outcome")
            )
        html = render_to_string("reports/poster.html", {
            "report": report, "cover": report.cover, "head": head,
            "size": size if size in POSTER_SIZES else "A3", "qr_svg": qr,
            "outcome_url": outcome_url,
        })
        return pdf(html)


def pdf(html: str) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which every process would pay
    # for at start (and could not start without), while only a PDF download needs it.
    try:
        from weasyprint import HTML, URLFetcher
    except OSError as error:
        raise WorkshopError("pdf_unavailable", _(
            "This installation cannot make PDF files: the Pango library is missing. "
            "Ask the administrator, or download another format."
        )) from error
    document = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"}))
    # Without a target, write_pdf returns the bytes.
    return bytes(document.write_pdf(pdf_variant="pdf/ua-1"))
