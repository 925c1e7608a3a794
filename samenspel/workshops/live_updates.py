"""What the screens of a workshop hear: each fragment is rendered once per audience and
published on the workshop's stream with its version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from samenspel.live.publish import publish

if TYPE_CHECKING:
    from samenspel.method.perspectives import Perspective
    from samenspel.workshops.models import Workshop

CONSOLE = "console"
PROJECTOR = "projector"


def announce_people(workshop: Workshop, counts: list[tuple[Perspective, int]]) -> None:
    """The number of people per group, on the facilitator's console and the projector."""
    # Rendered once for everybody, so in the room's language: the default, Dutch.
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("workshops/_people.html", {"counts": counts})
        total = sum(n for _p, n in counts)
        event = {
            "region": "people",
            "html": html,
            "announce": ngettext(
                "%(count)d person has joined.", "%(count)d people have joined.", total
            )
            % {"count": total},
        }
    for audience in (CONSOLE, PROJECTOR):
        publish(workshop.stream, audience, event, version=workshop.version)
