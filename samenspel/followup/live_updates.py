"""What the room hears while a second-wave workshop looks back: the answers per earlier
activity and group, rendered once per audience through the workshop's live machinery."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from samenspel.method.perspectives import Perspective
from samenspel.workshops import live_updates
from samenspel.workshops.models import Workshop

REGION = "look-back"


def look_back_changed(workshop: Workshop) -> None:
    live_updates.soon(workshop, (REGION,), announce_look_back)


def announce_look_back(workshop: Workshop) -> None:
    from samenspel.followup.workshop_round import room_context

    with translation.override(settings.LANGUAGE_CODE):
        room = render_to_string("followup/_look_back.html", room_context(workshop,
                                                                          console=False))
        console = render_to_string("followup/_look_back.html", room_context(workshop,
                                                                             console=True))
    for audience in (live_updates.PROJECTOR, *(live_updates.group(p.value) for p in Perspective)):
        live_updates.send(workshop, audience, {"region": REGION, "html": room})
    live_updates.send(workshop, live_updates.CONSOLE, {"region": REGION, "html": console})
