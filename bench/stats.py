"""Latency histograms: 0.1 ms buckets, merged across worker processes, read as percentiles.

A histogram is a dict {bucket: count}; bucket b holds latencies in [b, b + 1) * 0.1 ms, and
the last bucket (60 s) holds everything slower. Percentiles are nearest-rank: the p-th
percentile is the smallest bucket with at least p % of the samples at or below it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

BUCKET_SECONDS = 1e-4
LAST_BUCKET = 600_000


def bucket(seconds: float) -> int:
    return min(max(int(seconds / BUCKET_SECONDS), 0), LAST_BUCKET)


def histogram(latencies: Iterable[float]) -> Counter[int]:
    return Counter(bucket(seconds) for seconds in latencies)


def merge(histograms: Iterable[dict[int, int]]) -> Counter[int]:
    total: Counter[int] = Counter()
    for one in histograms:
        total.update({int(b): n for b, n in one.items()})
    return total


def percentiles(hist: dict[int, int], wanted: Iterable[float] = (50, 95, 99, 100),
                lost: int = 0) -> dict[str, float | None]:
    """Percentiles in milliseconds (the bucket's upper edge); None without samples. With
    `lost` samples that never arrived (infinitely late), a percentile that falls among
    them is None too."""
    count = sum(hist.values()) + lost
    names = {p: f"p{p:g}" if p < 100 else "max" for p in wanted}
    if count == 0:
        return dict.fromkeys(names.values())
    result: dict[str, float | None] = dict.fromkeys(names.values())
    ranks = sorted(wanted)
    seen = 0
    for b in sorted(hist):
        seen += hist[b]
        while ranks and seen >= ranks[0] / 100 * count:
            result[names[ranks.pop(0)]] = round((b + 1) * BUCKET_SECONDS * 1000, 1)
        if not ranks:
            break
    return result
