"""A burst of requests is worked on a few at a time, in order, and none is dropped."""

from __future__ import annotations

import asyncio

import pytest

from samenspel.core.concurrency import BoundedRequests


class SlowApp:
    """Counts how many requests are inside it at once."""

    def __init__(self) -> None:
        self.inside = 0
        self.most_inside = 0
        self.order: list[int] = []

    async def __call__(self, scope, receive, send) -> None:
        self.inside += 1
        self.most_inside = max(self.most_inside, self.inside)
        self.order.append(scope.get("n", -1))
        await asyncio.sleep(0.01)
        self.inside -= 1
        await send({"type": "done", "n": scope.get("n", -1)})


def serve_all(app, scopes):
    async def burst():
        answers: list[int] = []

        async def send(message):
            answers.append(message["n"])

        async def receive():
            return {}

        await asyncio.gather(*(app(scope, receive, send) for scope in scopes))
        return answers
    return asyncio.run(asyncio.wait_for(burst(), 10))


def test_a_burst_of_fifty_requests_is_worked_on_four_at_a_time_in_order():
    inner = SlowApp()
    answers = serve_all(BoundedRequests(inner, limit=4),
                        [{"type": "http", "n": n} for n in range(50)])
    assert inner.most_inside == 4
    assert inner.order == list(range(50))
    assert sorted(answers) == list(range(50))


def test_sockets_do_not_wait_for_a_turn():
    inner = SlowApp()
    serve_all(BoundedRequests(inner, limit=1),
              [{"type": "websocket", "n": n} for n in range(10)])
    assert inner.most_inside == 10


def test_the_same_app_serves_one_event_loop_after_another():
    inner = SlowApp()
    app = BoundedRequests(inner, limit=2)
    serve_all(app, [{"type": "http", "n": n} for n in range(5)])
    serve_all(app, [{"type": "http", "n": n} for n in range(5)])
    assert inner.most_inside == 2


def test_a_limit_below_one_is_refused():
    with pytest.raises(ValueError, match="At least one"):
        BoundedRequests(SlowApp(), limit=0)
