"""The geometry of the chart of statuses over time: one stacked bar per day, a colour
per status. The template draws it; the data table beside it has the same numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from samenspel.followup.progress import STATUS_ORDER

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 240
# Dark enough against white and told apart by lightness too (WCAG 1.4.11: 3:1).
COLOURS = {"planned": "#5c5c5c", "started": "#0b5fa5", "done": "#1d6b2f", "stopped": "#9e2a12"}


@dataclass(frozen=True)
class Block:
    status: str
    x: float
    y: float
    width: float
    height: float
    colour: str
    count: int


@dataclass(frozen=True)
class Bar:
    day: date
    x: float
    label_x: float
    blocks: list[Block]
    total: int


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    grid: list[tuple[int, float]]
    left: int
    right: int
    bottom: int
    legend: list[tuple[str, str, int]]


def status_chart(counts: Sequence[tuple[date, dict[str, int]]]) -> Chart:
    """Bars from left (oldest) to right (today); each bar stacks the statuses in their
    order from the bottom, its height the number of activities on that day."""
    highest = max((sum(c.values()) for _day, c in counts), default=0) or 1
    inner = WIDTH - LEFT - RIGHT
    slot = inner / max(len(counts), 1)
    bar_width = round(min(slot * 0.6, 56), 1)
    scale = (BOTTOM - TOP) / highest
    bars = []
    for i, (day, count) in enumerate(counts):
        x = round(LEFT + slot * i + (slot - bar_width) / 2, 1)
        y = float(BOTTOM)
        blocks = []
        for status in STATUS_ORDER:
            height = round(count[status] * scale, 1)
            if count[status]:
                y = round(y - height, 1)
                blocks.append(Block(status, x, y, bar_width, height, COLOURS[status],
                                    count[status]))
        bars.append(Bar(day, x, round(x + bar_width / 2, 1), blocks, sum(count.values())))
    step = max(1, -(-highest // 4))
    grid = [(v, round(BOTTOM - v * scale, 1)) for v in range(0, highest + 1, step)]
    legend = [(s, COLOURS[s], LEFT + 140 * i) for i, s in enumerate(STATUS_ORDER)]
    return Chart(bars, grid, LEFT, WIDTH - RIGHT, BOTTOM, legend)
