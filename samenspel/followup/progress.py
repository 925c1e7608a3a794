"""Where each tracked activity stands, for the review page, the dashboard and the public
page: plain data made from the activities with their check-ins and status changes; the
statuses over time for the chart (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings

from samenspel.followup import rules
from samenspel.followup.models import CheckIn, StatusChange, TrackedActivity
from samenspel.method.perspectives import Perspective

STATUS_ORDER = (rules.PLANNED, rules.STARTED, rules.DONE, rules.STOPPED)


@dataclass(frozen=True)
class Row:
    """One tracked activity with what the overview says about it."""

    activity: TrackedActivity
    check_ins: list[CheckIn]
    last_check_in: date | None
    overdue: bool
    check_in_due: bool
    # Per perspective, in the perspectives' order: its name and its latest check-in or None.
    latest: list[tuple[Perspective, CheckIn | None]] = field(default_factory=list)
    # Per perspective: its check-ins in date order.
    by_perspective: list[tuple[Perspective, list[CheckIn]]] = field(default_factory=list)


def check_in_days() -> int:
    """After how many days without a check-in one is due (setting CHECK_IN_DUE_DAYS)."""
    return int(getattr(settings, "CHECK_IN_DUE_DAYS", 60))


def rows(activities: Iterable[TrackedActivity], today: date) -> list[Row]:
    """The overview of each activity; `activities` come with their check-ins prefetched."""
    days = check_in_days()
    made = []
    for activity in activities:
        check_ins = list(activity.check_ins.all())
        last = max((c.date for c in check_ins), default=None)
        latest_of: dict[str, CheckIn] = {}
        for check_in in check_ins:  # in date order: the last one of each group stays
            latest_of[check_in.perspective] = check_in
        made.append(Row(
            activity=activity, check_ins=check_ins, last_check_in=last,
            overdue=rules.is_overdue(activity.status, activity.target_date, today),
            check_in_due=rules.is_check_in_due(
                activity.status, activity.created_on, last, days, today),
            latest=[(p, latest_of.get(p.value)) for p in Perspective],
            by_perspective=[(p, [c for c in check_ins if c.perspective == p.value])
                            for p in Perspective],
        ))
    return made


@dataclass(frozen=True)
class Event:
    """One line of an activity's timeline."""

    date: date
    status_change: StatusChange | None = None
    check_in: CheckIn | None = None


def timeline(activity: TrackedActivity) -> list[Event]:
    """Status changes and check-ins of the activity, in date order (a status change before
    a check-in on the same day)."""
    events = [Event(c.date, status_change=c) for c in activity.status_changes.all()]
    events += [Event(c.date, check_in=c) for c in activity.check_ins.all()]
    return sorted(events, key=lambda e: (e.date, e.check_in is not None))


# -- The statuses over time ------------------------------------------------------------------


@dataclass(frozen=True)
class History:
    """An activity's status history as plain values: since when it is tracked, and each
    move (date, new status) in date order."""

    tracked_since: date
    moves: Sequence[tuple[date, str]]

    def status_on(self, day: date) -> str | None:
        """The status at the end of the day; None before the activity was tracked."""
        if day < self.tracked_since:
            return None
        status = rules.PLANNED
        for moved_on, to_status in self.moves:
            if moved_on > day:
                break
            status = to_status
        return status


def sample_days(first: date, today: date, most: int = 8) -> list[date]:
    """Up to `most` days from the first to today, evenly apart, today last."""
    span = max((today - first).days, 0)
    if span == 0:
        return [today]
    count = min(most, span + 1)
    return [first + timedelta(days=round(span * i / (count - 1))) for i in range(count)]


def statuses_over_time(
    histories: Sequence[History], days: Sequence[date]
) -> list[tuple[date, dict[str, int]]]:
    """For each day: how many activities had each status at its end."""
    counts = []
    for day in days:
        count = dict.fromkeys(STATUS_ORDER, 0)
        for history in histories:
            status = history.status_on(day)
            if status is not None:
                count[status] += 1
        counts.append((day, count))
    return counts


def histories(activities: Iterable[TrackedActivity]) -> list[History]:
    """The plain histories of activities that come with their status changes prefetched."""
    return [
        History(a.created_on, [(c.date, c.to_status) for c in a.status_changes.all()])
        for a in activities
    ]
