"""Counting dots: a tie stays a tie."""

from samenspel.workshops.tally import ranking, total_dots


def test_most_dots_first_and_ties_share_a_rank():
    assert ranking({1: 2, 2: 5, 3: 2, 4: 0}) == [
        (2, 5, 1, False), (1, 2, 2, True), (3, 2, 2, True), (4, 0, 4, False),
    ]


def test_dots_add_up_per_activity():
    assert total_dots([(1, 2), (2, 1), (1, 1)]) == {1: 3, 2: 1}
