"""What anyone types is stored as they meant it: composed Unicode, no invisible control
characters, no reordering tricks; emoji, accents and right-to-left script stay as they are."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from samenspel.core.text import BIDI_CONTROLS, one_line, plain_text


def test_an_accent_typed_two_ways_is_one_letter():
    assert plain_text("Cafe\u0301 De Kern") == "Café De Kern"


def test_control_characters_and_reordering_tricks_are_dropped():
    assert plain_text("Jan\x00\x07\x1b[31m\u202eetsiuR\u202c") == "Jan[31metsiuR"


def test_what_people_write_on_purpose_stays():
    for text in ("👨‍👩‍👧 samen", "مركز الحي", "שלום", "zo'n \"dorpshuis\"", "=1+1"):
        assert plain_text(text) == text


def test_line_breaks_stay_in_a_text_and_go_in_a_line():
    assert plain_text(" Eerst\r\ndan\rdaarna\t! ") == "Eerst\ndan\ndaarna\t!"
    assert one_line(" Eerst\r\n\n dan ") == "Eerst dan"


@given(st.text())
def test_the_result_is_clean_and_cleaning_it_again_changes_nothing(text):
    cleaned = plain_text(text)
    assert all(ch in "\n\t" or unicodedata.category(ch) != "Cc" for ch in cleaned)
    assert not set(cleaned) & BIDI_CONTROLS
    assert plain_text(cleaned) == cleaned
    assert one_line(one_line(text)) == one_line(text)


def test_a_letter_and_its_accent_split_by_a_control_character_come_together():
    assert plain_text("e\x00\u0301") == "é"
