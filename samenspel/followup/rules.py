"""The rules of the follow-up as pure functions over plain values: which status moves are
allowed, when an activity is overdue, when a check-in is due and when to remind."""

from __future__ import annotations

from datetime import date, timedelta

PLANNED, STARTED, DONE, STOPPED = "planned", "started", "done", "stopped"
FINISHED = frozenset({DONE, STOPPED})

# Forward from planned and started; an activity that is done or stopped can be taken up
# again (back to started), because a council or a village can ask for it. Nothing goes
# back to planned: once started, the history says so.
MOVES: dict[str, frozenset[str]] = {
    PLANNED: frozenset({STARTED, DONE, STOPPED}),
    STARTED: frozenset({DONE, STOPPED}),
    DONE: frozenset({STARTED}),
    STOPPED: frozenset({STARTED}),
}


def may_move(from_status: str, to_status: str) -> bool:
    """Whether an activity's status may change from one to the other."""
    return to_status in MOVES.get(from_status, frozenset())


def next_statuses(status: str) -> list[str]:
    """The statuses an activity may move to, in the usual order."""
    return [s for s in (PLANNED, STARTED, DONE, STOPPED) if may_move(status, s)]


def is_overdue(status: str, target_date: date | None, today: date) -> bool:
    """The target date has passed and the activity is neither done nor stopped."""
    return target_date is not None and target_date < today and status not in FINISHED


def check_in_due_since(
    status: str, tracked_since: date, last_check_in: date | None, days: int
) -> date | None:
    """From which day a check-in is due: `days` after the last check-in (or after the
    activity was tracked, if nobody checked in yet). None when the activity is done or
    stopped: then no more check-ins are asked for."""
    if status in FINISHED:
        return None
    return (last_check_in or tracked_since) + timedelta(days=days)


def is_check_in_due(
    status: str, tracked_since: date, last_check_in: date | None, days: int, today: date
) -> bool:
    due = check_in_due_since(status, tracked_since, last_check_in, days)
    return due is not None and due <= today


def should_remind(
    status: str,
    tracked_since: date,
    last_check_in: date | None,
    reminded_on: date | None,
    days: int,
    today: date,
) -> bool:
    """Remind the contact person once per due period: when a check-in is due and they were
    not reminded since it became due. A new check-in starts a new period."""
    due = check_in_due_since(status, tracked_since, last_check_in, days)
    if due is None or due > today:
        return False
    return reminded_on is None or reminded_on < due
