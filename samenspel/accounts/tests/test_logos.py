"""Which logo files are accepted: the type comes from the bytes."""

import pytest

from samenspel.accounts.logos import JPEG, PNG, SVG, sniff_logo_type

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\0" * 20
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\0" * 20
SVG_BYTES = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>'


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (PNG_BYTES, PNG),
        (JPEG_BYTES, JPEG),
        (SVG_BYTES, SVG),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- made by hand -->\n' + SVG_BYTES, SVG),
        (b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">' + SVG_BYTES, SVG),
    ],
)
def test_png_jpeg_and_svg_are_recognised(data, content_type):
    assert sniff_logo_type(data) == content_type


@pytest.mark.parametrize(
    "data",
    [
        b"GIF89a" + b"\0" * 20,
        b"<html><body><svg></svg></body></html>",
        b"%PDF-1.7",
        b"",
        b"<svgfoo>",
    ],
)
def test_other_files_are_refused(data):
    assert sniff_logo_type(data) is None
