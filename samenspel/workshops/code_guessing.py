"""Slowing down code guessing: an address that tried too many codes that do not exist waits
before it may try any code again — a workshop's join code, a questionnaire's code.

Rule: with ``settings.CODE_GUESS_LIMIT`` wrong codes from one address within the last
``settings.CODE_GUESS_MINUTES`` minutes, that address gets "wait" (429) on every code until the
oldest of them is that old (the login lockout's rule, accounts/lockout.py). A conference puts
hundreds of phones behind one address, so the limit is generous: 30 typos in 10 minutes cost
a room nothing, while a guesser gets 30 of the 85,766,121 codes per 10 minutes.

Only a keyed hash of the address is kept, and only for as long as the window lasts.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from samenspel.accounts.lockout import client_ip, locked_until_after
from samenspel.workshops.models import WrongCode

clock: Callable[[], datetime] = timezone.now


class TooManyWrongCodes(Exception):
    """This address must wait `minutes` before it may try a code again."""

    def __init__(self, minutes: int) -> None:
        super().__init__(f"wait {minutes} minutes")
        self.minutes = minutes


def window() -> timedelta:
    return timedelta(minutes=int(settings.CODE_GUESS_MINUTES))


def address_key(request: HttpRequest) -> str:
    """The address, hashed with the site's secret: it counts, it cannot be read back."""
    address = client_ip(request) or "unknown"
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def check(request: HttpRequest) -> None:
    """Raises TooManyWrongCodes while this address must wait."""
    now = clock()
    tried = WrongCode.objects.filter(
        address=address_key(request), attempted_at__gt=now - window()
    ).values_list("attempted_at", flat=True)
    until = locked_until_after(list(tried), now, int(settings.CODE_GUESS_LIMIT), window())
    if until is not None:
        raise TooManyWrongCodes(max(1, math.ceil((until - now).total_seconds() / 60)))


def wrong_code(request: HttpRequest) -> None:
    """Count a code that does not exist (and forget what is older than the window)."""
    now = clock()
    WrongCode.objects.filter(attempted_at__lte=now - window()).delete()
    WrongCode.objects.create(address=address_key(request), attempted_at=now)


def looked_up(request: HttpRequest, found: bool) -> None:
    """After looking up a typed code for someone not known yet: counts it when wrong, and
    says "wait" when the address is over the limit — also for a right code, or a guesser
    would learn which codes exist."""
    if not found:
        wrong_code(request)
    check(request)
