"""The follow-up's JSON API: staff (personal API key) list and read tracked activities,
add and change them, move their status and record check-ins for a group; a group checks in
with its anonymous link key, without a token. Each operation looks up what it acts on with
its permission check and calls one service; a service's refusal keeps its code and message."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status

from samenspel.accounts import permissions
from samenspel.accounts.api_auth import StaffToken
from samenspel.accounts.models import User
from samenspel.core.api_errors import REFUSALS, ApiError, refusals_as_api_errors
from samenspel.followup import progress, rules, services
from samenspel.followup.api_schemas import (
    ActivityDetailOut,
    ActivityIn,
    CheckInIn,
    CheckInOut,
    LatestOut,
    LinkActivityOut,
    LinkOut,
    LinkOverviewOut,
    ReviewOut,
    StaffActivityOut,
    StaffCheckInIn,
    StatusChangeOut,
    StatusIn,
)
from samenspel.followup.models import CheckIn, CheckInLink, TrackedActivity
from samenspel.followup.views import found, found_rows, with_history
from samenspel.workshops.api_schemas import Id
from samenspel.workshops.models import Workshop

FOLLOW_UP = "follow-up"

router = Router(auth=[StaffToken()])
router.add_decorator(refusals_as_api_errors(services.FollowUpError, {
    "workshop_not_closed": 409, "bad_status_change": 409,
}))


def staff(request: HttpRequest, *, change: bool = False) -> User:
    caller = getattr(request, "auth", None)
    if not isinstance(caller, User) or not permissions.can_view_follow_up(caller):
        raise ApiError(403, "staff_only", _("Only staff can do this."))
    if change and not permissions.can_follow_up(caller):
        raise ApiError(403, "not_allowed", _(
            "You may look at the follow-up, not change it. Ask for the facilitator role."
        ))
    return caller


def activity_of(activity_id: int) -> TrackedActivity:
    found_activity = with_history(TrackedActivity.objects.filter(pk=activity_id)).first()
    if found_activity is None:
        raise ApiError(404, "unknown_activity", _("There is no activity with this number."))
    return found_activity


def closed_workshop_of(workshop_id: int) -> Workshop:
    workshop = Workshop.objects.filter(pk=workshop_id).first()
    if workshop is None:
        raise ApiError(404, "unknown_workshop", _("There is no workshop with this number."))
    return workshop


def row_fields(row: progress.Row) -> dict[str, object]:
    a = row.activity
    return {
        "id": a.pk, "workshop": a.workshop_id, "workshop_title": a.workshop.title,
        "place": a.workshop.place, "title": a.title, "description": a.description,
        "owner": a.owner, "owner_organisation": a.owner_organisation,
        "how_we_notice": a.how_we_notice, "target_date": a.target_date, "status": a.status,
        "last_check_in": row.last_check_in, "overdue": row.overdue,
        "check_in_due": row.check_in_due, "contact_name": a.contact_name,
        "contact_email": a.contact_email,
        "latest": [LatestOut(perspective=p.value, worked=c.worked if c else None,
                             date=c.date if c else None) for p, c in row.latest],
    }


def check_in_out(c: CheckIn) -> CheckInOut:
    return CheckInOut(id=c.pk, perspective=c.perspective, date=c.date, done=c.done,
                      worked=c.worked, evidence=c.evidence, evidence_link=c.evidence_link,
                      left_to_do=c.left_to_do)


def detail_out(row: progress.Row) -> ActivityDetailOut:
    a = row.activity
    return ActivityDetailOut(
        **row_fields(row),  # type: ignore[arg-type]
        check_ins=[check_in_out(c) for c in row.check_ins],
        status_changes=[StatusChangeOut(date=c.date, from_status=c.from_status,
                                        to_status=c.to_status)
                        for c in a.status_changes.all()],
        next_statuses=rules.next_statuses(a.status),
    )


def detail_of(tracked: TrackedActivity) -> ActivityDetailOut:
    return detail_out(progress.rows([activity_of(tracked.pk)], timezone.localdate())[0])


# -- Staff ----------------------------------------------------------------------------------


@router.get("/follow-up/activities", response={200: list[StaffActivityOut], **REFUSALS},
            tags=[FOLLOW_UP], summary="The dashboard: all tracked activities")
def activity_list(request: HttpRequest, q: str = "", perspective: str = "", place: str = "",
                  status: str = "") -> list[StaffActivityOut]:
    """Words in `q` are looked for in the activity and its workshop; `perspective` (the
    owner), `place` (the workshop's village) and `status` must match exactly; `status` may
    also be `overdue` or `due` (a check-in is due)."""
    staff(request)
    services.track_closed_workshops()
    wanted = {"q": q[:100], "perspective": perspective, "place": place, "status": status}
    rows = found_rows(progress.rows(with_history(found(TrackedActivity.objects.all(), wanted)),
                                    timezone.localdate()), wanted)
    return [StaffActivityOut(**row_fields(row)) for row in rows]  # type: ignore[arg-type]


@router.get("/follow-up/activities/{activity_id}",
            response={200: ActivityDetailOut, **REFUSALS}, tags=[FOLLOW_UP],
            summary="An activity with its check-ins and status changes")
def activity_detail(request: HttpRequest, activity_id: Id) -> ActivityDetailOut:
    staff(request)
    return detail_of(activity_of(activity_id))


@router.put("/follow-up/activities/{activity_id}",
            response={200: ActivityDetailOut, **REFUSALS}, tags=[FOLLOW_UP],
            summary="Change an activity's owner, contact person, target date")
def change_activity(request: HttpRequest, activity_id: Id, body: ActivityIn) -> ActivityDetailOut:
    staff(request, change=True)
    tracked = activity_of(activity_id)
    services.change_activity(tracked, **body.model_dump())
    return detail_of(tracked)


@router.post("/follow-up/activities/{activity_id}/status",
             response={200: ActivityDetailOut, **REFUSALS}, tags=[FOLLOW_UP],
             summary="Move an activity's status")
def change_status(request: HttpRequest, activity_id: Id, body: StatusIn) -> ActivityDetailOut:
    """planned → started, done or stopped; started → done or stopped; done or stopped →
    started again. A refused move is a 409 `bad_status_change`."""
    user = staff(request, change=True)
    tracked = activity_of(activity_id)
    services.change_status(tracked, body.status, changed_by=user, on=body.date)
    return detail_of(tracked)


@router.post("/follow-up/activities/{activity_id}/check-ins",
             response={201: CheckInOut, **REFUSALS}, tags=[FOLLOW_UP],
             summary="Record a check-in for a group")
def record_check_in(request: HttpRequest, activity_id: Id,
                    body: StaffCheckInIn) -> Status[CheckInOut]:
    user = staff(request, change=True)
    stored = services.record_check_in(activity_of(activity_id), recorded_by=user,
                                      on=body.date, **body.model_dump(exclude={"date"}))
    return Status(201, check_in_out(stored))


@router.get("/follow-up/workshops/{workshop_id}", response={200: ReviewOut, **REFUSALS},
            tags=[FOLLOW_UP], summary="A closed workshop's follow-up (the review page)")
def review(request: HttpRequest, workshop_id: Id) -> ReviewOut:
    """With the check-in link key of each group, and the progress page's key."""
    user = staff(request)
    workshop = closed_workshop_of(workshop_id)
    follow_up = services.track_activities(workshop)
    rows = progress.rows(with_history(TrackedActivity.objects.filter(workshop=workshop)),
                         timezone.localdate())
    links = CheckInLink.objects.filter(workshop=workshop) if permissions.can_follow_up(
        user) else CheckInLink.objects.none()
    return ReviewOut(
        workshop=workshop.pk, title=workshop.title, is_public=follow_up.is_public,
        public_key=follow_up.public_key if permissions.can_follow_up(user) else "",
        links=[LinkOut(perspective=link.perspective, key=link.key) for link in links],
        activities=[detail_out(row) for row in rows],
    )


@router.post("/follow-up/workshops/{workshop_id}/activities",
             response={201: ActivityDetailOut, **REFUSALS}, tags=[FOLLOW_UP],
             summary="Add an activity to follow up by hand")
def add_activity(request: HttpRequest, workshop_id: Id,
                 body: ActivityIn) -> Status[ActivityDetailOut]:
    staff(request, change=True)
    tracked = services.add_activity(closed_workshop_of(workshop_id), **body.model_dump())
    return Status(201, detail_of(tracked))


# -- Through a group's link -----------------------------------------------------------------


def link_of(key: str) -> CheckInLink:
    link = CheckInLink.objects.select_related("workshop").filter(key=key[:40]).first()
    if link is None:
        raise ApiError(404, "unknown_link", _("This check-in link does not exist."))
    return link


@router.get("/check-in/{key}", auth=None, response={200: LinkOverviewOut, **REFUSALS},
            tags=[FOLLOW_UP], summary="A group's activities to check in on (with its link)")
def link_overview(request: HttpRequest, key: str) -> LinkOverviewOut:
    link = link_of(key)
    activities = TrackedActivity.objects.filter(workshop=link.workshop).prefetch_related(
        Prefetch("check_ins", queryset=CheckIn.objects.filter(perspective=link.perspective)))
    return LinkOverviewOut(
        workshop_title=link.workshop.title, perspective=link.perspective,
        activities=[LinkActivityOut(
            id=a.pk, title=a.title, description=a.description, how_we_notice=a.how_we_notice,
            status=a.status, last_check_in=max((c.date for c in a.check_ins.all()), default=None),
        ) for a in activities],
    )


@router.post("/check-in/{key}/activities/{activity_id}", auth=None,
             response={201: CheckInOut, **REFUSALS}, tags=[FOLLOW_UP],
             summary="Check in for the link's group")
def link_check_in(request: HttpRequest, key: str, activity_id: Id,
                  body: CheckInIn) -> Status[CheckInOut]:
    """For the link's own group only, on an activity of the link's workshop, dated today."""
    link = link_of(key)
    tracked = TrackedActivity.objects.filter(pk=activity_id, workshop=link.workshop).first()
    if tracked is None:
        raise ApiError(404, "unknown_activity", _("There is no activity with this number."))
    return Status(201, check_in_out(services.record_check_in_by_link(
        link, tracked, **body.model_dump())))
