"""Publishing: how views and services hand an event to the live layer."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from samenspel.live.bus import LiveEvent, get_bus


def publish(
    stream: str,
    audience: str,
    event: Mapping[str, Any],
    version: int | None = None,
    key: str | None = None,
) -> None:
    """Send `event` to the sockets on `stream` whose subscription includes `audience`.

    With a `key`, a later event with the same audience and key in the same tick replaces
    this one (use it for what says "the current state of X": a region, a counter).
    The event goes out with `version` added to it.
    A plain sync call, safe from any thread (also a sync view in asgiref's thread pool).
    With no socket listening, or the bus unreachable, it delivers nothing and raises nothing.
    Raises TypeError at once if `event` is not JSON-serialisable.
    """
    get_bus().publish(stream, _encode(audience, event, version, key))


def _encode(
    audience: str, event: Mapping[str, Any], version: int | None, key: str | None = None
) -> LiveEvent:
    if "\n" in audience or (key is not None and "\n" in key):
        raise ValueError("An audience name or key cannot contain a newline.")
    # Each event says the version it was rendered at. A frame's own version is the highest on
    # the stream so far, and one change's events can arrive in two ticks: a page that judged
    # them by the frame would drop the second part as old.
    said = {**event, "version": version} if version is not None else event
    data = json.dumps(said, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return LiveEvent(audience, data, version, key)
