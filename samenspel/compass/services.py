"""The one door for changes in the role compass: each function checks its rule and writes
in one transaction."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.compass.models import Answer, Assessment, Case
from samenspel.compass.questionnaire import QUESTION_KEYS
from samenspel.compass.scoring import ROLE_KEYS
from samenspel.method.perspectives import Perspective
from samenspel.workshops.join_codes import new_join_code


class CompassError(Exception):
    """A rule said no. `code` is stable for the API; the message is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def create_case(
    *,
    created_by: User | None,
    title: str,
    description: str,
    owner: str,
    area: str = "",
    theme: str = "",
    date: date | None = None,
) -> Case:
    """A new case; the date is today's unless given."""
    title, description = " ".join(title.split()), description.strip()
    if not title or not description:
        raise CompassError("empty_case", _("Give the case a title and a description."))
    if owner not in Perspective.values:
        raise CompassError("unknown_perspective", _("Choose one of the three groups."))
    case = Case(
        created_by=created_by, title=title[:200], description=description[:4000],
        owner=owner, area=" ".join(area.split())[:120], theme=" ".join(theme.split())[:120],
    )
    if date is not None:
        case.date = date
    case.save()
    return case


def start_assessment(
    case: Case, *, created_by: User | None, date: date | None = None
) -> Assessment:
    """A new dated assessment of the case, open for answers, with a fresh code."""
    for _attempt in range(10):
        try:
            with transaction.atomic():
                assessment = Assessment(case=case, created_by=created_by, code=new_join_code())
                if date is not None:
                    assessment.date = date
                assessment.save()
                return assessment
        except IntegrityError:
            continue  # the code was taken already: draw another
    raise CompassError("no_free_code", _("No free code was found. Please try again."))


def close_assessment(assessment: Assessment) -> None:
    """No more answers: the results stay as they are."""
    assessment.is_open = False
    assessment.save(update_fields=["is_open"])


def reopen_assessment(assessment: Assessment) -> None:
    assessment.is_open = True
    assessment.save(update_fields=["is_open"])


def record_answer(
    assessment: Assessment,
    *,
    perspective: str,
    roles: Mapping[str, str],
    lead: str,
    key: str,
    answered_by: User | None = None,
) -> Answer:
    """A respondent's filled-in questionnaire: every question answered with one role's
    option, and who should lead. The same key again (a double tap, a retry) gives the
    answer stored the first time; a staff member answers once."""
    key = key[:64]
    if key:
        earlier = Answer.objects.filter(assessment=assessment, key=key).first()
        if earlier is not None:
            return earlier
    if not assessment.is_open:
        raise CompassError("assessment_closed", _(
            "This questionnaire is closed. You can no longer answer."
        ))
    if perspective not in Perspective.values:
        raise CompassError("unknown_perspective", _("Choose the group you belong to."))
    missing = [k for k in QUESTION_KEYS if roles.get(k) not in ROLE_KEYS]
    if missing or set(roles) - set(QUESTION_KEYS):
        raise CompassError("unanswered_questions", _(
            "Answer every question: choose one answer for each."
        ))
    if lead not in Perspective.values:
        raise CompassError("unknown_lead", _("Choose who should lead."))
    if answered_by is not None and Answer.objects.filter(
        assessment=assessment, answered_by=answered_by
    ).exists():
        raise CompassError("answered_already", _("You have answered this questionnaire already."))
    try:
        with transaction.atomic():
            return Answer.objects.create(
                assessment=assessment, perspective=perspective,
                roles={k: roles[k] for k in QUESTION_KEYS}, lead=lead,
                answered_by=answered_by, key=key or new_answer_key(),
            )
    except IntegrityError:
        # The same answer twice at the same moment: the other copy was stored.
        earlier = Answer.objects.filter(assessment=assessment, key=key).first() if key else None
        if earlier is None:
            raise CompassError("answered_already", _(
                "You have answered this questionnaire already."
            )) from None
        return earlier


def new_answer_key() -> str:
    return secrets.token_urlsafe(24)
