"""Join codes: short, easy to read aloud and to type on a phone.

The alphabet leaves out characters that look or sound alike (0/O, 1/I/L, 2/Z, 5/S, 8/B,
6/G, and U/V). Each code is drawn at random with `secrets`, so one code says nothing about
another: 6 characters from 21 give 21**6 = 85,766,121 codes.
"""

from __future__ import annotations

import secrets

ALPHABET = "ACDEFHJKMNPQRTWXY3479"
LENGTH = 6


def new_join_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_join_code(typed: str) -> str | None:
    """The code as stored, from what a person typed ("kmt 4xh", "KMT-4XH"), or None when it
    cannot be a code at all."""
    code = "".join(ch for ch in typed.upper() if ch not in " -.\t")
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def spoken(code: str) -> str:
    """The code in two halves, as it is shown and read aloud: "KMT 4XH"."""
    half = len(code) // 2
    return f"{code[:half]} {code[half:]}"
