"""The shapes of the compass API, built from what `exports` writes, so the API and the JSON
download say the same."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field, Schema
from pydantic import StringConstraints

from samenspel.workshops.api_schemas import In, Line, PerspectiveField, Title

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
RoleField = Annotated[str, Field(description="red, blue or green")]


class CaseIn(In):
    title: Title
    description: Text
    owner: PerspectiveField = Field(description="Who owns the case today: government, "
                                    "organisations or community")
    area: Line = Field("", description="The village or area")
    theme: Line = ""
    date: dt.date | None = Field(None, description="Left out: today")


class CaseOut(Schema):
    id: int
    title: str
    description: str
    area: str
    theme: str
    date: dt.date
    owner: str


class Shares(Schema):
    red: float
    blue: float
    green: float


class LeadSharesOut(Schema):
    government: float
    organisations: float
    community: float


class GroupOut(Schema):
    perspective: str
    respondents: int
    point: Shares | None = Field(description="The group's mean point on the role triangle")
    dominant_role: str | None
    agreement: float | None = Field(
        description="Fleiss' kappa on the role per question; null below 3 respondents")
    pairs_agreeing: float | None = Field(
        description="The share of pairs of respondents who chose the same role per question")
    lead: LeadSharesOut | None
    most_named_lead: str | None


class AssessmentOut(Schema):
    id: int
    date: dt.date
    code: str = Field(description="What respondents type, or use in /v/<code>/")
    open: bool
    workshop_id: int | None = Field(
        None, description="Set when the assessment is a live workshop's role compass round")
    synchronicity_index: float | None = Field(
        description="1 - mean pairwise total-variation distance of the three groups' points; "
        "null until all three groups answered")
    lead_agreement: float | None
    respondents: int
    groups: list[GroupOut]


class CaseListItemOut(CaseOut):
    latest: AssessmentOut | None


class CaseDetailOut(CaseOut):
    assessments: list[AssessmentOut] = Field(description="Oldest first: the index over time")


class AnswerOut(Schema):
    perspective: str
    roles: dict[str, str] = Field(description="Question key: the role of the chosen option")
    point: Shares
    lead: str
    answered_on: dt.date


class AssessmentExportOut(AssessmentOut):
    answers: list[AnswerOut]


class CaseExportOut(Schema):
    case: CaseOut
    assessments: list[AssessmentExportOut]


class AssessmentIn(In):
    date: dt.date | None = Field(None, description="Left out: today")


class OptionOut(Schema):
    value: str = Field(description="The role (red, blue, green) or, for the lead, the group")
    text: str


class QuestionOut(Schema):
    key: str
    text: str
    options: list[OptionOut] = Field(description="In the order to show them")


class QuestionnaireOut(Schema):
    questions: list[QuestionOut]
    lead: QuestionOut


class AnswerIn(In):
    code: str = Field(max_length=20, description="The assessment's code, e.g. KMT4XH")
    perspective: PerspectiveField
    roles: dict[Annotated[str, StringConstraints(max_length=40)], RoleField] = Field(
        description="For every question key (GET /questionnaire) the role of the chosen option")
    lead: PerspectiveField = Field(description="Who should lead")
    key: str = Field("", max_length=64,
                     description="Made by the client per answer: a retried request is stored once")


class WorkshopAnswerIn(In):
    roles: dict[Annotated[str, StringConstraints(max_length=40)], RoleField] = Field(
        description="For every question key (GET /questionnaire) the role of the chosen option")
    lead: PerspectiveField = Field(description="Who should lead")
    key: str = Field("", max_length=64,
                     description="Made by the client per answer: a retried request is stored once")


class AnsweredOut(Schema):
    case_title: str
    assessment_date: dt.date
    point: Shares
