"""How the JSON API knows a participant: `Authorization: Bearer spt_…`, the token
`POST /api/v1/join` gives. It carries the participant's secret key, the same secret the
phone's signed cookie carries, so it reaches only that participant's own workshop and group."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from samenspel.workshops.models import Participant

PREFIX = "spt_"


def participant_token(participant: Participant) -> str:
    return PREFIX + participant.key


class ParticipantToken(HttpBearer):
    """A participant's token (prefix `spt_`)."""

    def authenticate(self, request: HttpRequest, token: str) -> Participant | None:
        key = token.removeprefix(PREFIX)
        if not token.startswith(PREFIX) or not key:
            return None
        try:
            return Participant.objects.select_related(
                "workshop__template", "workshop__current_round", "workshop__shown_activity"
            ).get(key=key)
        except Participant.DoesNotExist:
            return None
