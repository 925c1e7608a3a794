"""The role compass as a round of a live workshop (method's round kind "role_compass").

The participants answer the questionnaire on their phones for their own group; the console
and the projector show the triangle filling up. The answers are an ordinary assessment of a
case, so the case page, the trend and the exports have them too."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samenspel.compass import live_updates, services
from samenspel.compass.forms import QuestionnaireForm
from samenspel.compass.models import Answer, Assessment
from samenspel.compass.questionnaire import QUESTIONS
from samenspel.live.subscriptions import sign_subscription
from samenspel.method.models import Round
from samenspel.workshops import live_updates as workshop_live
from samenspel.workshops import steps
from samenspel.workshops.models import Participant, Workshop
from samenspel.workshops.signals import participants_anonymised


class CompassRound:
    def phone(self, request: HttpRequest, workshop: Workshop, me: Participant) -> HttpResponse:
        return phone_page(request, workshop, me, None)

    def room(self, request: HttpRequest, workshop: Workshop, audience: str) -> str:
        assessment = assessment_of(workshop)
        return live_updates.room_html(request, workshop, assessment, audience=audience)


def register() -> None:
    steps.register(Round.Kind.ROLE_COMPASS, CompassRound())
    participants_anonymised.connect(forget_participants, dispatch_uid="compass-forget")


def forget_participants(sender: object, workshop: Workshop, **kwargs: object) -> None:
    """The workshop's retention ended: its compass answers no longer point to a participant."""
    Answer.objects.filter(assessment__workshop=workshop).update(participant=None)


def assessment_of(workshop: Workshop) -> Assessment:
    """The assessment of the workshop's current round (only asked while it is a compass
    round)."""
    round_ = workshop.current_round
    if round_ is None:
        raise ValueError("The workshop has no current round.")
    return services.assessment_in_workshop(workshop, round_)


def phone_page(
    request: HttpRequest,
    workshop: Workshop,
    me: Participant,
    form: QuestionnaireForm | None,
    status: int = 200,
) -> HttpResponse:
    """The questionnaire while the round is open; once answered (or closed), the room's
    triangle as it fills up."""
    assessment = assessment_of(workshop)
    answered = Answer.objects.filter(assessment=assessment, participant=me).exists()
    context: dict[str, Any] = {
        "workshop": workshop,
        "me": me,
        "round": workshop.current_round,
        "case": assessment.case,
        "answered": answered,
        "live_token": sign_subscription(
            workshop.stream,
            [workshop_live.group(me.perspective), workshop_live.participant(me)],
        ),
    }
    if answered or not workshop.round_open:
        context["room"] = live_updates.room_html(
            request, workshop, assessment, audience=workshop_live.group(me.perspective))
    else:
        form = form or QuestionnaireForm(initial={"key": uuid.uuid4().hex})
        context.update({
            "form": form,
            "question_fields": [form[question.key] for question in QUESTIONS],
        })
    return render(request, "compass/workshop_phone.html", context, status=status)
