"""Throttled jobs: run a job at most once per interval per key, on one background thread.

Rendering what a change looks like is the expensive part of a live update: a plenary of
1,000 reacting within ten seconds would otherwise re-render the table of reactions 100 times
a second.
Through the throttle the first change for a key is rendered at once, and every change that
follows within the interval is rendered together once, when the interval is up (the job
reads the current state, so the latest job for a key stands for all of them). Requests do
not wait for it. With an interval of 0 a job runs at once in the caller's thread (tests).
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable, Hashable

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

Job = Callable[[], None]


class Throttle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Condition()
        self._jobs: dict[Hashable, Job] = {}  # the latest job per key still to run
        self._due: list[tuple[float, int, Hashable]] = []  # (when, order, key)
        self._last_run: dict[Hashable, float] = {}
        self._order = itertools.count()
        self._worker: threading.Thread | None = None

    def submit(self, key: Hashable, job: Job, interval: float) -> None:
        if interval <= 0:
            job()
            return
        with self._lock:
            waiting = key in self._jobs
            self._jobs[key] = job
            if waiting:
                return  # it runs when its turn comes, as this newer job
            now = self._clock()
            when = max(now, self._last_run.get(key, -interval) + interval)
            heapq.heappush(self._due, (when, next(self._order), key))
            self._start()
            self._lock.notify()

    def _start(self) -> None:
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(target=self._work, name="live-render", daemon=True)
            self._worker.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                while not self._due or self._due[0][0] > self._clock():
                    timeout = self._due[0][0] - self._clock() if self._due else None
                    self._lock.wait(timeout)
                _when, _order, key = heapq.heappop(self._due)
                job = self._jobs.pop(key)
                self._last_run[key] = self._clock()
                if len(self._last_run) > 10_000:  # forget keys long done, keep memory bounded
                    cutoff = self._clock() - 60
                    self._last_run = {k: t for k, t in self._last_run.items() if t > cutoff}
            try:
                job()
            except Exception:
                logger.exception("Live: a throttled job failed")
            finally:
                if not self._due:
                    # Idle: give the database connection back rather than hold it.
                    connections.close_all()


_throttle = Throttle()


def throttled(key: Hashable, job: Job) -> None:
    """Run `job` soon, at most once per LIVE_RENDER_INTERVAL_MS for `key`."""
    _throttle.submit(key, job, settings.LIVE_RENDER_INTERVAL_MS / 1000)
