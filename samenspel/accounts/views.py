"""Staff login and logout, and the theme's stylesheet and logo."""

from __future__ import annotations

import math

from django.contrib.auth.views import LoginView
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from samenspel.accounts import lockout
from samenspel.accounts.forms import StaffLoginForm
from samenspel.accounts.models import Theme
from samenspel.accounts.theming import theme_stylesheet

# A versioned URL (?v=…) never changes content, so browsers may keep it; the bare URL
# is checked again each time (cheaply: a 304 thanks to the ETag).
VERSIONED_CACHE = "public, max-age=31536000, immutable"
UNVERSIONED_CACHE = "public, no-cache"

# An SVG logo may carry script: opened on its own it may run nothing and load nothing.
LOGO_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


class StaffLoginView(LoginView):
    """Django's LoginView with StaffLoginForm; a locked account gets 429 Too Many Requests."""

    form_class = StaffLoginForm
    template_name = "accounts/login.html"

    def form_invalid(self, form: StaffLoginForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_invalid(form)
        if form.locked_until is not None:
            response.status_code = 429
            seconds = (form.locked_until - lockout.clock()).total_seconds()
            response["Retry-After"] = str(max(1, math.ceil(seconds)))
        return response


@require_safe
def theme_css(request: HttpRequest) -> HttpResponse:
    theme = Theme.objects.current()
    response = HttpResponse(theme_stylesheet(theme), content_type="text/css; charset=utf-8")
    return _cacheable(request, response, theme)


@require_safe
def theme_logo(request: HttpRequest) -> HttpResponse:
    theme = Theme.objects.current(with_logo=True)
    if not theme.has_logo or theme.logo is None:
        raise Http404("No logo")
    response = HttpResponse(bytes(theme.logo), content_type=theme.logo_content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = LOGO_CSP
    return _cacheable(request, response, theme)


def _cacheable(request: HttpRequest, response: HttpResponse, theme: Theme) -> HttpResponse:
    """Add ETag, Last-Modified and Cache-Control from the theme's version; 304 when unchanged."""
    etag = f'"{theme.version}"'
    last_modified = int(theme.updated_at.timestamp()) if theme.updated_at else None
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    versioned = request.GET.get("v") == theme.version
    response["Cache-Control"] = VERSIONED_CACHE if versioned else UNVERSIONED_CACHE
    conditional = get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )
    if conditional is None:
        return response
    # A cache replaces the stored headers with those of a 304, so it must repeat these.
    for header in ("Content-Security-Policy", "X-Content-Type-Options"):
        if header in response:
            conditional[header] = response[header]
    return conditional
