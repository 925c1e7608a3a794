"""Synchronicity, measured: where an answer lies on the role triangle, how close the three
perspectives are, and how much the people inside one perspective agree. Plain functions
over plain data; the formulas are in the docstrings and on the "how we measure" page.

A *point* on the red-blue-green triangle is three shares that add up to 1 (100%): how much
of the answer points to the red, the blue and the green role. The same functions also
compare who should lead: the shares of government, organisations and community.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from fractions import Fraction
from itertools import combinations
from typing import NamedTuple

# A group's agreement is shown only from this many respondents on: with two, one different
# answer already swings the kappa from one end to the other.
MIN_RESPONDENTS_FOR_AGREEMENT = 3


class RolePoint(NamedTuple):
    """A point on the role triangle: the shares of red, blue and green (together 1)."""

    red: float
    blue: float
    green: float


class LeadShares(NamedTuple):
    """Who should lead, as shares of the answers (together 1)."""

    government: float
    organisations: float
    community: float


ROLE_KEYS: tuple[str, ...] = RolePoint._fields
LEAD_KEYS: tuple[str, ...] = LeadShares._fields


def shares_of(chosen: Iterable[str], keys: Sequence[str]) -> tuple[float, ...]:
    """How often each key was chosen, as shares: share(k) = count(k) / number chosen."""
    counts = Counter(chosen)
    if set(counts) - set(keys):
        raise ValueError(f"unknown choice in {sorted(counts)}; expected {list(keys)}")
    total = sum(counts.values())
    if total == 0:
        raise ValueError("nothing was chosen")
    return tuple(counts[key] / total for key in keys)


def point_from_choices(roles: Iterable[str]) -> RolePoint:
    """One respondent's point: each question was answered with the option of one role, so
    share(role) = (questions answered with that role) / (questions). Three red answers out
    of six and three green ones make (½, 0, ½): halfway between the red and green corners."""
    return RolePoint(*shares_of(roles, ROLE_KEYS))


def lead_shares(leads: Iterable[str]) -> LeadShares:
    """A group's answers to "who should lead?": share(k) = (answers k) / (answers)."""
    return LeadShares(*shares_of(leads, LEAD_KEYS))


def mean_point(points: Sequence[RolePoint]) -> RolePoint:
    """A group's point: the mean of its respondents' points, share by share,
    m(role) = (1/n) Σ p_i(role). It lies on the triangle too (the shares still add to 1)."""
    if not points:
        raise ValueError("a mean needs at least one point")
    return RolePoint(*(math.fsum(column) / len(points) for column in zip(*points, strict=True)))


def distance(p: Sequence[float], q: Sequence[float]) -> float:
    """The total-variation distance between two points,
    d(p, q) = ½ (|p_red - q_red| + |p_blue - q_blue| + |p_green - q_green|):
    the share that would have to move for the two to be the same. 0 for the same point,
    1 between two different corners (nothing in common)."""
    return 0.5 * math.fsum(abs(a - b) for a, b in zip(p, q, strict=True))


def synchronicity_index(points: Sequence[Sequence[float]]) -> float:
    """How much the perspectives approach the case from the same mindset:
    S = 1 - (mean of d(p_i, p_j) over every pair i < j), with d the total-variation distance.
    For the three perspectives: S = 1 - (d(G, O) + d(G, C) + d(O, C)) / 3.
    1: the same point (one mindset); 0: each perspective in a different corner (as far apart
    as three points can be). The order of the perspectives does not matter."""
    if len(points) < 2:
        raise ValueError("synchronicity compares at least two points")
    pairs = [distance(p, q) for p, q in combinations(points, 2)]
    # fsum rounds once, so the order of the pairs cannot change the result; the clamp only
    # catches a last-digit rounding below 0.
    return min(1.0, max(0.0, 1.0 - math.fsum(pairs) / len(pairs)))


def lead_agreement(shares: Sequence[LeadShares]) -> float:
    """How much the perspectives agree on who should lead: the synchronicity index over the
    lead shares instead of the role shares, S = 1 - mean pairwise total-variation distance.
    1: every perspective spread its answers the same way; 0: each named another leader,
    unanimously."""
    return synchronicity_index(shares)


def fleiss_kappa(table: Sequence[Sequence[int]]) -> float | None:
    """Fleiss' kappa for a table with one row per subject and one column per category, each
    cell the number of raters who put that subject in that category (n raters per row):

        p_j = Σ_i n_ij / (N·n)                      the share of all ratings in category j
        P_i = (Σ_j n_ij² - n) / (n·(n - 1))         how much the raters agree on subject i
        κ = (P̄ - P̄_e) / (1 - P̄_e)  with  P̄ = mean P_i,  P̄_e = Σ_j p_j²

    1: full agreement; 0: no more than chance; below 0: less than chance. None for fewer than
    two raters. When every rating is in one category (P̄_e = 1) the formula divides 0 by 0;
    the raters agree fully there, so it gives 1. Computed in fractions: exact, then rounded once.
    """
    if not table:
        return None
    raters = {sum(row) for row in table}
    if len(raters) != 1:
        raise ValueError("every subject needs the same number of raters")
    n = raters.pop()
    if n < 2:
        return None
    subjects = len(table)
    categories = len(table[0])
    p = [Fraction(sum(row[j] for row in table), subjects * n) for j in range(categories)]
    agreement = [Fraction(sum(c * c for c in row) - n, n * (n - 1)) for row in table]
    observed = sum(agreement, Fraction(0)) / subjects
    expected = sum((share * share for share in p), Fraction(0))
    if expected == 1:
        return 1.0
    return float((observed - expected) / (1 - expected))


def agreement_table(answers: Sequence[Sequence[str]], keys: Sequence[str]) -> list[list[int]]:
    """The table for Fleiss' kappa from a group's answers: one row per question (the
    subjects), one column per role; each respondent is a rater who rated every question
    with the role of the option they chose. `answers[r][q]` is respondent r's role for q."""
    questions = {len(answer) for answer in answers}
    if len(questions) > 1:
        raise ValueError("every respondent answers every question")
    columns = range(questions.pop()) if questions else range(0)
    return [
        [sum(1 for answer in answers if answer[q] == key) for key in keys] for q in columns
    ]


def observed_agreement(table: Sequence[Sequence[int]]) -> float | None:
    """Fleiss' P-bar on its own: the share of pairs of raters who put a subject in the same
    category, averaged over the subjects, P-bar = mean (sum_j n_ij^2 - n) / (n (n - 1)).
    Easier to read than kappa, and needed beside it: when nearly every answer is one role,
    P-bar_e is close to 1 and kappa falls, even though almost everyone agrees."""
    if not table or sum(table[0]) < 2:
        return None
    n = sum(table[0])
    pairs = [Fraction(sum(c * c for c in row) - n, n * (n - 1)) for row in table]
    return float(sum(pairs, Fraction(0)) / len(pairs))


def pairs_agreeing(answers: Sequence[Sequence[str]]) -> float | None:
    """For one perspective: the share of pairs of respondents who chose the same role for a
    question, over all questions (`observed_agreement` of the `agreement_table`). None below
    MIN_RESPONDENTS_FOR_AGREEMENT respondents."""
    if len(answers) < MIN_RESPONDENTS_FOR_AGREEMENT:
        return None
    return observed_agreement(agreement_table(answers, ROLE_KEYS))


def agreement_within_group(answers: Sequence[Sequence[str]]) -> float | None:
    """How much one perspective's respondents agree on the dominant role, question by
    question: Fleiss' kappa over `agreement_table` (subjects = questions, categories = the
    roles, raters = the respondents). None below MIN_RESPONDENTS_FOR_AGREEMENT respondents."""
    if len(answers) < MIN_RESPONDENTS_FOR_AGREEMENT:
        return None
    return fleiss_kappa(agreement_table(answers, ROLE_KEYS))


def dominant_role(point: RolePoint) -> str | None:
    """The role with the largest share, or None when two or more share the largest."""
    largest = max(point)
    leaders = [key for key, share in zip(ROLE_KEYS, point, strict=True) if share == largest]
    return leaders[0] if len(leaders) == 1 else None
