"""The one door for changes in the follow-up: each function checks its rule and writes in
one transaction."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any, TypedDict, Unpack

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.core.text import one_line, plain_text
from samenspel.followup import live_updates, rules
from samenspel.followup.models import (
    CheckIn,
    CheckInLink,
    FollowUp,
    SecondWave,
    Status,
    StatusChange,
    TrackedActivity,
    Worked,
)
from samenspel.method.models import Round
from samenspel.method.perspectives import Perspective
from samenspel.workshops.models import Participant, Workshop
from samenspel.workshops.services import bump_version


class FollowUpError(Exception):
    """A rule said no. `code` is stable for the API; the message is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def on_workshop_closed(sender: object, workshop: Workshop, **kwargs: Any) -> None:
    """The workshop's signal: its chosen activities become tracked activities."""
    track_activities(workshop)


def track_activities(workshop: Workshop) -> FollowUp:
    """The follow-up of a closed workshop: every chosen activity tracked (owned by the group
    that chose it, serving the behaviours it served) and a check-in link per perspective.
    Safe to call again: it adds only what is missing — so a workshop imported or closed
    before the follow-up existed gets it the first time a page asks."""
    if workshop.state != Workshop.State.CLOSED:
        raise FollowUpError("workshop_not_closed", _(
            "The follow-up starts when the workshop is closed."
        ))
    try:
        with transaction.atomic():
            follow_up, _made = FollowUp.objects.get_or_create(workshop=workshop)
            have = set(CheckInLink.objects.filter(workshop=workshop)
                       .values_list("perspective", flat=True))
            CheckInLink.objects.bulk_create([
                CheckInLink(workshop=workshop, perspective=p)
                for p in Perspective.values if p not in have
            ])
            chosen = workshop.activities.filter(chosen=True, tracked__isnull=True)
            for activity in chosen.prefetch_related("serves"):
                tracked = TrackedActivity.objects.create(
                    workshop=workshop, activity=activity, title=activity.title,
                    description=activity.description, owner=activity.perspective,
                    created_on=workshop.date or timezone.localdate(),
                )
                tracked.serves.set(activity.serves.all())
    except IntegrityError:
        # Two pages asked at the same moment: the other one made it.
        return FollowUp.objects.get(workshop=workshop)
    return follow_up


def follow_up_of(workshop: Workshop) -> FollowUp | None:
    """The workshop's follow-up, made now if it is closed and has none yet."""
    if workshop.state != Workshop.State.CLOSED:
        return None
    found = FollowUp.objects.filter(workshop=workshop).first()
    return found if found is not None else track_activities(workshop)


def track_closed_workshops() -> None:
    """Every closed workshop without a follow-up gets one (the dashboard asks)."""
    for workshop in Workshop.objects.filter(state=Workshop.State.CLOSED, follow_up__isnull=True):
        track_activities(workshop)


class ActivityDetails(TypedDict, total=False):
    """What staff may say about a tracked activity beside its title and owner."""

    description: str
    owner_organisation: str
    contact_name: str
    contact_email: str
    how_we_notice: str
    target_date: date | None


def _checked_activity(title: str, owner: str, details: ActivityDetails) -> dict[str, Any]:
    title = one_line(title)
    if not title:
        raise FollowUpError("empty_activity", _("Give the activity a title."))
    if owner not in Perspective.values:
        raise FollowUpError("unknown_perspective", _("Choose one of the three groups."))
    contact_email = details.get("contact_email", "").strip()
    if contact_email:
        try:
            validate_email(contact_email)
        except ValidationError:
            raise FollowUpError("bad_email", _(
                "This is not an e-mail address. Write it like naam@voorbeeld.nl."
            )) from None
    return {
        "title": title[:120], "owner": owner,
        "description": plain_text(details.get("description", ""))[:500],
        "owner_organisation": one_line(details.get("owner_organisation", ""))[:120],
        "contact_name": one_line(details.get("contact_name", ""))[:120],
        "contact_email": contact_email[:254],
        "how_we_notice": plain_text(details.get("how_we_notice", ""))[:1000],
        "target_date": details.get("target_date"),
    }


def add_activity(
    workshop: Workshop, *, title: str, owner: str, **details: Unpack[ActivityDetails]
) -> TrackedActivity:
    """Staff add an activity to follow up by hand, beside the chosen ones."""
    if follow_up_of(workshop) is None:
        raise FollowUpError("workshop_not_closed", _(
            "The follow-up starts when the workshop is closed."
        ))
    return TrackedActivity.objects.create(
        workshop=workshop, **_checked_activity(title, owner, details))


def change_activity(
    tracked: TrackedActivity, *, title: str, owner: str, **details: Unpack[ActivityDetails]
) -> None:
    """Staff say who owns the activity, how we will notice that it works, and by when. What
    is left out is emptied."""
    for field, value in _checked_activity(title, owner, details).items():
        setattr(tracked, field, value)
    tracked.save()


def change_status(
    tracked: TrackedActivity, to_status: str, *, changed_by: User | None,
    on: date | None = None,
) -> StatusChange:
    """The activity moves on (see rules.MOVES); the move is kept for the timeline."""
    if on is not None and on > timezone.localdate():
        raise FollowUpError("future_status_change", _(
            "A status change cannot be in the future."
        ))
    with transaction.atomic():
        locked = TrackedActivity.objects.select_for_update().get(pk=tracked.pk)
        if to_status not in Status.values or not rules.may_move(locked.status, to_status):
            raise FollowUpError("bad_status_change", _(
                "This activity cannot go from “%(from)s” to “%(to)s”."
            ) % {"from": locked.get_status_display(),
                 "to": dict(Status.choices).get(to_status, to_status)})
        change = StatusChange.objects.create(
            activity=locked, from_status=locked.status, to_status=to_status,
            changed_by=changed_by, date=on or timezone.localdate(),
        )
        locked.status = to_status
        locked.save(update_fields=["status"])
    tracked.status = to_status
    return change


def record_check_in(
    tracked: TrackedActivity,
    *,
    perspective: str,
    done: str,
    worked: str,
    key: str,
    evidence: str = "",
    evidence_link: str = "",
    left_to_do: str = "",
    recorded_by: User | None = None,
    on: date | None = None,
) -> CheckIn:
    """A perspective's check-in on an activity. The same key again (a double tap, a retry)
    gives the check-in stored the first time."""
    key = key[:64]
    if key:
        earlier = CheckIn.objects.filter(activity=tracked, key=key).first()
        if earlier is not None:
            return earlier
    today = timezone.localdate()
    if perspective not in Perspective.values:
        raise FollowUpError("unknown_perspective", _("Choose the group you speak for."))
    done = plain_text(done)
    if not done:
        raise FollowUpError("empty_check_in", _("Write what you have done."))
    if worked not in Worked.values:
        raise FollowUpError("unknown_worked", _("Say whether it worked."))
    evidence_link = evidence_link.strip()
    if evidence_link and not is_web_address(evidence_link):
        raise FollowUpError("bad_link", _(
            "This is not a web address. It starts with https://."
        ))
    if on is not None and on > today:
        raise FollowUpError("future_check_in", _("A check-in cannot be in the future."))
    check_in = CheckIn(
        activity=tracked, perspective=perspective, done=done[:2000], worked=worked,
        evidence=plain_text(evidence)[:2000], evidence_link=evidence_link[:500],
        left_to_do=plain_text(left_to_do)[:2000], recorded_by=recorded_by,
        key=key or new_check_in_key(), date=on or today,
    )
    try:
        with transaction.atomic():
            check_in.save()
    except IntegrityError:
        # The same check-in twice at the same moment: the other copy was stored.
        return CheckIn.objects.get(activity=tracked, key=check_in.key)
    return check_in


def is_web_address(value: str) -> bool:
    """An http(s) address: what a check-in's evidence link may be (never javascript:)."""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return False
    return True


def record_check_in_by_link(
    link: CheckInLink, tracked: TrackedActivity, *, done: str, worked: str, key: str,
    evidence: str = "", evidence_link: str = "", left_to_do: str = "",
) -> CheckIn:
    """A check-in through a perspective's anonymous link: for that perspective only, on an
    activity of that link's workshop, dated today."""
    if tracked.workshop_id != link.workshop_id:
        raise FollowUpError("unknown_activity", _(
            "This activity is not part of this workshop."
        ))
    return record_check_in(
        tracked, perspective=link.perspective, done=done, worked=worked, key=key,
        evidence=evidence, evidence_link=evidence_link, left_to_do=left_to_do,
    )


def publish_progress(follow_up: FollowUp, is_public: bool) -> None:
    """Staff switch the public progress page on or off."""
    follow_up.is_public = is_public
    follow_up.save(update_fields=["is_public"])


def new_check_in_key() -> str:
    return secrets.token_urlsafe(24)


def last_check_ins() -> dict[int, date]:
    """{tracked activity pk: date of its latest check-in}."""
    rows = CheckIn.objects.values_list("activity_id").annotate(last=Max("date"))
    return {int(pk): last for pk, last in rows}


def send_check_in_reminders(today: date | None = None) -> int:
    """E-mail the contact person of each activity whose check-in is due, once per due
    period (rules.should_remind), with the check-in link of the owning group. Returns how
    many were sent; one that fails to send is tried again the next run."""
    today = today or timezone.localdate()
    days = getattr(settings, "CHECK_IN_DUE_DAYS", 60)
    last = last_check_ins()
    links = {(link.workshop_id, link.perspective): link.key
             for link in CheckInLink.objects.all()}
    sent = 0
    candidates = TrackedActivity.objects.exclude(contact_email="").exclude(
        status__in=rules.FINISHED).select_related("workshop")
    for tracked in candidates:
        if not rules.should_remind(tracked.status, tracked.created_on, last.get(tracked.pk),
                                   tracked.reminded_on, days, today):
            continue
        key = links.get((tracked.workshop_id, tracked.owner))
        url = settings.SITE_URL + reverse("followup:link", args=[key]) if key else ""
        with translation.override(settings.LANGUAGE_CODE):
            subject = _("Check-in due: %(title)s") % {"title": tracked.title}
            body = _(
                "Hello %(name)s,\n\n"
                "It is time for a check-in on the activity “%(title)s” of the workshop "
                "“%(workshop)s”. What have you done, did it work, and what is left to do?\n\n"
                "Fill it in here, no account needed:\n%(url)s\n\n"
                "Kind regards,\nSamenspel"
            ) % {"name": tracked.contact_name or _("contact person"), "title": tracked.title,
                 "workshop": tracked.workshop.title, "url": url}
        mail.mailers.default.send_messages([
            mail.EmailMessage(subject, body, to=[tracked.contact_email])])
        tracked.reminded_on = today
        tracked.save(update_fields=["reminded_on"])
        sent += 1
    return sent


# -- A second-wave workshop's look-back round ------------------------------------------------


def previous_workshop(workshop: Workshop) -> Workshop | None:
    """The earlier workshop whose activities this one looks back on: chosen by the
    facilitator, or else the latest closed workshop in the same place (any place when there
    is none). Remembered the first time it is asked."""
    wave = SecondWave.objects.filter(workshop=workshop).select_related("previous").first()
    if wave is not None:
        return wave.previous
    closed = Workshop.objects.filter(state=Workshop.State.CLOSED).exclude(pk=workshop.pk)
    earlier = (closed.filter(place=workshop.place).first() if workshop.place else None) or (
        closed.first())
    if earlier is None:
        return None
    try:
        with transaction.atomic():
            SecondWave.objects.create(workshop=workshop, previous=earlier)
    except IntegrityError:
        # Many phones opened the round at once: one of them chose.
        return SecondWave.objects.select_related("previous").get(workshop=workshop).previous
    return earlier


def look_back_on(workshop: Workshop, previous: Workshop) -> None:
    """The facilitator lets the round look back on another closed workshop — as long as
    nobody has answered."""
    if previous.pk == workshop.pk or previous.state != Workshop.State.CLOSED:
        raise FollowUpError("not_a_previous_workshop", _(
            "Choose a closed workshop to look back on."
        ))
    with transaction.atomic():
        if CheckIn.objects.filter(in_workshop=workshop).exists():
            raise FollowUpError("answered_already_moved", _(
                "People have answered already: the round keeps looking back on this workshop."
            ))
        SecondWave.objects.update_or_create(workshop=workshop, defaults={"previous": previous})


def record_room_check_in(
    participant: Participant, tracked: TrackedActivity, *, done: str, worked: str,
) -> CheckIn:
    """A participant's look back on one earlier activity, for their own group, while the
    look-back round is open. Once per participant and activity: a second send gives the
    first."""
    workshop = participant.workshop
    key = f"room-{workshop.pk}-{participant.pk}"
    earlier = CheckIn.objects.filter(activity=tracked, key=key).first()
    if earlier is not None:
        return earlier
    round_ = workshop.current_round
    if not (workshop.state == Workshop.State.RUNNING and workshop.round_open
            and round_ is not None and round_.kind == Round.Kind.REVIEW):
        raise FollowUpError("round_closed", _(
            "The look back is closed. You can no longer answer."
        ))
    previous = previous_workshop(workshop)
    if previous is None or tracked.workshop_id != previous.pk:
        raise FollowUpError("unknown_activity", _(
            "This activity is not part of this workshop."
        ))
    with transaction.atomic():
        check_in = record_check_in(tracked, perspective=participant.perspective, done=done,
                                   worked=worked, key=key)
        CheckIn.objects.filter(pk=check_in.pk).update(in_workshop=workshop)
        check_in.in_workshop = workshop
        bump_version(workshop)
        transaction.on_commit(lambda: live_updates.look_back_changed(workshop))
    return check_in
