"""Puts ``theme`` (a theming.SiteTheme) into every template."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from samenspel.accounts.models import Theme
from samenspel.accounts.theming import SiteTheme, site_theme

_CACHE_KEY = "_samenspel_site_theme"


def theme(request: HttpRequest) -> dict[str, object]:
    # Lazy, so pages that never show the theme (the admin) run no query, and cached on the
    # request, so a page rendered from several templates still runs only one.
    return {"theme": SimpleLazyObject(lambda: _site_theme_for(request))}


def _site_theme_for(request: HttpRequest) -> SiteTheme:
    cached = vars(request).get(_CACHE_KEY)
    if isinstance(cached, SiteTheme):
        return cached
    result = site_theme(Theme.objects.current())
    vars(request)[_CACHE_KEY] = result
    return result
