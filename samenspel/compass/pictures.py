"""The geometry of the compass's pictures, drawn as SVG by the templates: the role triangle
(red at the top, blue bottom left, green bottom right), the index over time and the
portfolio. Plain functions from results to coordinates; every picture also has its words
and a table in the template, for whoever does not see it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

from samenspel.compass.results import IndexBand, Result, agreement_words, index_band
from samenspel.compass.scoring import MIN_RESPONDENTS_FOR_AGREEMENT, RolePoint
from samenspel.method.perspectives import Perspective
from samenspel.method.roles import ROLES, GovernmentRole

if TYPE_CHECKING:
    from samenspel.compass.models import Assessment

# The triangle in a 400 by 390 picture: equilateral, 320 wide, labels around it.
CORNERS = {"red": (200.0, 56.0), "blue": (40.0, 333.1), "green": (360.0, 333.1)}
MARKER_RADIUS = 13


@dataclass(frozen=True)
class PerspectiveLook:
    """How a perspective's dot is drawn: a letter in it, so the colour is not the only cue."""

    letter: Promise
    fill: str


PERSPECTIVE_LOOKS = {
    Perspective.GOVERNMENT.value: PerspectiveLook(
        pgettext_lazy("letter for the government perspective", "G"), "#1a1a1a"),
    Perspective.ORGANISATIONS.value: PerspectiveLook(
        pgettext_lazy("letter for the organisations perspective", "O"), "#8a4500"),
    Perspective.COMMUNITY.value: PerspectiveLook(
        pgettext_lazy("letter for the community perspective", "C"), "#005f73"),
}


def xy(point: RolePoint) -> tuple[float, float]:
    """Barycentric to picture coordinates: each corner pulls with its share."""
    x = sum(share * CORNERS[role][0] for role, share in zip(CORNERS, point, strict=True))
    y = sum(share * CORNERS[role][1] for role, share in zip(CORNERS, point, strict=True))
    return round(x, 1), round(y, 1)


def percentages(point: Sequence[float]) -> tuple[int, ...]:
    """Whole percentages that add up to 100: the largest remainders are rounded up, and of
    equal remainders (⅙, ⅙, ⅔) the largest share first."""
    exact = [share * 100 for share in point]
    whole = [math.floor(round(value, 9)) for value in exact]
    by_remainder = sorted(range(len(exact)),
                          key=lambda i: (-round(exact[i] - whole[i], 9), -exact[i], i))
    for i in by_remainder[: 100 - sum(whole)]:
        whole[i] += 1
    return tuple(whole)


def spread(positions: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    """Dots that would cover each other are set around their shared place, so each stays
    readable; the table says where they really are."""
    placed: list[tuple[float, float]] = []
    for x, y in positions:
        crowd = sum(1 for px, py in placed if math.dist((px, py), (x, y)) < gap)
        if crowd:
            angle = math.radians(-90 + 120 * (crowd - 1))
            x, y = x + gap * 0.6 * math.cos(angle), y + gap * 0.6 * math.sin(angle)
        placed.append((round(x, 1), round(y, 1)))
    return placed


def shape_path(shape: str, x: float, y: float, size: float = 10) -> str:
    """A role's symbol (method/roles.py: square, diamond, circle) centred on (x, y)."""
    if shape == "square":
        return f"M{x - size:.1f} {y - size:.1f} h{2 * size} v{2 * size} h{-2 * size} Z"
    if shape == "diamond":
        r = size * 1.3
        return f"M{x:.1f} {y - r:.1f} l{r:.1f} {r:.1f} l{-r:.1f} {r:.1f} l{-r:.1f} {-r:.1f} Z"
    return (f"M{x - size:.1f} {y:.1f} a{size} {size} 0 1 0 {2 * size} 0 "
            f"a{size} {size} 0 1 0 {-2 * size} 0 Z")


@dataclass(frozen=True)
class Corner:
    role: GovernmentRole
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str

    @property
    def symbol(self) -> str:
        return shape_path(self.role.shape, self.x, self.y)


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    perspective: str
    look: PerspectiveLook


def corners() -> list[Corner]:
    (rx, ry), (bx, by), (gx, gy) = CORNERS.values()
    red, blue, green = ROLES
    return [
        Corner(red, rx, ry, rx, ry - 34, "middle"),
        Corner(blue, bx, by, bx - 24, by + 30, "start"),
        Corner(green, gx, gy, gx + 24, gy + 30, "end"),
    ]


def outline() -> str:
    return " ".join(f"{x},{y}" for x, y in CORNERS.values())


@dataclass(frozen=True)
class TrianglePicture:
    corners: list[Corner]
    outline: str
    centre: tuple[float, float]
    respondents: list[Dot]
    groups: list[Dot]

    @property
    def centre_cross(self) -> str:
        """A small + where the three roles are mixed evenly."""
        x, y = self.centre
        return f"M{x - 6:.1f} {y:.1f} h12 M{x:.1f} {y - 6:.1f} v12"


def role_triangle(result: Result) -> TrianglePicture:
    """One dot per perspective at its mean point; every respondent faint behind."""
    respondents = [
        Dot(*xy(point), group.perspective.value, PERSPECTIVE_LOOKS[group.perspective.value])
        for group in result.groups for point in group.points
    ]
    answered = [group for group in result.groups if group.point is not None]
    places = spread([xy(group.point) for group in answered if group.point is not None],
                    gap=MARKER_RADIUS * 2)
    groups = [
        Dot(x, y, group.perspective.value, PERSPECTIVE_LOOKS[group.perspective.value])
        for group, (x, y) in zip(answered, places, strict=True)
    ]
    return TrianglePicture(corners(), outline(), xy(RolePoint(1 / 3, 1 / 3, 1 / 3)),
                           respondents, groups)


# -- The index over time ---------------------------------------------------------------------

TREND_WIDTH, TREND_HEIGHT = 480, 240
TREND_LEFT, TREND_RIGHT, TREND_TOP, TREND_BOTTOM = 48, 24, 20, 190


@dataclass(frozen=True)
class TrendPoint:
    date: date
    index: float | None
    x: float
    y: float | None


@dataclass(frozen=True)
class TrendPicture:
    points: list[TrendPoint]
    line: str
    grid: list[tuple[float, float]]  # (value, y)
    left: int
    right: int
    bottom: int


def trend(measured: Sequence[tuple[date, float | None]]) -> TrendPicture:
    """The index of each assessment, in date order, evenly spaced from left to right; an
    assessment that is not complete yet has its date but no dot."""
    count = len(measured)
    inner = TREND_WIDTH - TREND_LEFT - TREND_RIGHT

    def y_of(value: float) -> float:
        return round(TREND_BOTTOM - value * (TREND_BOTTOM - TREND_TOP), 1)

    points = [
        TrendPoint(
            day, index,
            round(TREND_LEFT + (inner * (i + 0.5) / count if count else 0), 1),
            y_of(index) if index is not None else None,
        )
        for i, (day, index) in enumerate(measured)
    ]
    line = " ".join(f"{p.x},{p.y}" for p in points if p.y is not None)
    return TrendPicture(points, line, [(v, y_of(v)) for v in (0.0, 0.5, 1.0)],
                        TREND_LEFT, TREND_WIDTH - TREND_RIGHT, TREND_BOTTOM)


# -- The portfolio ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PortfolioDot:
    number: int
    x: float
    y: float
    index: float
    band: IndexBand


def portfolio(results: Sequence[Result]) -> tuple[TrianglePicture, list[PortfolioDot | None]]:
    """Every case at the middle of its three perspectives' points, numbered as in the table
    and filled by how close the perspectives are; None for a case without a complete
    assessment."""
    placed = [(n, r) for n, r in enumerate(results, start=1)
              if r.centre is not None and r.index is not None]
    places = spread([xy(r.centre) for _n, r in placed if r.centre is not None],
                    gap=MARKER_RADIUS * 2)
    dots: dict[int, PortfolioDot] = {
        n: PortfolioDot(n, x, y, r.index, index_band(r.index))
        for (n, r), (x, y) in zip(placed, places, strict=True) if r.index is not None
    }
    picture = TrianglePicture(corners(), outline(), xy(RolePoint(1 / 3, 1 / 3, 1 / 3)), [], [])
    return picture, [dots.get(n) for n in range(1, len(results) + 1)]


def triangle_words(result: Result) -> str:
    """The triangle in words: where each group stands, for screen readers (the table below
    the picture has the same numbers)."""
    parts = []
    for group in result.groups:
        if group.point is None:
            parts.append(_("%(group)s: no answers yet.") % {"group": group.perspective.label})
            continue
        red, blue, green = percentages(group.point)
        parts.append(ngettext(
            "%(group)s (%(count)d person): %(red)d%% red, %(blue)d%% blue, %(green)d%% green.",
            "%(group)s (%(count)d people): %(red)d%% red, %(blue)d%% blue, %(green)d%% green.",
            group.respondents,
        ) % {"group": group.perspective.label, "count": group.respondents,
             "red": red, "blue": blue, "green": green})
    return " ".join(parts)


def portfolio_words(cases: Sequence[tuple[str, PortfolioDot | None]]) -> str:
    placed = [
        _("%(number)d: %(title)s, synchronicity %(index)s (%(words)s).") % {
            "number": dot.number, "title": title, "index": number_format(dot.index, 2),
            "words": dot.band.words,
        }
        for title, dot in cases if dot is not None
    ]
    if not placed:
        return _("No case has been measured by all three groups yet.")
    return " ".join(placed)


def results_context(assessment: Assessment, result: Result) -> dict[str, Any]:
    """What the results partial shows for one assessment."""
    return {
        "assessment": assessment,
        "result": result,
        "triangle": role_triangle(result),
        "groups": [
            {"group": group, "looks": PERSPECTIVE_LOOKS[group.perspective.value],
             "percent": percentages(group.point) if group.point else None,
             "lead_percent": percentages(group.lead) if group.lead else None,
             "pairs_percent": round(group.pairs_agreeing * 100)
             if group.pairs_agreeing is not None else None,
             "agreement_words": agreement_words(group.agreement)
             if group.agreement is not None else None}
            for group in result.groups
        ],
        "words": triangle_words(result),
        "band": index_band(result.index) if result.index is not None else None,
        "min_respondents": MIN_RESPONDENTS_FOR_AGREEMENT,
        "roles": ROLES,
    }
