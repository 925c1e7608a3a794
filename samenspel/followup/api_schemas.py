"""The shapes of the follow-up API: what the dashboard, the review page and the check-in
link show, as JSON."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field, Schema
from pydantic import StringConstraints

from samenspel.workshops.api_schemas import In, PerspectiveField

Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)]
Text = Annotated[str, StringConstraints(max_length=2000)]
StatusField = Annotated[str, Field(description="planned, started, done or stopped")]
WorkedField = Annotated[str, Field(description="yes, partly, no or unknown")]


class ActivityIn(In):
    title: Short = Field(description="At most 120 characters")
    owner: PerspectiveField
    description: Annotated[str, StringConstraints(max_length=500)] = ""
    owner_organisation: Short = ""
    contact_name: Short = ""
    contact_email: Annotated[str, StringConstraints(max_length=254)] = ""
    how_we_notice: Annotated[str, StringConstraints(max_length=1000)] = ""
    target_date: dt.date | None = None


class StatusIn(In):
    status: StatusField
    date: dt.date | None = Field(None, description="Left out: today")


class CheckInIn(In):
    done: Text = Field(description="What have we done?")
    worked: WorkedField
    evidence: Text = ""
    evidence_link: Annotated[str, StringConstraints(max_length=500)] = Field(
        "", description="An http(s) address")
    left_to_do: Text = ""
    key: Annotated[str, StringConstraints(max_length=64)] = Field(
        "", description="The same key again (a retry) stores one check-in")


class StaffCheckInIn(CheckInIn):
    perspective: PerspectiveField
    date: dt.date | None = Field(None, description="Left out: today")


class CheckInOut(Schema):
    id: int
    perspective: str
    date: dt.date
    done: str
    worked: str
    evidence: str
    evidence_link: str
    left_to_do: str


class StatusChangeOut(Schema):
    date: dt.date
    from_status: str
    to_status: str


class LatestOut(Schema):
    perspective: str
    worked: str | None
    date: dt.date | None


class ActivityOut(Schema):
    id: int
    workshop: int
    workshop_title: str
    place: str
    title: str
    description: str
    owner: str
    owner_organisation: str
    how_we_notice: str
    target_date: dt.date | None
    status: StatusField
    last_check_in: dt.date | None
    overdue: bool
    check_in_due: bool
    latest: list[LatestOut]


class StaffActivityOut(ActivityOut):
    contact_name: str
    contact_email: str


class ActivityDetailOut(StaffActivityOut):
    check_ins: list[CheckInOut]
    status_changes: list[StatusChangeOut]
    next_statuses: list[str]


class LinkOut(Schema):
    perspective: str
    key: str


class ReviewOut(Schema):
    workshop: int
    title: str
    is_public: bool
    public_key: str
    links: list[LinkOut]
    activities: list[ActivityDetailOut]


class LinkActivityOut(Schema):
    id: int
    title: str
    description: str
    how_we_notice: str
    status: StatusField
    last_check_in: dt.date | None = Field(description="This group's latest check-in")


class LinkOverviewOut(Schema):
    workshop_title: str
    perspective: str
    activities: list[LinkActivityOut]
