"""Pages every public-sector site needs: the accessibility statement, the privacy page and
/.well-known/security.txt."""

from __future__ import annotations

from datetime import UTC, timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


def security_txt(request: HttpRequest) -> HttpResponse:
    """RFC 9116: where to report a vulnerability. The contact is the installation's own
    (SECURITY_CONTACT); it expires a year ahead, so it is renewed by simply running."""
    expires = (timezone.now() + timedelta(days=365)).replace(microsecond=0)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT or f'mailto:security@{request.get_host()}'}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri(request.path)}",
        f"Policy: {request.build_absolute_uri(reverse('core:privacy'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
