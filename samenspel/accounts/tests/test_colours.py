"""WCAG contrast and the colour helpers: pure functions."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenspel.accounts.colours import (
    contrast_ratio,
    floor_ratio,
    is_hex_colour,
    normalise_hex,
    relative_luminance,
    shade_away_from,
)

hex_colours = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")


def test_black_on_white_is_21_to_1():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)


def test_a_colour_on_itself_is_1_to_1():
    assert contrast_ratio("#00703c", "#00703C") == pytest.approx(1.0)


def test_known_pairs_match_the_wcag_formula():
    # #767676 is the lightest grey that passes 4.5:1 on white; #777777 just fails.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5


@given(hex_colours, hex_colours)
def test_contrast_does_not_depend_on_order(a, b):
    assert contrast_ratio(a, b) == pytest.approx(contrast_ratio(b, a))
    assert 1.0 <= contrast_ratio(a, b) <= 21.0


@given(hex_colours, hex_colours)
def test_hover_shade_never_lowers_contrast_with_its_text(background, text):
    shade = shade_away_from(background, text)
    assert contrast_ratio(shade, text) >= contrast_ratio(background, text) - 1e-9


def test_short_hex_is_expanded_and_lowercased():
    assert normalise_hex("#ABC") == "#aabbcc"
    assert normalise_hex(" #00703C ") == "#00703c"
    assert relative_luminance("#fff") == pytest.approx(1.0)


@pytest.mark.parametrize("value", ["00703c", "#00703", "#00703cc", "#gggggg", "red", ""])
def test_not_hex_colours(value):
    assert not is_hex_colour(value)
    with pytest.raises(ValueError):
        normalise_hex(value)


def test_ratio_is_shown_rounded_down_so_a_failing_pair_never_reads_as_passing():
    assert floor_ratio(4.4999) == 4.49
