"""The Redis bus: several processes, one channel per stream. Runs when REDIS_URL is set
(CI: REDIS_URL=redis://127.0.0.1:6379/1); the rest of the suite then runs over Redis too."""

import asyncio
import os

import pytest
import redis
from django.conf import settings

from samenspel.live.bus import LiveEvent, RedisBus, channel_prefix
from samenspel.live.endpoint import live_application
from samenspel.live.hub import CLOSE_RESYNC
from samenspel.live.publish import publish
from samenspel.live.subscriptions import sign_subscription
from samenspel.live.tests.sockets import connected, http_app, unique_stream

REDIS_URL = os.environ.get("REDIS_URL", "")
needs_redis = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set")


@pytest.fixture
def redis_bus(settings):
    settings.REDIS_URL = REDIS_URL
    settings.LIVE_TICK_MS = 10
    return redis.Redis.from_url(REDIS_URL)


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 10))


def subscribers(client, stream):
    channel = channel_prefix(REDIS_URL, settings.LIVE_REDIS_PREFIX) + stream
    return dict(client.pubsub_numsub(channel))[channel.encode()]


def test_installations_on_one_redis_have_channels_of_their_own():
    assert channel_prefix("redis://h:6379/1", "samenspel") == "samenspel:1:live:"
    assert channel_prefix("redis://h:6379/2", "samenspel") == "samenspel:2:live:"
    assert channel_prefix("redis://h:6379", "samenspel") == "samenspel:0:live:"
    assert channel_prefix("redis://h:6379/1", "venray") == "venray:1:live:"


def test_unreachable_redis_does_not_break_publishing(caplog):
    RedisBus("redis://127.0.0.1:1/0").publish("workshop:1", LiveEvent("console", "{}"))

    assert "could not publish" in caplog.text


@needs_redis
def test_another_installation_on_the_same_redis_does_not_hear_us(redis_bus, settings):
    async def scenario():
        ours = live_application(http_app)
        stream = unique_stream()
        here = await connected(ours, sign_subscription(stream, ["console"]))

        RedisBus(REDIS_URL, "venray").publish(stream, LiveEvent("console", '{"theirs": 1}', 9))
        publish(stream, "console", {"ours": 1}, version=3)

        assert await here.frame() == {
            "stream": stream, "version": 3, "events": [{"ours": 1, "version": 3}]
        }
        await here.disconnect()
        await ours.live.hub().stop()
    run(scenario())


@needs_redis
def test_one_publish_reaches_sockets_in_every_process(redis_bus):
    async def scenario():
        # Two apps, each with its own hub and Redis connection: two processes in miniature.
        first_process, second_process = live_application(http_app), live_application(http_app)
        stream = unique_stream()
        token = sign_subscription(stream, ["console"])
        here = await connected(first_process, token)
        there = await connected(second_process, token)

        publish(stream, "console", {"n": 1}, version=3)

        heard = {"stream": stream, "version": 3, "events": [{"n": 1, "version": 3}]}
        assert await here.frame() == heard
        assert await there.frame() == heard
        await here.disconnect()
        await there.disconnect()
        for app in (first_process, second_process):
            await app.live.hub().stop()

    run(scenario())


@needs_redis
def test_process_subscribes_only_while_it_has_sockets_for_the_stream(redis_bus):
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        assert subscribers(redis_bus, stream) == 0

        socket = await connected(app, sign_subscription(stream, ["console"]))
        other = await connected(app, sign_subscription(stream, ["projector"]))
        assert subscribers(redis_bus, stream) == 1  # one channel per process, not per socket

        await socket.disconnect()
        await other.disconnect()
        await app.live.hub().settle()
        assert subscribers(redis_bus, stream) == 0
        await app.live.hub().stop()

    run(scenario())


@needs_redis
def test_lost_redis_connection_makes_clients_resync_then_recovers(redis_bus):
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        socket = await connected(app, sign_subscription(stream, ["console"]))
        name = app.live.hub()._subscriber.client_name

        # Whatever was published while the connection was down is lost: clients must re-fetch.
        assert redis_bus.client_kill_filter(_id=client_id(name)) == 1

        assert await socket.closed_with() == CLOSE_RESYNC
        await asyncio.wait_for(socket.task, 2)

        # The page reconnects; the hub resubscribes and delivers again.
        again = await connected(app, sign_subscription(stream, ["console"]))
        publish(stream, "console", {"n": "again"})
        assert (await again.frame())["events"] == [{"n": "again"}]
        await again.disconnect()
        await app.live.hub().stop()

    def client_id(name):
        return next(c["id"] for c in redis_bus.client_list() if c["name"] == name)

    run(scenario())


@needs_redis
def test_a_page_joining_another_process_hears_the_latest_version(redis_bus):
    async def scenario():
        stream = unique_stream()
        publish(stream, "console", {"n": 1}, version=12)  # from "another process"
        publish(stream, "console", {"n": 0}, version=9)  # late and older: the version stays
        app = live_application(http_app)
        socket = await connected(app, sign_subscription(stream, ["console"]))

        assert await socket.frame() == {"stream": stream, "version": 12, "events": []}
        await socket.disconnect()
        await app.live.hub().stop()

    run(scenario())


def test_the_wire_form_keeps_the_key():
    from samenspel.live.bus import decode, encode

    event = LiveEvent("group:x", '{"a":1}', 4, "reactions-9")
    assert decode(encode(event)) == event
    assert decode(encode(LiveEvent("console", "{}"))) == LiveEvent("console", "{}")
