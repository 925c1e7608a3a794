"""Counting the dots (a ranking in which a tie stays a tie) and the room's reactions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def ranking(dots: dict[int, int]) -> list[tuple[int, int, int, bool]]:
    """(activity, dots, rank, tied) from most dots to fewest; equal dots share a rank
    ("1, 1, 3") and are marked tied, so nobody's choice is decided by the order of writing."""
    how_often = Counter(dots.values())
    ordered = sorted(dots.items(), key=lambda item: -item[1])
    result = []
    for activity, count in ordered:
        rank = 1 + sum(1 for other in dots.values() if other > count)
        result.append((activity, count, rank, how_often[count] > 1))
    return result


def total_dots(votes: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Dots per activity from (activity, dots) rows."""
    totals: dict[int, int] = {}
    for activity, count in votes:
        totals[activity] = totals.get(activity, 0) + count
    return totals


def reaction_table(
    counts: Iterable[tuple[int, str, str, int]],
) -> dict[int, dict[str, dict[str, int]]]:
    """activity -> kind -> perspective -> how many, from (activity, kind, perspective, count)
    rows."""
    table: dict[int, dict[str, dict[str, int]]] = {}
    for activity, kind, perspective, count in counts:
        per_perspective = table.setdefault(activity, {}).setdefault(kind, {})
        per_perspective[perspective] = per_perspective.get(perspective, 0) + count
    return table
