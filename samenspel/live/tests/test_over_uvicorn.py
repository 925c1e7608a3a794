"""The same rules on the wire: uvicorn in a thread, the `websockets` client."""

import json
from urllib.parse import quote

import pytest
from websockets.exceptions import ConnectionClosedError, InvalidStatus
from websockets.sync.client import connect

from samenspel.live.endpoint import CLOSE_REFUSED, live_application
from samenspel.live.publish import publish
from samenspel.live.subscriptions import sign_subscription
from samenspel.live.tests.sockets import http_app, served, unique_stream


@pytest.fixture(scope="module")
def host():
    with served(live_application(http_app)) as host:
        yield host


def open_socket(host, token, origin=None):
    url = f"ws://{host}/ws/live?token={quote(token)}"
    return connect(url, origin=origin, proxy=None, open_timeout=5, close_timeout=1)


def test_published_event_arrives_over_the_wire(host):
    stream = unique_stream()
    with open_socket(host, sign_subscription(stream, ["console"]), f"http://{host}") as socket:
        publish(stream, "console", {"text": "hello"}, version=1)

        frame = json.loads(socket.recv(timeout=5))

    assert frame == {"stream": stream, "version": 1, "events": [{"text": "hello", "version": 1}]}


def test_client_sees_refused_token_as_close_code_4403(host):
    token = sign_subscription(unique_stream(), ["console"]) + "x"

    with open_socket(host, token) as socket, pytest.raises(ConnectionClosedError) as closed:
        socket.recv(timeout=5)

    assert closed.value.rcvd.code == CLOSE_REFUSED


def test_cross_site_socket_gets_http_403(host):
    token = sign_subscription(unique_stream(), ["console"])

    with pytest.raises(InvalidStatus) as refused:
        open_socket(host, token, origin="https://evil.example")

    assert refused.value.response.status_code == 403
