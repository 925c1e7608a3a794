"""Signed subscriptions: which stream a socket may listen to, and which audiences in it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing

SALT = "samenspel.live.subscription"
# A page stays open through a long conference day; after that the page must be reloaded,
# which also re-checks the viewer's permissions.
MAX_AGE = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class Subscription:
    """A stream (e.g. "workshop:42") and the audiences in it the holder may hear."""

    stream: str
    audiences: frozenset[str]


def sign_subscription(stream: str, audiences: Iterable[str]) -> str:
    """A URL-safe token that lets a WebSocket hear `audiences` within `stream`."""
    return signing.dumps({"s": stream, "a": sorted(set(audiences))}, salt=SALT)


def read_subscription(token: str) -> Subscription | None:
    """The subscription in `token`, or None if it is forged, altered, expired or malformed."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict):
        return None
    stream, audiences = data.get("s"), data.get("a")
    if not isinstance(stream, str) or not stream or not isinstance(audiences, list):
        return None
    if not all(isinstance(audience, str) for audience in audiences):
        return None
    return Subscription(stream, frozenset(audiences))
