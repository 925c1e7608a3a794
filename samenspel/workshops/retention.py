"""How long participants' data is kept: the organisation's period (accounts.Theme), or the
workshop's own, counted in months from the workshop's date (or the day it was made).

When it has passed, `services.anonymise_participants` removes what ties the workshop to
people: display names, the secrets that let a phone back in, the form keys, and the hidden
notes with the reasons they were hidden. What the room made together — the visible notes,
the activities, the counts of dots and reactions — stays, without anyone's name on it."""

from __future__ import annotations

import calendar
from datetime import date

from samenspel.accounts.models import Theme
from samenspel.workshops.models import Workshop


def months_later(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it is shorter (31 Jan + 1 →
    28 or 29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def kept_until(workshop: Workshop, default_months: int) -> date:
    start = workshop.date or workshop.created_at.date()
    return months_later(start, workshop.retention_months or default_months)


def due_for_anonymising(today: date) -> list[Workshop]:
    """The workshops whose period has passed and that still hold participants' data."""
    default = Theme.objects.current().retention_months
    return [
        workshop for workshop in Workshop.objects.filter(anonymised_at__isnull=True)
        if kept_until(workshop, default) <= today
    ]
