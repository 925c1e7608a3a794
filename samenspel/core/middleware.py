"""Dutch unless the visitor chose otherwise; a busy database is an answer, not a crash."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_vary_headers

logger = logging.getLogger(__name__)


class LanguageMiddleware:
    """Like Django's LocaleMiddleware, but it ignores the browser's Accept-Language: a resident
    whose phone happens to be set to English still gets the Dutch workshop everybody else in
    the room sees. Only the language switch (a cookie) changes the language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class DatabaseBusyMiddleware:
    """A database that is too slow or away (a lock held too long, a fail-over) gets a
    "try again in a moment" (503 with Retry-After), not a crash. Every change is one
    transaction, so nothing was half-stored, and a retry with the same key is stored once."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError):
            return None
        logger.warning("Database busy or away for %s %s: %s", request.method, request.path,
                       exception)
        return busy_response(request)


def busy_response(request: HttpRequest) -> HttpResponse:
    # Rendered without the base template: its theme and user come from the database.
    response = render_to_string("core/busy.html", {
        "again": request.get_full_path() if request.method == "GET"
        else request.headers.get("Referer", "/"),
        "LANGUAGE_CODE": translation.get_language(),
    })
    busy = HttpResponse(response, status=503)
    busy["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return busy


RETRY_AFTER_SECONDS = 5
