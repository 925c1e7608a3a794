"""Content stored in two languages (fields named `<field>_nl` and `<field>_en`), read in the
visitor's language with Dutch as the fallback."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language

FALLBACK_LANGUAGE = "nl"


def localized(obj: Any, field: str) -> str:
    """The value of `field` in the active language, or the Dutch value when that is empty."""
    language = (get_language() or FALLBACK_LANGUAGE).split("-")[0]
    value = getattr(obj, f"{field}_{language}", "") or ""
    return str(value or getattr(obj, f"{field}_{FALLBACK_LANGUAGE}"))
