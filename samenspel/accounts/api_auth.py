"""How the JSON API knows a staff member: `Authorization: Bearer sst_…`, a personal API key
made on the profile page."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from samenspel.accounts import services
from samenspel.accounts.models import User


class StaffToken(HttpBearer):
    """A staff member's personal API key (prefix `sst_`)."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return services.user_for_api_token(token)
