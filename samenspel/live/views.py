"""The connection check: facilitators open it on the venue's Wi-Fi to see whether live
updates reach their device, before the workshop depends on it."""

from __future__ import annotations

import math
import secrets

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from samenspel.live.publish import publish
from samenspel.live.subscriptions import read_subscription, sign_subscription

CHECK_STREAM_PREFIX = "check:"
CHECK_AUDIENCE = "check"


@never_cache
def connection_check(request: HttpRequest) -> HttpResponse:
    # A private stream per page load: nobody else hears this page's pings.
    stream = CHECK_STREAM_PREFIX + secrets.token_urlsafe(16)
    token = sign_subscription(stream, [CHECK_AUDIENCE])
    return render(request, "live/connection_check.html", {"token": token})


@require_POST
def connection_check_ping(request: HttpRequest) -> HttpResponse:
    subscription = read_subscription(request.POST.get("token", ""))
    # Only check streams: a workshop page's token must not let anyone inject events there.
    if subscription is None or not subscription.stream.startswith(CHECK_STREAM_PREFIX):
        return HttpResponseBadRequest()
    try:
        sent = float(request.POST.get("sent", ""))
    except ValueError:
        return HttpResponseBadRequest()
    if not math.isfinite(sent):
        return HttpResponseBadRequest()
    publish(subscription.stream, CHECK_AUDIENCE, {"type": "check.pong", "sent": sent})
    return HttpResponse(status=204)
