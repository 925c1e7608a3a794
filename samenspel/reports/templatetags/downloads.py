"""{% downloads workshop staff=... %}: the download buttons, on the outcome page (for whoever
has its link) and in the facilitator console (the complete workshop too)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from samenspel.reports.exports import FORMATS, PUBLIC_FORMATS
from samenspel.reports.forms import DownloadForm
from samenspel.workshops.models import Workshop

register = template.Library()


@register.inclusion_tag("reports/_downloads.html")
def downloads(workshop: Workshop, staff: bool = False) -> dict[str, Any]:
    return {
        "action": reverse("reports:workshop_download", args=[workshop.pk]) if staff
        else reverse("reports:outcome_download", args=[workshop.outcome_key]),
        "formats": FORMATS if staff else PUBLIC_FORMATS,
        "form": DownloadForm(),
        "running": workshop.state != Workshop.State.CLOSED,
    }
