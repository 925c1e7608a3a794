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


def test_event_is_serialised_once_as_compact_json_with_its_version(bus):
    publishing.publish("workshop:1", "console", {"text": "Één idee", "n": 2}, version=5)
    publishing.publish("workshop:1", "console", {"text": "Zonder versie"})

    assert bus.published == [
        ("workshop:1", LiveEvent("console", '{"text":"Één idee","n":2,"version":5}', 5)),
        ("workshop:1", LiveEvent("console", '{"text":"Zonder versie"}')),
    ]
