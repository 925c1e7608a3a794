"""What the room hears while a workshop's compass round runs: the triangle filling up.

Rendered once per audience through the workshop's live machinery (workshops/live_updates.py):
the console gets its version with the links and the choice of case, the projector the
picture with its table, the phones of those who answered the picture alone. A room of
hundreds answers within a minute, so the answers of one interval go out together."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from samenspel.compass import pictures, results
from samenspel.compass.models import Assessment, Case
from samenspel.method.perspectives import Perspective
from samenspel.workshops import live_updates
from samenspel.workshops.models import Workshop

REGION = "compass"


def answers_changed(workshop: Workshop) -> None:
    live_updates.soon(workshop, ("compass",), announce_answers)


def announce_answers(workshop: Workshop) -> None:
    assessment = (
        Assessment.objects.filter(workshop=workshop, round=workshop.current_round)
        .select_related("case").first()
    ) if workshop.current_round is not None else None
    if assessment is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = room_context(workshop, assessment)
        announce = answered_words(context["result"].respondents)
        room = render_to_string("compass/_workshop_room.html", context)
        phones = render_to_string("compass/_workshop_room.html", {**context, "compact": True})
        console = render_to_string("compass/_workshop_room.html", {
            **context, **console_context(assessment)})
    for audience, html in (
        (live_updates.PROJECTOR, room), (live_updates.CONSOLE, console),
        *((live_updates.group(p.value), phones) for p in Perspective),
    ):
        live_updates.send(workshop, audience,
                          {"region": REGION, "html": html, "announce": announce})


def room_html(
    request: HttpRequest, workshop: Workshop, assessment: Assessment, *, audience: str
) -> str:
    """The region as a page of this audience shows it when it loads."""
    context = room_context(workshop, assessment)
    if audience == live_updates.CONSOLE:
        context.update(console_context(assessment))
    elif audience != live_updates.PROJECTOR:
        context["compact"] = True  # a phone
    return render_to_string("compass/_workshop_room_region.html", context, request=request)


def room_context(workshop: Workshop, assessment: Assessment) -> dict[str, Any]:
    result = results.of_assessment(assessment)
    return {
        **pictures.results_context(assessment, result),
        "workshop": workshop,
        "case": assessment.case,
        "answered": answered_words(result.respondents),
        "prefix": "room",
    }


def console_context(assessment: Assessment) -> dict[str, Any]:
    """The facilitator also sees where the answers go, and may pick a case they have."""
    nobody_yet = not assessment.answers.exists()
    return {
        "console": True,
        "other_cases": list(Case.objects.exclude(pk=assessment.case_id).only("pk", "title"))
        if nobody_yet else [],
    }


def answered_words(count: int) -> str:
    return ngettext(
        "%(count)d person has answered the role compass.",
        "%(count)d people have answered the role compass.", count,
    ) % {"count": count}
