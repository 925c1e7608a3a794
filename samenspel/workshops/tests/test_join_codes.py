"""Join codes are short, unambiguous to read aloud, and forgiving to type."""

from hypothesis import given
from hypothesis import strategies as st

from samenspel.workshops.join_codes import (
    ALPHABET,
    LENGTH,
    new_join_code,
    normalise_join_code,
    spoken,
)


def test_codes_have_no_look_alike_characters():
    for ambiguous in "0O1IL2Z5S8B6GUV":
        assert ambiguous not in ALPHABET


def test_new_codes_are_random_and_well_formed():
    codes = {new_join_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(normalise_join_code(code) == code for code in codes)


def test_typed_code_is_forgiven_case_spaces_and_dashes():
    assert normalise_join_code("kmt 4xh") == "KMT4XH"
    assert normalise_join_code(" KMT-4XH ") == "KMT4XH"


def test_text_that_cannot_be_a_code_is_refused():
    assert normalise_join_code("") is None
    assert normalise_join_code("KMT4X") is None
    assert normalise_join_code("KMT4X0") is None  # zero is not in the alphabet


def test_code_is_read_aloud_in_two_halves():
    assert spoken("KMT4XH") == "KMT 4XH"


@given(st.text(max_size=40))
def test_normalising_never_crashes_and_only_yields_valid_codes(text):
    code = normalise_join_code(text)
    assert code is None or (len(code) == LENGTH and set(code) <= set(ALPHABET))
