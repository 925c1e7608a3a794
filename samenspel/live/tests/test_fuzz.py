"""Whatever arrives on the live socket, the server keeps serving: thousands of random text and
binary frames on a subscribed socket change nothing for it or its neighbours, and random,
forged and truncated tokens are all refused with 4403 — never a crash, never a stream."""

import json
import random
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.exceptions import ConnectionClosedError
from websockets.sync.client import connect

from samenspel.live.endpoint import CLOSE_REFUSED, live_application
from samenspel.live.publish import publish
from samenspel.live.subscriptions import sign_subscription
from samenspel.live.tests.sockets import http_app, served, unique_stream

FRAMES = 3000


@pytest.fixture(scope="module")
def host():
    with served(live_application(http_app)) as host:
        yield host


def open_socket(host, token):
    return connect(f"ws://{host}/ws/live?token={quote(token)}", origin=f"http://{host}",
                   proxy=None, open_timeout=5, close_timeout=1, max_size=2**20)


def random_frame(chance):
    size = chance.choice((0, 1, 7, 200, 4096, 65536))
    if chance.random() < 0.5:
        return chance.randbytes(size)
    alphabet = '{}[]":,\\/\x00\u202e\U0001f600abc0123 \n'
    text = "".join(chance.choice(alphabet) for _ in range(size))
    return chance.choice((text, json.dumps({"type": "subscribe", "stream": text}), "null"))


def test_random_frames_change_nothing_for_the_socket_or_its_neighbours(host):
    stream = unique_stream()
    token = sign_subscription(stream, ["console"])
    chance = random.Random(20261202)
    with open_socket(host, token) as noisy, open_socket(host, token) as neighbour:
        for _ in range(FRAMES):
            noisy.send(random_frame(chance))
        publish(stream, "console", {"n": "after"}, version=2)

        heard = [json.loads(socket.recv(timeout=10)) for socket in (noisy, neighbour)]

    assert all(frame["events"] == [{"n": "after", "version": 2}] for frame in heard)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(token=st.one_of(
    st.text(max_size=300),
    st.builds(lambda good, cut: good[:cut], st.just(sign_subscription("workshop:1", ["console"])),
              st.integers(0, 80)),
    st.builds(lambda good, junk: good + junk,
              st.just(sign_subscription("workshop:1", ["console"])), st.text(min_size=1)),
))
def test_every_token_that_is_not_one_we_signed_is_refused(host, token):
    if token == sign_subscription("workshop:1", ["console"]):
        return
    with open_socket(host, token) as socket, pytest.raises(ConnectionClosedError) as closed:
        socket.recv(timeout=5)
    assert closed.value.rcvd.code == CLOSE_REFUSED
