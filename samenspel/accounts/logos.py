"""Which logo files the theme accepts: the type is read from the bytes, never from the browser."""

from __future__ import annotations

import re

MAX_LOGO_BYTES = 200 * 1024

PNG = "image/png"
JPEG = "image/jpeg"
SVG = "image/svg+xml"

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_SIGNATURE = b"\xff\xd8\xff"
# An SVG may open with a byte-order mark, an XML declaration, comments and a doctype
# before its root element; anything else in front means it is not (only) an SVG.
_SVG_PROLOGUE = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>]",
    re.DOTALL | re.IGNORECASE,
)


def sniff_logo_type(data: bytes) -> str | None:
    """The content type of a PNG, JPEG or SVG image, or None for any other file."""
    if data.startswith(_PNG_SIGNATURE):
        return PNG
    if data.startswith(_JPEG_SIGNATURE):
        return JPEG
    if _SVG_PROLOGUE.match(data):
        return SVG
    return None
