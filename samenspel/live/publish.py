"""Publishing: how views and services hand an event to the live layer."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import partial
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from samenspel.live.bus import LiveEvent, get_bus


def publish(
    stream: str, audience: str, event: Mapping[str, Any], version: int | None = None
) -> None:
    """Send `event` to the sockets on `stream` whose subscription includes `audience`.

    A plain sync call, safe from any thread (also a sync view in asgiref's thread pool).
    With no socket listening, or the bus unreachable, it delivers nothing and raises nothing.
    Raises TypeError at once if `event` is not JSON-serialisable.
    """
    get_bus().publish(stream, _encode(audience, event, version))


def publish_on_commit(
    stream: str,
    audience: str,
    event: Mapping[str, Any],
    version: int | None = None,
    using: str | None = None,
) -> None:
    """Like publish(), once the current transaction commits (at once outside a transaction),
    so no socket ever hears of a change that was rolled back."""
    encoded = _encode(audience, event, version)  # now: a later change to `event` is not sent
    transaction.on_commit(partial(_publish_encoded, stream, encoded), using=using)


def _publish_encoded(stream: str, event: LiveEvent) -> None:
    get_bus().publish(stream, event)


def _encode(audience: str, event: Mapping[str, Any], version: int | None) -> LiveEvent:
    if "\n" in audience:
        raise ValueError("An audience name cannot contain a newline.")
    data = json.dumps(event, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return LiveEvent(audience, data, version)
