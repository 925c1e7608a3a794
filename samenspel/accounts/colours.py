"""Hex colours and their WCAG 2.x contrast: pure functions, no Django."""

from __future__ import annotations

import re

#: WCAG 2.2 success criterion 1.4.3 (AA): normal text needs at least 4.5:1.
MIN_TEXT_CONTRAST = 4.5
#: WCAG 2.2 success criterion 1.4.11 (AA): the edge of a control needs at least 3:1.
MIN_NON_TEXT_CONTRAST = 3.0

WHITE = "#ffffff"
BLACK = "#000000"

_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def is_hex_colour(value: str) -> bool:
    """True for ``#rgb`` and ``#rrggbb`` (either case)."""
    return _HEX_COLOUR.fullmatch(value) is not None


def normalise_hex(value: str) -> str:
    """``#ABC`` → ``#aabbcc``; ``#AABBCC`` → ``#aabbcc``. Raises ValueError for anything else."""
    value = value.strip()
    if not is_hex_colour(value):
        raise ValueError(f"not a hex colour: {value!r}")
    digits = value[1:].lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def _rgb(value: str) -> tuple[int, int, int]:
    digits = normalise_hex(value)[1:]
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def relative_luminance(value: str) -> float:
    """WCAG relative luminance: L = 0.2126 R + 0.7152 G + 0.0722 B over linearised sRGB,
    where a channel c (0…1) linearises to c / 12.92 if c ≤ 0.04045, else ((c + 0.055) / 1.055)^2.4.
    """

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = _rgb(value)
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast_ratio(hex_a: str, hex_b: str) -> float:
    """WCAG contrast ratio (L_lighter + 0.05) / (L_darker + 0.05), from 1.0 to 21.0.

    The order of the two colours does not matter.
    """
    lighter, darker = sorted((relative_luminance(hex_a), relative_luminance(hex_b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def floor_ratio(ratio: float) -> float:
    """Two decimals, rounded down, so a ratio just under a minimum never reads as the minimum."""
    return int(ratio * 100) / 100


def mix(hex_a: str, hex_b: str, weight_b: float) -> str:
    """The colour ``weight_b`` (0…1) of the way from ``hex_a`` to ``hex_b``, per sRGB channel."""
    mixed = (round(a + (b - a) * weight_b) for a, b in zip(_rgb(hex_a), _rgb(hex_b), strict=True))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def shade_away_from(background: str, text: str, weight: float = 0.2) -> str:
    """A hover or pressed shade of ``background`` that keeps at least its contrast with ``text``.

    It moves towards black when the text is lighter than the background and towards white
    when the text is darker, so the luminance gap (and so the contrast) only grows.
    """
    towards = BLACK if relative_luminance(text) >= relative_luminance(background) else WHITE
    return mix(background, towards, weight)
