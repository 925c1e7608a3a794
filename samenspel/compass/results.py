"""What an assessment shows: per perspective its respondents, its point on the role
triangle, who it thinks should lead and how much it agrees inside; over the three, the
synchronicity index and the agreement on who should lead. `summarise` is plain: it takes
plain facts, so it is tested without a database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samenspel.compass import scoring
from samenspel.compass.models import Answer, Assessment, Case
from samenspel.compass.scoring import LeadShares, RolePoint
from samenspel.method.perspectives import Perspective


@dataclass(frozen=True)
class AnswerFacts:
    perspective: str
    roles: Sequence[str]
    lead: str


@dataclass(frozen=True)
class GroupResult:
    perspective: Perspective
    points: tuple[RolePoint, ...]
    point: RolePoint | None
    lead: LeadShares | None
    agreement: float | None
    pairs_agreeing: float | None

    @property
    def respondents(self) -> int:
        return len(self.points)

    @property
    def dominant_role(self) -> str | None:
        return scoring.dominant_role(self.point) if self.point is not None else None

    @property
    def most_named_lead(self) -> str | None:
        """The leader most of the group named, or None for a tie or no answers."""
        if self.lead is None:
            return None
        largest = max(self.lead)
        named = [k for k, s in zip(scoring.LEAD_KEYS, self.lead, strict=True) if s == largest]
        return named[0] if len(named) == 1 else None


@dataclass(frozen=True)
class Result:
    groups: tuple[GroupResult, ...]
    index: float | None
    lead_agreement: float | None

    @property
    def respondents(self) -> int:
        return sum(group.respondents for group in self.groups)

    @property
    def centre(self) -> RolePoint | None:
        """The middle of the three perspectives' points: where the case stands in the
        portfolio."""
        points = [group.point for group in self.groups if group.point is not None]
        return scoring.mean_point(points) if len(points) == len(self.groups) else None


def summarise(answers: Iterable[AnswerFacts]) -> Result:
    """Groups in the order of `Perspective`; the index and the lead agreement only once
    every perspective has answered (with one missing there is nothing to be in sync with)."""
    by_perspective: dict[str, list[AnswerFacts]] = {p.value: [] for p in Perspective}
    for answer in answers:
        by_perspective[answer.perspective].append(answer)
    groups = []
    for perspective in Perspective:
        group = by_perspective[perspective.value]
        points = tuple(scoring.point_from_choices(a.roles) for a in group)
        groups.append(GroupResult(
            perspective=perspective,
            points=points,
            point=scoring.mean_point(points) if points else None,
            lead=scoring.lead_shares(a.lead for a in group) if group else None,
            agreement=scoring.agreement_within_group([a.roles for a in group]),
            pairs_agreeing=scoring.pairs_agreeing([a.roles for a in group]),
        ))
    complete = all(group.points for group in groups)
    return Result(
        groups=tuple(groups),
        index=scoring.synchronicity_index(
            [g.point for g in groups if g.point is not None]) if complete else None,
        lead_agreement=scoring.lead_agreement(
            [g.lead for g in groups if g.lead is not None]) if complete else None,
    )


def facts(answer: Answer) -> AnswerFacts:
    return AnswerFacts(answer.perspective, answer.role_list, answer.lead)


def of_assessment(assessment: Assessment) -> Result:
    return summarise(facts(answer) for answer in assessment.answers.all())


# Landis and Koch's words for a kappa, the usual reading in research.
AGREEMENT_WORDS: tuple[tuple[float, Promise], ...] = (
    (0.81, _("almost complete agreement")),
    (0.61, _("much agreement")),
    (0.41, _("moderate agreement")),
    (0.21, _("some agreement")),
    (0.0, _("little agreement")),
)


def agreement_words(kappa: float) -> Promise:
    return next((words for bound, words in AGREEMENT_WORDS if kappa >= bound),
                _("less agreement than chance"))


@dataclass(frozen=True)
class IndexBand:
    key: str
    lower: float
    words: Promise
    # The dot's fill in the portfolio: one dark-to-light purple scale (not a role's colour),
    # with the band's words and the number in the table as well.
    fill: str
    text: str
    upper: float


INDEX_BANDS: tuple[IndexBand, ...] = (
    IndexBand("close", 0.8, _("close together"), "#3f1d6e", "#ffffff", 1.0),
    IndexBand("near", 0.6, _("fairly close"), "#6b4ba3", "#ffffff", 0.8),
    IndexBand("apart", 0.4, _("partly apart"), "#b7a6d9", "#1a1a1a", 0.6),
    IndexBand("far", 0.0, _("far apart"), "#ece6f6", "#1a1a1a", 0.4),
)


def index_band(index: float) -> IndexBand:
    return next(band for band in INDEX_BANDS if index >= band.lower)


def of_case(case: Case) -> list[tuple[Assessment, Result]]:
    """Every assessment of the case with its result, oldest first: the index over time."""
    assessments = case.assessments.prefetch_related("answers")
    return [(assessment, of_assessment(assessment)) for assessment in assessments]
