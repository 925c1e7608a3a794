"""The lockout rule as a pure function: failures, a window and a limit."""

from datetime import UTC, datetime, timedelta

from samenspel.accounts.lockout import locked_until_after, normalise_username

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=15)


def minutes_ago(*minutes):
    return [NOW - timedelta(minutes=m) for m in minutes]


def test_four_failures_do_not_lock():
    assert locked_until_after(minutes_ago(1, 2, 3, 4), NOW, 5, WINDOW) is None


def test_five_failures_in_the_window_lock_until_the_fifth_latest_is_a_window_old():
    failures = minutes_ago(1, 2, 3, 4, 10)
    assert locked_until_after(failures, NOW, 5, WINDOW) == NOW - timedelta(minutes=10) + WINDOW


def test_failures_older_than_the_window_do_not_count():
    assert locked_until_after(minutes_ago(1, 2, 3, 4, 15, 20), NOW, 5, WINDOW) is None


def test_lock_ends_exactly_when_the_window_has_passed():
    failures = minutes_ago(0, 0, 0, 0, 0)
    assert locked_until_after(failures, NOW + WINDOW - timedelta(seconds=1), 5, WINDOW)
    assert locked_until_after(failures, NOW + WINDOW, 5, WINDOW) is None


def test_many_failures_lock_until_the_fifth_latest_ages_out():
    failures = minutes_ago(1, 2, 3, 4, 5, 6, 7)
    assert locked_until_after(failures, NOW, 5, WINDOW) == NOW - timedelta(minutes=5) + WINDOW


def test_usernames_are_counted_regardless_of_case_and_spaces():
    assert normalise_username("  Gespreksleider ") == normalise_username("gespreksleider")
