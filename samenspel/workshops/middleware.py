"""A page that asked for a code while its address must wait gets the wait page (429)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samenspel.workshops.code_guessing import TooManyWrongCodes


class CodeGuessingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, TooManyWrongCodes):
            return None
        response = render(request, "workshops/too_many_codes.html",
                          {"minutes": exception.minutes}, status=429)
        response["Retry-After"] = str(exception.minutes * 60)
        return response
