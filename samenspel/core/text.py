"""Text as people meant it: what anyone types (a note, a name, a case, an activity) is stored
in Unicode's composed form (NFC, so "é" typed two ways is one "é") without control
characters — they are invisible, can reorder what others read (bidirectional overrides), and
PostgreSQL refuses the NUL character outright. Line breaks and tabs stay where a field may
have several lines."""

from __future__ import annotations

import unicodedata

# Bidirectional embeddings, overrides and isolates: they make text read in another order
# than it was written (CVE-2021-42574). Right-to-left script itself needs none of them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
KEPT = frozenset("\n\t")


def plain_text(text: str) -> str:
    """NFC, line breaks as "\\n", without control characters; the ends stripped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(
        ch for ch in text
        if ch in KEPT or (unicodedata.category(ch) != "Cc" and ch not in BIDI_CONTROLS)
    )
    # Composed after the dropping: "e", NUL, a combining accent is "é" too.
    return unicodedata.normalize("NFC", kept).strip()


def one_line(text: str) -> str:
    """plain_text on one line: every run of white space one space."""
    return " ".join(plain_text(text).split())
