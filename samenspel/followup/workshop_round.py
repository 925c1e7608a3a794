"""The look-back round of a second-wave workshop (method's round kind "review").

The room starts from an earlier workshop's activities: on their phones, the participants
say for their own group, per activity, what they did and whether it worked; the console and
the projector show the answers per group as they come in. The answers are ordinary
check-ins of those activities, so the follow-up's pages and exports have them too."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from samenspel.followup import services
from samenspel.followup.forms import RoomCheckInForm
from samenspel.followup.models import CheckIn, TrackedActivity, Worked
from samenspel.live.subscriptions import sign_subscription
from samenspel.method.models import Round
from samenspel.method.perspectives import Perspective
from samenspel.workshops import live_updates as workshop_live
from samenspel.workshops import steps
from samenspel.workshops.models import Participant, Workshop


class ReviewRound:
    def phone(self, request: HttpRequest, workshop: Workshop, me: Participant) -> HttpResponse:
        return phone_page(request, workshop, me, {})

    def room(self, request: HttpRequest, workshop: Workshop, audience: str) -> str:
        return render_to_string("followup/_look_back_region.html", room_context(
            workshop, console=audience == workshop_live.CONSOLE), request=request)


def register() -> None:
    steps.register(Round.Kind.REVIEW, ReviewRound())


def room_context(workshop: Workshop, *, console: bool) -> dict[str, Any]:
    """Per earlier activity: how each group answered "did it work?" in this room, and
    what they said they did."""
    previous = services.previous_workshop(workshop)
    activities = list(TrackedActivity.objects.filter(workshop=previous)) if previous else []
    given = list(CheckIn.objects.filter(in_workshop=workshop, activity__in=activities))
    rows = []
    for activity in activities:
        mine = [c for c in given if c.activity_id == activity.pk]
        rows.append({
            "activity": activity,
            "groups": [{
                "perspective": p,
                "counts": [(label, sum(1 for c in mine if c.perspective == p.value
                                       and c.worked == value))
                           for value, label in Worked.choices],
                "done": [c.done for c in mine if c.perspective == p.value],
            } for p in Perspective],
        })
    context: dict[str, Any] = {
        "workshop": workshop, "previous": previous, "rows": rows, "answers": len(given),
    }
    if console:
        context["console"] = True
        context["others"] = list(
            Workshop.objects.filter(state=Workshop.State.CLOSED).exclude(pk=workshop.pk)
        ) if not given else []
    return context


def phone_page(
    request: HttpRequest, workshop: Workshop, me: Participant,
    forms: dict[int, RoomCheckInForm], status: int = 200,
) -> HttpResponse:
    """Each earlier activity with a small form, or what my group said about it once I
    answered."""
    previous = services.previous_workshop(workshop)
    activities = list(TrackedActivity.objects.filter(workshop=previous)) if previous else []
    answered = set(CheckIn.objects.filter(
        key=f"room-{workshop.pk}-{me.pk}", activity__in=activities,
    ).values_list("activity_id", flat=True))
    items = [
        (activity, activity.pk in answered,
         forms.get(activity.pk) or RoomCheckInForm(auto_id=f"a{activity.pk}_%s"))
        for activity in activities
    ]
    return render(request, "followup/look_back_phone.html", {
        "workshop": workshop, "me": me, "round": workshop.current_round,
        "previous": previous, "items": items,
        "failed": any(form.errors for form in forms.values()),
        "live_token": sign_subscription(
            workshop.stream,
            [workshop_live.group(me.perspective), workshop_live.participant(me)],
        ),
    }, status=status)
