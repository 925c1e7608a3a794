"""What the screens of a workshop hear: each fragment is rendered once per audience and
published on the workshop's stream with its version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.live.publish import publish
from samenspel.method.perspectives import Perspective
from samenspel.workshops import boards

if TYPE_CHECKING:
    from samenspel.workshops.models import Workshop

CONSOLE = "console"
PROJECTOR = "projector"


def group(perspective: str) -> str:
    """The audience of one perspective group: only its members hear its notes."""
    return f"group:{perspective}"


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


def announce_round(workshop: Workshop) -> None:
    """A round opened or closed: every screen loads the new state."""
    with translation.override(settings.LANGUAGE_CODE):
        round_ = workshop.current_round
        if round_ is None:
            return
        if workshop.round_open:
            message = _("Round %(number)d has started: %(title)s") % {
                "number": round_.number, "title": round_.title,
            }
        else:
            message = _("Round %(number)d is closed.") % {"number": round_.number}
        event = {"reload": True, "announce": message}
    for audience in [CONSOLE, PROJECTOR, *(group(p.value) for p in Perspective)]:
        publish(workshop.stream, audience, event, version=workshop.version)


def announce_notes(workshop: Workshop, perspective: str) -> None:
    """A group's notes changed: its members and the console get the fresh lists, rendered
    once for both."""
    round_ = workshop.current_round
    if round_ is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        announce = _("The notes of the group %(group)s changed.") % {
            "group": Perspective(perspective).label
        }
        for item in boards.prompts_with_notes(workshop, perspective):
            for audiences, mode in (
                ((group(perspective), PROJECTOR), "show"), ((CONSOLE,), "console")
            ):
                html = render_to_string(
                    "workshops/_notes.html",
                    {"notes": item["notes"], "mode": mode, "workshop": workshop},
                )
                event = {"region": item["region"], "html": html, "announce": announce}
                for audience in audiences:
                    publish(workshop.stream, audience, event, version=workshop.version)


def announce_activities(workshop: Workshop, perspective: str) -> None:
    """A group's activities or dots changed: the group's board, the console's column and the
    projector, each rendered once (the group votes, the console confirms, the projector
    only shows)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "workshop": workshop,
            "perspective": perspective,
            "activities": boards.group_activities(workshop, perspective),
        }
        region = boards.activities_region(perspective)
        for audience, mode in (
            (group(perspective), "group"), (CONSOLE, "console"), (PROJECTOR, "projector")
        ):
            html = render_to_string("workshops/_activities.html", {**context, "mode": mode})
            publish(workshop.stream, audience, {"region": region, "html": html},
                    version=workshop.version)


def announce_closed(workshop: Workshop) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        event = {"reload": True, "announce": _("The workshop has ended.")}
    for audience in [CONSOLE, PROJECTOR, *(group(p.value) for p in Perspective)]:
        publish(workshop.stream, audience, event, version=workshop.version)


def announce_timer(workshop: Workshop) -> None:
    """The countdown changed: the same fragment for every screen."""
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("workshops/_timer.html", {"workshop": workshop})
        announce = _("The timer has started.") if workshop.timer_ends_at else ""
    event = {"region": "timer", "html": html, "announce": announce}
    for audience in [CONSOLE, PROJECTOR, *(group(p.value) for p in Perspective)]:
        publish(workshop.stream, audience, event, version=workshop.version)
