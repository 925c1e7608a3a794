"""The staff login lockout: too many failed logins for one username lock it for a while.

Rule: when an account has ``settings.LOGIN_FAILURE_LIMIT`` failures within the last
``settings.LOGIN_LOCKOUT_MINUTES`` minutes, it cannot log in, not even with the right password,
until the oldest of those failures is that many minutes old. Attempts while locked are not
checked and not counted. A successful login clears the failures.

Failures are kept per username, whether or not the account exists, so the lockout tells an
attacker nothing about which accounts exist. ``clock`` is the only source of time here, so
tests can move it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from samenspel.accounts.models import FAILURE_USERNAME_LENGTH, LoginFailure

clock: Callable[[], datetime] = timezone.now


def limit() -> int:
    return int(settings.LOGIN_FAILURE_LIMIT)


def window() -> timedelta:
    return timedelta(minutes=int(settings.LOGIN_LOCKOUT_MINUTES))


def normalise_username(username: str) -> str:
    """One key per account however it is typed: "Admin " and "admin" share their failures."""
    # Case folding can lengthen a name ("ß" → "ss"); cut it to fit the column.
    return username.strip().casefold()[:FAILURE_USERNAME_LENGTH]


def locked_until_after(
    failures: Sequence[datetime], now: datetime, limit: int, window: timedelta
) -> datetime | None:
    """When a lockout caused by these failure times ends, or None if there is none at ``now``.

    Locked while at least ``limit`` failures fall in (now - window, now]; it ends when the
    ``limit``-th most recent failure turns ``window`` old.
    """
    recent = sorted((when for when in failures if now - window < when <= now), reverse=True)
    if len(recent) < limit:
        return None
    return recent[limit - 1] + window


def locked_until(username: str) -> datetime | None:
    """When this username may try again, or None if it may try now."""
    now = clock()
    failures = LoginFailure.objects.filter(
        username=normalise_username(username), attempted_at__gt=now - window()
    ).values_list("attempted_at", flat=True)
    return locked_until_after(list(failures), now, limit(), window())


def record_failure(username: str, request: HttpRequest | None) -> None:
    """Count one failed login, and forget failures too old to matter (they hold an IP address)."""
    now = clock()
    LoginFailure.objects.filter(attempted_at__lte=now - window()).delete()
    LoginFailure.objects.create(
        username=normalise_username(username),
        attempted_at=now,
        ip_address=client_ip(request),
    )


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username=normalise_username(username)).delete()


def client_ip(request: HttpRequest | None) -> str | None:
    """The peer's address as the server saw it (behind a proxy: as uvicorn's
    --proxy-headers made it), or None when it is not an IP address (a Unix socket)."""
    if request is None:
        return None
    address = str(request.META.get("REMOTE_ADDR", ""))
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
