"""The JSON API at /api/v1/, assembled from each app's `api.py` router: OpenAPI at
/api/v1/openapi.json, documentation at /api/v1/docs. Refusals have one shape
(core/api_errors.py); messages are Dutch unless Accept-Language asks for English."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, re_path
from django.utils.translation import ngettext
from ninja import NinjaAPI
from ninja.operation import Operation

from samenspel.accounts import audit
from samenspel.compass.api import router as compass_router
from samenspel.core.api_docs import ApiDocs
from samenspel.core.api_errors import (
    error_response,
    install_error_handlers,
    json_refusals,
    unknown_address,
)
from samenspel.followup.api import router as followup_router
from samenspel.reports.api import router as reports_router
from samenspel.workshops.api import router as workshops_router
from samenspel.workshops.code_guessing import TooManyWrongCodes

DESCRIPTION = (
    "Everything a participant and a facilitator can do in Samenspel, and the role compass "
    "(cases, assessments, their synchronicity; anyone answers a questionnaire with its code, "
    "without a token), and the follow-up (tracked activities, their status and check-ins; "
    "a group checks in with its link key, without a token). Authenticate with "
    "`Authorization: Bearer <token>`: participants with the token `POST /join` gives "
    "(`spt_…`), staff with a personal API key from their profile page (`sst_…`). A refusal "
    'is a 4xx with `{"code": "…", "message": "…"}`, in Dutch unless `Accept-Language` asks '
    "for English. See docs/api.md for the codes and a whole workshop as curl calls, and "
    "docs/live-protocol.md for the socket."
)


class SamenspelAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        # Short and stable for client generators: the operation's own (unique) name.
        return operation.view_func.__name__


api = SamenspelAPI(
    title="Samenspel API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs=ApiDocs(),
)
install_error_handlers(api)


def too_many_wrong_codes(request: HttpRequest, error: Any) -> HttpResponse:
    response = error_response(429, "too_many_wrong_codes", ngettext(
        "Many codes were tried from this network that do not exist. Try again in "
        "%(minutes)d minute.",
        "Many codes were tried from this network that do not exist. Try again in "
        "%(minutes)d minutes.", error.minutes) % {"minutes": error.minutes})
    response["Retry-After"] = str(error.minutes * 60)
    return response


api.add_exception_handler(TooManyWrongCodes, too_many_wrong_codes)
api.add_router("", workshops_router)
api.add_router("", reports_router)
api.add_router("", compass_router)
api.add_router("", followup_router)


VERSION_HEADER = "X-Samenspel-Version"


def with_version(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Every answer about a workshop says which version of it the answer reflects (after a
    change: the version that includes it), so a client can tell which live frames it has
    already taken into account — and a benchmark when a write reached everyone."""

    @wraps(view)
    def answer(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        workshop = getattr(request, "samenspel_workshop", None)
        if workshop is not None:
            response[VERSION_HEADER] = str(workshop.version)
        return response

    return answer


def audited(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A staff member's change or export through the API goes to the audit log, named by the
    operation and the numbers in its address (accounts/audit.py)."""

    @wraps(view)
    def answer(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        changed = request.method != "GET" or request.path.endswith("/export")
        if changed and 200 <= response.status_code < 300:
            name = request.resolver_match.url_name if request.resolver_match else None
            audit.record(getattr(request, "auth", None), f"api {request.method} {name}",
                         **kwargs)
        return response

    return answer


def urls() -> tuple[list[URLPattern | URLResolver], str, str]:
    """The API's URL patterns, each answering in the client's language, then a JSON 404 for
    any other address under the API. The docs page is a page: it keeps the site's language."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if not isinstance(pattern, URLPattern) or pattern.name == "openapi-view":
            continue
        if pattern.name == "api-root":  # ninja answers its root with an HTML 404
            pattern.callback = unknown_address
        pattern.callback = json_refusals(with_version(audited(pattern.callback)))
    return [*patterns, re_path(r"", json_refusals(unknown_address))], app_name, namespace
