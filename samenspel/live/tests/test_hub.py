"""Who hears what, and when: the hub driven through the real ASGI app with fake sockets."""

import asyncio
import threading

import pytest

from samenspel.live.endpoint import live_application
from samenspel.live.hub import CLOSE_RESYNC, QUEUE_FRAMES
from samenspel.live.publish import publish
from samenspel.live.subscriptions import sign_subscription
from samenspel.live.tests.sockets import connected, http_app, unique_stream


@pytest.fixture(autouse=True)
def short_tick(settings):
    settings.LIVE_TICK_MS = 20


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 10))


def test_client_only_receives_events_for_its_signed_audiences():
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        government = await connected(app, sign_subscription(stream, ["group:government"]))
        console = await connected(app, sign_subscription(stream, ["console", "projector"]))

        publish(stream, "group:citizens", {"text": "for the citizens"})
        publish(stream, "group:government", {"text": "for the government"})
        publish(stream, "console", {"text": "for the console"})

        assert (await government.frame())["events"] == [{"text": "for the government"}]
        assert (await console.frame())["events"] == [{"text": "for the console"}]
        await government.disconnect()
        await console.disconnect()

    run(scenario())


def test_client_hears_nothing_from_other_streams():
    async def scenario():
        app = live_application(http_app)
        mine, other = unique_stream(), unique_stream()
        socket = await connected(app, sign_subscription(mine, ["console"]))

        publish(other, "console", {"text": "elsewhere"})
        publish(mine, "console", {"text": "here"})

        frame = await socket.frame()
        assert frame["stream"] == mine
        assert frame["events"] == [{"text": "here"}]
        await socket.disconnect()

    run(scenario())


def test_events_within_one_tick_arrive_as_one_frame(settings):
    settings.LIVE_TICK_MS = 100

    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        socket = await connected(app, sign_subscription(stream, ["console"]))

        for number in range(3):
            publish(stream, "console", {"n": number}, version=number + 1)

        assert await socket.frame() == {
            "stream": stream,
            "version": 3,
            "events": [{"n": 0, "version": 1}, {"n": 1, "version": 2}, {"n": 2, "version": 3}],
        }
        publish(stream, "console", {"n": 3}, version=4)
        assert (await socket.frame())["events"] == [{"n": 3, "version": 4}]
        await socket.disconnect()

    run(scenario())


def test_frame_carries_highest_version_seen_even_from_other_audiences():
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        socket = await connected(app, sign_subscription(stream, ["console"]))

        publish(stream, "console", {"n": 1}, version=7)
        publish(stream, "projector", {"n": 2}, version=8)
        assert (await socket.frame())["version"] == 8

        publish(stream, "console", {"n": 3})  # no version: the highest seen stays
        assert (await socket.frame())["version"] == 8
        await socket.disconnect()

    run(scenario())


def test_frame_version_is_null_when_no_event_carried_one():
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        socket = await connected(app, sign_subscription(stream, ["console"]))

        publish(stream, "console", {"n": 1})

        assert (await socket.frame())["version"] is None
        await socket.disconnect()

    run(scenario())


def test_clients_with_the_same_audiences_share_one_serialised_frame():
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        first = await connected(app, sign_subscription(stream, ["console"]))
        second = await connected(app, sign_subscription(stream, ["console"]))

        publish(stream, "console", {"n": 1})

        one = await first.from_app.get()
        two = await second.from_app.get()
        assert one["text"] is two["text"]
        await first.disconnect()
        await second.disconnect()

    run(scenario())


def test_slow_client_is_dropped_not_blocking_others(settings):
    settings.LIVE_TICK_MS = 0

    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        token = sign_subscription(stream, ["console"])
        slow = await connected(app, token, slow=True)
        fast = await connected(app, token)

        # The slow client's queue fills up; the fast one gets every frame meanwhile.
        for number in range(QUEUE_FRAMES + 2):
            publish(stream, "console", {"n": number})
            assert (await fast.frame())["events"] == [{"n": number}]

        assert await slow.closed_with() == CLOSE_RESYNC
        await asyncio.wait_for(slow.task, 2)
        publish(stream, "console", {"n": "after"})
        assert (await fast.frame())["events"] == [{"n": "after"}]
        await fast.disconnect()

    run(scenario())


def test_publish_from_another_thread_reaches_the_client():
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        socket = await connected(app, sign_subscription(stream, ["console"]))

        thread = threading.Thread(target=publish, args=(stream, "console", {"from": "thread"}))
        thread.start()
        await asyncio.to_thread(thread.join)

        assert (await socket.frame())["events"] == [{"from": "thread"}]
        await socket.disconnect()

    run(scenario())


def test_publish_without_any_listener_is_a_quiet_no_op():
    publish(unique_stream(), "console", {"n": 1})


def test_publish_refuses_an_event_that_is_not_json_at_once():
    with pytest.raises(TypeError):
        publish(unique_stream(), "console", {"n": object()})


def test_stream_stops_when_its_last_client_leaves():
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        token = sign_subscription(stream, ["console"])
        first = await connected(app, token)
        second = await connected(app, token)
        hub = app.live.hub()
        assert hub.streams() == {stream: 2}

        await first.disconnect()
        assert hub.streams() == {stream: 1}
        await second.disconnect()
        await hub.settle()
        assert hub.streams() == {}

        # Back again: the stream is subscribed anew and delivers.
        again = await connected(app, token)
        publish(stream, "console", {"n": "again"})
        assert (await again.frame())["events"] == [{"n": "again"}]
        await again.disconnect()

    run(scenario())


def test_quick_leave_and_rejoin_stays_subscribed():
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        token = sign_subscription(stream, ["console"])
        first = await connected(app, token)

        await first.disconnect()  # the unsubscribe is still under way ...
        second = await connected(app, token)  # ... when the next socket joins
        await app.live.hub().settle()

        publish(stream, "console", {"n": 1})
        assert (await second.frame())["events"] == [{"n": 1}]
        await second.disconnect()

    run(scenario())


def test_shutdown_closes_sockets_as_going_away():
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        socket = await connected(app, sign_subscription(stream, ["console"]))

        await app.live.hub().stop()

        assert await socket.closed_with() == 1001
        await asyncio.wait_for(socket.task, 2)

    run(scenario())


def test_a_later_event_with_the_same_key_replaces_the_earlier_one_in_a_tick(settings):
    settings.LIVE_TICK_MS = 100

    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        socket = await connected(app, sign_subscription(stream, ["console", "projector"]))

        for total in (1, 2, 3):
            publish(stream, "console", {"total": total}, version=total, key="reactions-7")
        publish(stream, "console", {"other": True}, version=4)
        publish(stream, "projector", {"total": 3}, version=5, key="reactions-7")

        assert (await socket.frame())["events"] == [
            {"total": 3, "version": 3}, {"other": True, "version": 4},
            {"total": 3, "version": 5}]
        await socket.disconnect()

    run(scenario())


def test_a_joining_page_hears_the_version_published_before_it_connected():
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        publish(stream, "console", {"n": 1}, version=41)  # nobody listens yet
        socket = await connected(app, sign_subscription(stream, ["group:community"]))

        assert await socket.frame() == {"stream": stream, "version": 41, "events": []}
        await socket.disconnect()

    run(scenario())


def test_phones_that_differ_only_in_their_own_audience_share_one_frame():
    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        one = await connected(app, sign_subscription(stream, ["group:x", "participant:1"]))
        two = await connected(app, sign_subscription(stream, ["group:x", "participant:2"]))

        publish(stream, "group:x", {"n": 1})

        first, second = await one.from_app.get(), await two.from_app.get()
        assert first["text"] is second["text"]
        publish(stream, "participant:2", {"mine": True})
        assert (await two.frame())["events"] == [{"mine": True}]
        await one.disconnect()
        await two.disconnect()

    run(scenario())


def test_a_client_holding_too_many_bytes_is_dropped(settings):
    settings.LIVE_TICK_MS = 0

    async def scenario():
        app = live_application(http_app)
        stream = unique_stream()
        slow = await connected(app, sign_subscription(stream, ["console"]), slow=True)

        for _ in range(8):  # eight frames of 100 KB: well under 64 frames, over 512 KB
            publish(stream, "console", {"text": "x" * 100_000})
            await asyncio.sleep(0.01)

        assert await slow.closed_with() == CLOSE_RESYNC
        await asyncio.wait_for(slow.task, 2)

    run(scenario())
