"""The ASGI entry: who may open a socket, where requests go, and the lifespan."""

import asyncio
from unittest import mock

from samenspel.live.endpoint import CLOSE_REFUSED, live_application
from samenspel.live.subscriptions import MAX_AGE, sign_subscription
from samenspel.live.tests.sockets import HOST, FakeSocket, http_app, unique_stream


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 10))


def first_answer(token, **kwargs):
    async def scenario():
        socket = FakeSocket(live_application(http_app), token, **kwargs)
        answer = await socket.connect()
        if answer["type"] == "websocket.accept":
            answer = await socket.next_message()
            if answer["type"] == "websocket.send":
                return "open"
        await asyncio.wait_for(socket.task, 2)
        return answer

    return run(scenario())


def accepted(token, **kwargs):
    async def scenario():
        socket = FakeSocket(live_application(http_app), token, **kwargs)
        answer = await socket.connect()
        if answer["type"] == "websocket.accept":
            await socket.disconnect()
        return answer["type"] == "websocket.accept"

    return run(scenario())


def test_valid_token_opens_the_socket():
    assert accepted(sign_subscription(unique_stream(), ["console"]))


def test_tampered_token_is_refused():
    token = sign_subscription(unique_stream(), ["console"])
    tampered = token[:-2] + ("xx" if not token.endswith("xx") else "yy")

    assert first_answer(tampered) == {"type": "websocket.close", "code": CLOSE_REFUSED}


def test_expired_token_is_refused():
    issued = 1_800_000_000
    with mock.patch("django.core.signing.time.time", return_value=issued):
        token = sign_subscription(unique_stream(), ["console"])

    with mock.patch(
        "django.core.signing.time.time", return_value=issued + MAX_AGE.total_seconds() + 1
    ):
        assert first_answer(token) == {"type": "websocket.close", "code": CLOSE_REFUSED}


def test_missing_token_is_refused():
    assert first_answer("") == {"type": "websocket.close", "code": CLOSE_REFUSED}


def test_socket_from_another_site_is_refused_before_the_handshake():
    token = sign_subscription(unique_stream(), ["console"])

    assert not accepted(token, origin="https://evil.example")
    assert not accepted(token, origin="http://localhost:9999")  # same name, other port
    assert not accepted(token, origin="null")


def test_socket_from_this_site_or_a_non_browser_is_allowed():
    token = sign_subscription(unique_stream(), ["console"])

    assert accepted(token, origin=f"http://{HOST}")
    assert accepted(token, origin=None)


def test_origin_must_also_be_an_allowed_host(settings):
    settings.ALLOWED_HOSTS = ["samenspel.example.nl"]

    assert not accepted(sign_subscription(unique_stream(), ["console"]))


def test_csrf_trusted_origin_may_open_a_socket(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://conference.example.nl"]

    token = sign_subscription(unique_stream(), ["console"])
    assert accepted(token, origin="https://conference.example.nl")


def test_socket_on_another_path_is_closed():
    token = sign_subscription(unique_stream(), ["console"])

    assert first_answer(token, path="/admin/") == {
        "type": "websocket.close",
        "code": CLOSE_REFUSED,
    }


def test_http_goes_to_django():
    async def scenario():
        sent = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "path": "/ws/live", "method": "GET", "headers": []}
        await live_application(http_app)(scope, receive, send)
        return sent

    sent = run(scenario())
    assert sent[-1]["body"] == b"django"


def test_lifespan_starts_and_stops_the_hub():
    async def scenario():
        app = live_application(http_app)
        to_app, from_app = asyncio.Queue(), asyncio.Queue()
        task = asyncio.create_task(app({"type": "lifespan"}, to_app.get, from_app.put))

        await to_app.put({"type": "lifespan.startup"})
        assert (await from_app.get())["type"] == "lifespan.startup.complete"
        token = sign_subscription(unique_stream(), ["console"])
        socket = FakeSocket(app, token)
        assert (await socket.connect())["type"] == "websocket.accept"

        await to_app.put({"type": "lifespan.shutdown"})
        assert await socket.closed_with() == 1001
        assert (await from_app.get())["type"] == "lifespan.shutdown.complete"
        await task

    run(scenario())
