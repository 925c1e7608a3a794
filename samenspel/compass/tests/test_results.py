"""An assessment's results: per group its point, lead and agreement; over the groups the
index, which waits until every perspective has answered."""

import pytest
from django.utils import translation

from samenspel.compass.results import AnswerFacts, agreement_words, index_band, summarise

SIX_GREEN = ["green"] * 6
SIX_BLUE = ["blue"] * 6


def test_index_waits_for_all_three_perspectives():
    result = summarise([AnswerFacts("government", SIX_GREEN, "community"),
                        AnswerFacts("community", SIX_GREEN, "community")])
    assert result.index is None and result.lead_agreement is None and result.centre is None
    assert [g.respondents for g in result.groups] == [1, 0, 1]


def test_one_blue_government_among_green_partners():
    result = summarise([
        AnswerFacts("government", SIX_BLUE, "government"),
        AnswerFacts("organisations", SIX_GREEN, "community"),
        AnswerFacts("community", SIX_GREEN, "community"),
    ])
    # d(G,O) = d(G,C) = 1, d(O,C) = 0: S = 1 - 2/3; the same for who should lead.
    assert result.index == pytest.approx(1 / 3)
    assert result.lead_agreement == pytest.approx(1 / 3)
    assert result.groups[0].dominant_role == "blue"
    assert result.groups[0].most_named_lead == "government"
    assert result.centre == pytest.approx((0, 1 / 3, 2 / 3))


def test_agreement_is_shown_from_three_respondents_in_a_group():
    two = [AnswerFacts("community", SIX_GREEN, "community")] * 2
    three = [*two, AnswerFacts("community", ["green"] * 5 + ["red"], "community")]
    assert summarise(two).groups[2].agreement is None
    assert summarise(three).groups[2].agreement is not None


def test_words_for_kappa_and_index():
    with translation.override("en"):
        assert str(agreement_words(0.9)) == "almost complete agreement"
        assert str(agreement_words(-0.2)) == "less agreement than chance"
    assert index_band(0.85).key == "close" and index_band(0.1).key == "far"
