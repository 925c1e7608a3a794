"""The JSON API's one shape for a refusal: a 4xx with `{"code", "message"}` (and `detail`
for input that does not fit the schema), in the language the client asks for."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from samenspel.core.middleware import RETRY_AFTER_SECONDS

logger = logging.getLogger(__name__)

View = Callable[..., HttpResponse]


class ErrorOut(Schema):
    """Every refusal: a stable machine code, and a message for people."""

    code: str
    message: str
    detail: list[dict[str, Any]] | None = None


class ApiError(Exception):
    """A refusal found by an API operation itself (an unknown object, a missing right)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def refusals_as_api_errors(
    refusal: type[Exception], statuses: dict[str, int]
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """An operation decorator: a service's refusal (an exception with `code` and `message`)
    becomes an ApiError with the same code and message, and the HTTP status `statuses` gives
    its code (400 when it gives none)."""

    def decorate(operation: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(operation)
        def refusing(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            try:
                return operation(request, *args, **kwargs)
            except refusal as error:
                code, message = getattr(error, "code"), getattr(error, "message")  # noqa: B009
                raise ApiError(statuses.get(code, 400), code, message) from error

        return refusing

    return decorate


# For the OpenAPI document: what any operation may answer instead of its result.
REFUSALS: dict[int, type[ErrorOut]] = {
    status: ErrorOut for status in (400, 401, 403, 404, 409, 422)
}


def error_response(
    status: int, code: str, message: str, detail: list[dict[str, Any]] | None = None
) -> JsonResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if detail is not None:
        body["detail"] = detail
    return JsonResponse(body, status=status)


def install_error_handlers(api: NinjaAPI) -> None:
    """Every refusal ninja or an operation makes gets the one shape. (Ninja types a
    handler's error as "the exception or its class", hence the Any.)"""

    def refused(request: HttpRequest, error: Any) -> HttpResponse:
        return error_response(error.status, error.code, error.message)

    def invalid(request: HttpRequest, error: Any) -> HttpResponse:
        return error_response(
            422, "invalid_input",
            _("The request does not have the right fields. See the detail."),
            # Through JSON, so values pydantic leaves in (a Decimal, say) become plain.
            detail=json.loads(json.dumps(error.errors, default=str)),
        )

    def not_authenticated(request: HttpRequest, error: Any) -> HttpResponse:
        response = error_response(
            401, "not_authenticated",
            _("Send a valid token: the header Authorization: Bearer followed by the token."),
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    def http_error(request: HttpRequest, error: Any) -> HttpResponse:
        # Ninja's own refusals; in practice a body that is not JSON.
        return error_response(
            error.status_code, "bad_request", _("The request body is not valid JSON.")
        )

    def not_found(request: HttpRequest, error: Any) -> HttpResponse:
        return error_response(404, "not_found", _("This does not exist."))

    def busy(request: HttpRequest, error: Any) -> HttpResponse:
        logger.warning("Database busy or away for %s %s: %s", request.method, request.path,
                       error)
        response = error_response(503, "busy", _(
            "Samenspel could not store or load this just now. Nothing was stored. Wait a "
            "moment and try again."
        ))
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    api.add_exception_handler(ApiError, refused)
    api.add_exception_handler(OperationalError, busy)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(AuthenticationError, not_authenticated)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(Http404, not_found)


def unknown_address(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """What the API answers on an address it does not have."""
    return error_response(404, "not_found", _("The API has no such address."))


def json_refusals(view: View) -> View:
    """Around each of the API's URL patterns: messages in the language the client asks for,
    and a JSON body for what ninja answers outside an operation (a method the address does
    not take)."""

    @wraps(view)
    def in_language(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = requested_language(request)
        with translation.override(language):
            response = view(request, *args, **kwargs)
            if response.status_code == 405 and response.get("Content-Type", "").startswith(
                "text/"
            ):
                allowed = response.get("Allow", "")
                response = error_response(
                    405, "method_not_allowed",
                    _("This address does not take %(method)s. It takes: %(allowed)s.")
                    % {"method": request.method, "allowed": allowed},
                )
                response["Allow"] = allowed
        response["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        return response

    return in_language


def requested_language(request: HttpRequest) -> str:
    """The client's most preferred language in Accept-Language that the site speaks; Dutch
    otherwise. (Pages ignore Accept-Language on purpose; a program may choose.)"""
    wanted: list[tuple[float, str]] = []
    for part in request.headers.get("Accept-Language", "").split(","):
        code, _semicolon, parameters = part.strip().partition(";")
        quality = 1.0
        if parameters.strip().startswith("q="):
            try:
                quality = float(parameters.strip()[2:])
            except ValueError:
                continue
        if code and code != "*" and quality > 0:
            wanted.append((quality, code.lower()))
    # sorted() is stable: of equal weight, the one named first wins.
    for _quality, code in sorted(wanted, key=lambda item: -item[0]):
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return str(settings.LANGUAGE_CODE)
