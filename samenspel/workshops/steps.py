"""Rounds that another app runs, such as the role compass.

The workshop opens and closes such a round like any other, with the same phones, console,
projector and live updates; what those screens show during it comes from the app that
registered the round's kind. So the workshop knows nothing of the compass, and the compass
needs nothing of its own to reach the room."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

    from samenspel.method.models import Round
    from samenspel.workshops.models import Participant, Workshop


class Step(Protocol):
    def phone(self, request: HttpRequest, workshop: Workshop, me: Participant) -> HttpResponse:
        """The participant's page while the round is the current one."""
        ...

    def room(self, request: HttpRequest, workshop: Workshop, audience: str) -> str:
        """What the console or the projector (`audience`) shows of the round, as HTML."""
        ...


_steps: dict[str, Step] = {}


def register(kind: str, step: Step) -> None:
    """Called by the app that runs rounds of this kind, when it starts (AppConfig.ready)."""
    _steps[kind] = step


def of(round_: Round | None) -> Step | None:
    """The step that runs this round; None for the workshop's own kinds of round."""
    return _steps.get(round_.kind) if round_ is not None else None
