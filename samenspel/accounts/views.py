"""Staff login and logout, the profile page with the personal API keys, and the theme's
stylesheet and logo."""

from __future__ import annotations

import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers, get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from samenspel.accounts import lockout, services
from samenspel.accounts.forms import ApiTokenForm, StaffLoginForm
from samenspel.accounts.models import Theme, User
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


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """Who is logged in, and their personal API keys: a new key is shown on this page once."""
    user = _user(request)
    form = ApiTokenForm(request.POST or None)
    new_token = ""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            _api_token, new_token = services.create_api_token(user, form.cleaned_data["name"])
            form = ApiTokenForm()
        else:
            status = 400
    response = render(request, "accounts/profile.html", {
        "form": form,
        "new_token": new_token,
        "tokens": user.api_tokens.all(),
    }, status=status)
    # The one page that holds a new key: no cache may keep it.
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    if services.revoke_api_token(_user(request), pk):
        messages.success(request, _("The API key has been revoked. It no longer works."))
    return redirect("accounts:profile")


def _user(request: HttpRequest) -> User:
    if not isinstance(request.user, User):  # login_required let only staff through
        raise Http404
    return request.user


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
