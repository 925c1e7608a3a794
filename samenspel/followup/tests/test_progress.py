"""The statuses over time for the chart, and its drawing, from plain histories."""

from datetime import date

from samenspel.followup import pictures
from samenspel.followup.progress import History, sample_days, statuses_over_time


def test_status_on_a_day_follows_the_moves():
    history = History(date(2026, 1, 10), [(date(2026, 2, 1), "started"),
                                          (date(2026, 3, 1), "done")])
    assert history.status_on(date(2026, 1, 9)) is None
    assert history.status_on(date(2026, 1, 10)) == "planned"
    assert history.status_on(date(2026, 2, 1)) == "started"
    assert history.status_on(date(2026, 4, 1)) == "done"


def test_statuses_over_time_counts_each_activity_once_per_day():
    histories = [
        History(date(2026, 1, 1), [(date(2026, 2, 1), "started")]),
        History(date(2026, 1, 1), []),
        History(date(2026, 3, 1), [(date(2026, 3, 2), "stopped")]),
    ]
    counts = statuses_over_time(histories, [date(2026, 1, 15), date(2026, 4, 1)])
    assert counts[0][1] == {"planned": 2, "started": 0, "done": 0, "stopped": 0}
    assert counts[1][1] == {"planned": 1, "started": 1, "done": 0, "stopped": 1}


def test_sample_days_end_today_and_stay_few():
    days = sample_days(date(2026, 1, 1), date(2026, 12, 31))
    assert len(days) == 8 and days[0] == date(2026, 1, 1) and days[-1] == date(2026, 12, 31)
    assert sample_days(date(2026, 5, 1), date(2026, 5, 1)) == [date(2026, 5, 1)]


def test_the_chart_stacks_the_statuses_from_the_bottom():
    chart = pictures.status_chart([(date(2026, 1, 1), {"planned": 2, "started": 1,
                                                       "done": 0, "stopped": 0})])
    (bar,) = chart.bars
    assert [b.status for b in bar.blocks] == ["planned", "started"]
    assert bar.blocks[0].y + bar.blocks[0].height == pictures.BOTTOM
    assert bar.blocks[1].y == pictures.TOP  # the highest bar reaches the top
