"""Text from participants made harmless for a spreadsheet: a cell that starts with = + - @
(or a tab or carriage return) would run as a formula in Excel or LibreOffice."""

from __future__ import annotations

import re
from datetime import datetime

from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters that XML 1.0, and so an .xlsx file, cannot hold.
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def inert(text: str) -> str:
    """The text as a CSV cell: with an apostrophe before a formula start, as OWASP advises;
    a spreadsheet then shows the text instead of computing it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def local_time(moment: datetime) -> datetime:
    """The moment in the installation's time zone, without zone: what a spreadsheet shows."""
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0)
