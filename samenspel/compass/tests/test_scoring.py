"""The synchronicity index and the agreement inside a group, pinned on examples worked out by
hand, checked for their properties, and Fleiss' kappa against statsmodels."""

import math
import warnings

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from samenspel.compass import scoring
from samenspel.compass.scoring import LeadShares, RolePoint

RED, BLUE, GREEN = RolePoint(1, 0, 0), RolePoint(0, 1, 0), RolePoint(0, 0, 1)


def test_an_answer_is_the_share_of_questions_per_role():
    assert scoring.point_from_choices(["red", "red", "red", "green", "green", "green"]) == (
        0.5, 0.0, 0.5)
    assert scoring.point_from_choices(["blue"] * 6) == BLUE
    point = scoring.point_from_choices(["red", "blue", "blue", "green", "green", "green"])
    assert point == pytest.approx((1 / 6, 2 / 6, 3 / 6))
    assert math.fsum(point) == pytest.approx(1)


def test_an_unknown_role_is_refused():
    with pytest.raises(ValueError):
        scoring.point_from_choices(["red", "purple"])


def test_a_group_point_is_the_mean_of_its_respondents():
    assert scoring.mean_point([RED, GREEN]) == (0.5, 0.0, 0.5)
    assert scoring.mean_point([RED, RED, BLUE, RolePoint(0, 0.5, 0.5)]) == pytest.approx(
        (0.5, 0.375, 0.125))


def test_distance_is_the_share_that_has_to_move():
    assert scoring.distance(RED, RED) == 0
    assert scoring.distance(RED, GREEN) == 1
    # ½ (|0.5 - 0| + |0.5 - 1| + |0 - 0|) = 0.5
    assert scoring.distance(RolePoint(0.5, 0.5, 0), BLUE) == 0.5


def test_three_perspectives_in_three_corners_have_index_0():
    assert scoring.synchronicity_index([RED, BLUE, GREEN]) == 0


def test_one_mindset_has_index_1():
    point = RolePoint(0.2, 0.3, 0.5)
    assert scoring.synchronicity_index([point, point, point]) == 1


def test_two_in_one_corner_and_one_in_another_have_index_one_third():
    # d(G,O) = 0, d(G,C) = 1, d(O,C) = 1: S = 1 - 2/3
    assert scoring.synchronicity_index([RED, RED, GREEN]) == pytest.approx(1 / 3)


def test_three_halfway_points_have_index_one_half():
    # Each pair shares half: every d = ½, so S = 1 - ½.
    points = [RolePoint(0.5, 0.5, 0), RolePoint(0.5, 0, 0.5), RolePoint(0, 0.5, 0.5)]
    assert scoring.synchronicity_index(points) == pytest.approx(0.5)


def test_green_leaning_perspectives_with_one_blue_answer_between():
    # G (0, ⅓, ⅔), O (0, 0, 1), C (0, 0, 1): d(G,O) = d(G,C) = ⅓, d(O,C) = 0;
    # S = 1 - (⅔)/3 = 7/9.
    points = [RolePoint(0, 1 / 3, 2 / 3), GREEN, GREEN]
    assert scoring.synchronicity_index(points) == pytest.approx(7 / 9)


def test_agreement_on_who_should_lead_uses_the_same_measure():
    government = scoring.lead_shares(["government", "government", "community", "community"])
    assert government == LeadShares(0.5, 0, 0.5)
    community = scoring.lead_shares(["community"])
    # d = ½, and the other two pairs: d(G, C) = ½, d(C, C) = 0; S = 1 - 1/3
    assert scoring.lead_agreement([government, community, community]) == pytest.approx(2 / 3)


def test_kappa_of_the_worked_example_in_the_literature():
    # Fleiss (1971) as worked out on Wikipedia: 10 subjects, 14 raters, 5 categories;
    # P̄ = 0.378, P̄e = 0.213, κ = 0.210.
    table = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]
    assert scoring.fleiss_kappa(table) == pytest.approx(0.210, abs=5e-4)


def test_kappa_of_three_respondents_on_two_questions_by_hand():
    # Q1: red, red, red; Q2: red, red, blue. p = (5/6, 1/6, 0); P1 = 1, P2 = 1/3;
    # P̄ = 2/3, P̄e = 26/36; κ = (2/3 - 13/18) / (1 - 13/18) = -1/5.
    answers = [["red", "red"], ["red", "red"], ["red", "blue"]]
    assert scoring.agreement_table(answers, scoring.ROLE_KEYS) == [[3, 0, 0], [2, 1, 0]]
    assert scoring.agreement_within_group(answers) == pytest.approx(-0.2)


def test_respondents_who_answer_alike_agree_fully():
    answers = [["red", "green", "green"]] * 4
    assert scoring.agreement_within_group(answers) == 1
    # Everyone chose one role for every question: the formula gives 0/0, the agreement is full.
    assert scoring.fleiss_kappa([[5, 0, 0], [5, 0, 0]]) == 1


def test_agreement_needs_enough_respondents():
    assert scoring.MIN_RESPONDENTS_FOR_AGREEMENT == 3
    assert scoring.agreement_within_group([["red"], ["blue"]]) is None
    assert scoring.fleiss_kappa([[1, 0, 0]]) is None


def test_a_tie_has_no_dominant_role():
    assert scoring.dominant_role(RolePoint(0.5, 0.25, 0.25)) == "red"
    assert scoring.dominant_role(RolePoint(0.5, 0, 0.5)) is None


# -- Properties ----------------------------------------------------------------------------

shares = st.tuples(*[st.floats(0, 1, allow_nan=False)] * 3).filter(lambda t: sum(t) > 1e-9)
points = shares.map(lambda t: RolePoint(*(x / math.fsum(t) for x in t)))


@given(st.lists(points, min_size=2, max_size=6))
def test_index_stays_between_0_and_1(perspectives):
    assert 0 <= scoring.synchronicity_index(perspectives) <= 1


@given(points)
def test_index_is_1_for_identical_perspectives(point):
    assert scoring.synchronicity_index([point, point, point]) == 1


@given(points, points, points, st.permutations(range(3)))
def test_index_does_not_depend_on_the_order_of_the_perspectives(a, b, c, order):
    given_order = [a, b, c]
    assert scoring.synchronicity_index([given_order[i] for i in order]) == (
        scoring.synchronicity_index(given_order))


@given(points, points)
def test_distance_is_symmetric_and_between_0_and_1(p, q):
    assert scoring.distance(p, q) == scoring.distance(q, p)
    assert -1e-12 <= scoring.distance(p, q) <= 1 + 1e-12


def rating_tables():
    """Random tables: 1 to 12 subjects, 2 to 15 raters each, 3 categories."""
    def table(raters):
        row = st.lists(st.sampled_from(range(3)), min_size=raters, max_size=raters).map(
            lambda ratings: [ratings.count(j) for j in range(3)])
        return st.lists(row, min_size=1, max_size=12)

    return st.integers(2, 15).flatmap(table)


@given(rating_tables())
def test_kappa_matches_statsmodels(table):
    from statsmodels.stats.inter_rater import fleiss_kappa

    expected_chance = sum((sum(row[j] for row in table) / sum(map(sum, table))) ** 2
                          for j in range(3))
    assume(expected_chance < 1 - 1e-9)  # statsmodels divides 0 by 0 there
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = fleiss_kappa(table, method="fleiss")
    assert scoring.fleiss_kappa(table) == pytest.approx(float(theirs), abs=1e-9)


def test_pairs_agreeing_reads_what_kappa_hides_when_one_role_dominates():
    # Q1-Q3 all green; on Q4 one of three says blue. P-bar = (1 + 1 + 1 + 1/3) / 4 = 5/6, but
    # chance already gives p = (0, 1/12, 11/12): P-bar_e = 122/144, kappa = -1/11.
    answers = [["green"] * 4, ["green"] * 4, ["green", "green", "green", "blue"]]
    assert scoring.pairs_agreeing(answers) == pytest.approx(5 / 6)
    assert scoring.agreement_within_group(answers) == pytest.approx(-1 / 11)
    assert scoring.pairs_agreeing(answers[:2]) is None
