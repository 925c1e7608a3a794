"""The status rules and the due and overdue dates, as pure functions with a given today."""

from datetime import date

import pytest

from samenspel.followup import rules

TODAY = date(2026, 6, 1)


@pytest.mark.parametrize(("from_status", "to_status"), [
    ("planned", "started"), ("planned", "done"), ("planned", "stopped"),
    ("started", "done"), ("started", "stopped"),
    ("done", "started"), ("stopped", "started"),
])
def test_allowed_moves(from_status, to_status):
    assert rules.may_move(from_status, to_status)


@pytest.mark.parametrize(("from_status", "to_status"), [
    ("started", "planned"), ("done", "planned"), ("stopped", "planned"),
    ("done", "stopped"), ("stopped", "done"), ("started", "started"), ("planned", "nonsense"),
])
def test_nothing_goes_back_to_planned_and_finished_only_reopens(from_status, to_status):
    assert not rules.may_move(from_status, to_status)


def test_next_statuses_in_the_usual_order():
    assert rules.next_statuses("planned") == ["started", "done", "stopped"]
    assert rules.next_statuses("done") == ["started"]


def test_overdue_when_the_target_date_passed_and_not_finished():
    assert rules.is_overdue("started", date(2026, 5, 31), TODAY)
    assert not rules.is_overdue("started", TODAY, TODAY)  # the target day itself is not late
    assert not rules.is_overdue("done", date(2026, 1, 1), TODAY)
    assert not rules.is_overdue("stopped", date(2026, 1, 1), TODAY)
    assert not rules.is_overdue("planned", None, TODAY)


def test_check_in_is_due_days_after_the_last_one_or_after_tracking():
    tracked_since = date(2026, 3, 1)
    assert not rules.is_check_in_due("planned", tracked_since, None, 93, TODAY)
    assert rules.is_check_in_due("planned", tracked_since, None, 60, TODAY)
    assert not rules.is_check_in_due("started", tracked_since, date(2026, 5, 1), 60, TODAY)
    assert rules.is_check_in_due("started", tracked_since, date(2026, 4, 2), 60, TODAY)


def test_no_check_in_is_due_once_done_or_stopped():
    assert not rules.is_check_in_due("done", date(2025, 1, 1), None, 60, TODAY)
    assert rules.check_in_due_since("stopped", date(2025, 1, 1), None, 60) is None


def test_a_reminder_goes_once_per_due_period():
    since, last = date(2026, 1, 1), date(2026, 3, 1)  # due from 30 April
    assert rules.should_remind("started", since, last, None, 60, TODAY)
    assert not rules.should_remind("started", since, last, date(2026, 5, 2), 60, TODAY)
    # reminded in an earlier period (before the last check-in): remind again
    assert rules.should_remind("started", since, last, date(2026, 2, 1), 60, TODAY)
    assert not rules.should_remind("started", since, date(2026, 5, 1), None, 60, TODAY)
    assert not rules.should_remind("done", since, last, None, 60, TODAY)
