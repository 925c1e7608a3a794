import pytest

from samenspel.live import publish as publishing
from samenspel.live.bus import LiveEvent


class RecordingBus:
    def __init__(self):
        self.published = []

    def publish(self, stream, event):
        self.published.append((stream, event))


@pytest.fixture
def bus(monkeypatch):
    recording = RecordingBus()
    monkeypatch.setattr(publishing, "get_bus", lambda: recording)
    return recording


def test_event_is_serialised_once_as_compact_json(bus):
    publishing.publish("workshop:1", "console", {"text": "Één idee", "n": 2}, version=5)

    assert bus.published == [
        ("workshop:1", LiveEvent("console", '{"text":"Één idee","n":2}', 5)),
    ]


@pytest.mark.django_db
def test_publish_on_commit_waits_for_the_commit(bus, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publishing.publish_on_commit("workshop:1", "console", {"n": 1}, version=2)
    assert bus.published == []

    callbacks[0]()
    assert bus.published == [("workshop:1", LiveEvent("console", '{"n":1}', 2))]


@pytest.mark.django_db
def test_publish_on_commit_sends_the_event_as_it_was_when_called(
    bus, django_capture_on_commit_callbacks
):
    event = {"n": 1}
    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish_on_commit("workshop:1", "console", event)
        event["n"] = 2

    assert bus.published == [("workshop:1", LiveEvent("console", '{"n":1}', None))]


def test_audience_with_a_newline_is_refused(bus):
    with pytest.raises(ValueError):
        publishing.publish("workshop:1", "console\nprojector", {"n": 1})
