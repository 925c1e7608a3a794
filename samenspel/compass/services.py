"""The one door for changes in the role compass: each function checks its rule and writes
in one transaction."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.compass import live_updates
from samenspel.compass.models import Answer, Assessment, Case
from samenspel.compass.questionnaire import QUESTION_KEYS
from samenspel.compass.scoring import ROLE_KEYS
from samenspel.core.text import one_line, plain_text
from samenspel.method.models import Round
from samenspel.method.perspectives import Perspective
from samenspel.workshops.join_codes import new_join_code
from samenspel.workshops.models import Participant, Workshop
from samenspel.workshops.services import bump_version


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
    case = Case(created_by=created_by, **_checked_case(title, description, owner, area, theme))
    if date is not None:
        case.date = date
    case.save()
    return case


def _checked_case(
    title: str, description: str, owner: str, area: str, theme: str
) -> dict[str, str]:
    title, description = one_line(title), plain_text(description)
    if not title or not description:
        raise CompassError("empty_case", _("Give the case a title and a description."))
    if owner not in Perspective.values:
        raise CompassError("unknown_perspective", _("Choose one of the three groups."))
    return {
        "title": title[:200], "description": description[:4000], "owner": owner,
        "area": one_line(area)[:120], "theme": one_line(theme)[:120],
    }


def start_assessment(
    case: Case,
    *,
    created_by: User | None,
    date: date | None = None,
    workshop: Workshop | None = None,
    round_: Round | None = None,
) -> Assessment:
    """A new dated assessment of the case with a fresh code: open for answers through its
    link, unless it is a workshop's round (then the phones in the room answer)."""
    for _attempt in range(10):
        try:
            with transaction.atomic():
                assessment = Assessment(
                    case=case, created_by=created_by, code=new_join_code(),
                    workshop=workshop, round=round_, is_open=workshop is None,
                )
                if date is not None:
                    assessment.date = date
                assessment.save()
                return assessment
        except IntegrityError:
            if not Assessment.objects.filter(code=assessment.code).exists():
                raise  # not the code: the workshop's round has its assessment already
            continue  # the code was taken already: draw another
    raise CompassError("no_free_code", _("No free code was found. Please try again."))


def assessment_in_workshop(workshop: Workshop, round_: Round) -> Assessment:
    """The assessment a workshop's compass round fills. Made the first time a screen needs
    it: of the case an earlier compass round of the workshop assessed, or of a new case
    made from the workshop. Its link stays closed: the room answers on its phones."""
    found = Assessment.objects.filter(workshop=workshop, round=round_).select_related("case")
    assessment = found.first()
    if assessment is not None:
        return assessment
    try:
        with transaction.atomic():
            earlier = Assessment.objects.filter(workshop=workshop).select_related("case").first()
            case = earlier.case if earlier is not None else Case.objects.create(
                title=workshop.title[:200],
                description=workshop.case_description[:4000] or workshop.title,
                area=workshop.place[:120], date=workshop.date or timezone.localdate(),
                owner="", created_by=workshop.created_by,
            )
            assessment = start_assessment(
                case, created_by=workshop.created_by, date=workshop.date,
                workshop=workshop, round_=round_,
            )
    except IntegrityError:
        # Many phones open the round at once: one of them made it.
        return found.get()
    return assessment


def assess_other_case(assessment: Assessment, case: Case) -> None:
    """A workshop's compass round assesses a case the staff have already, instead of the one
    made from the workshop — as long as nobody has answered. The made one goes if it has
    nothing else."""
    if assessment.workshop_id is None:
        raise CompassError("not_in_workshop", _("Only a workshop's role compass can move."))
    with transaction.atomic():
        if Answer.objects.filter(assessment__workshop_id=assessment.workshop_id).exists():
            raise CompassError("answered_already_moved", _(
                "People have answered already: the answers stay with this case."
            ))
        made = assessment.case
        Assessment.objects.filter(workshop_id=assessment.workshop_id).update(case=case)
        assessment.case = case
        if made.pk != case.pk and not made.assessments.exists() and made.owner == "":
            made.delete()


def change_case(
    case: Case,
    *,
    title: str,
    description: str,
    owner: str,
    area: str = "",
    theme: str = "",
    date: date | None = None,
) -> None:
    """Staff correct or complete a case (a case made by a workshop has no owner yet)."""
    checked = _checked_case(title, description, owner, area, theme)
    for field, value in checked.items():
        setattr(case, field, value)
    if date is not None:
        case.date = date
    case.save()


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
    if answered_by is not None and Answer.objects.filter(
        assessment=assessment, answered_by=answered_by
    ).exists():
        raise CompassError("answered_already", _("You have answered this questionnaire already."))
    return _store_answer(Answer(
        assessment=assessment, perspective=perspective, roles=roles, lead=lead,
        answered_by=answered_by, key=key,
    ))


def record_workshop_answer(
    assessment: Assessment,
    participant: Participant,
    *,
    roles: Mapping[str, str],
    lead: str,
    key: str,
) -> Answer:
    """A participant's answer in the workshop's compass round, for their own group, while
    the round is open. They answer once: a second send gives the first answer."""
    workshop = participant.workshop
    earlier = Answer.objects.filter(assessment=assessment, participant=participant).first()
    if earlier is not None:
        return earlier
    if not (
        workshop.state == Workshop.State.RUNNING and workshop.round_open
        and assessment.workshop_id == workshop.pk
        and assessment.round_id == workshop.current_round_id
    ):
        raise CompassError("round_closed", _(
            "The questions are closed. You can no longer answer."
        ))
    with transaction.atomic():
        answer = _store_answer(Answer(
            assessment=assessment, perspective=participant.perspective, roles=roles,
            lead=lead, participant=participant, key=key[:64],
        ))
        bump_version(workshop)
        transaction.on_commit(lambda: live_updates.answers_changed(workshop))
    return answer


def _store_answer(answer: Answer) -> Answer:
    """Checks the answer's content and stores it; of two copies racing, the first wins."""
    roles: Mapping[str, str] = answer.roles
    if answer.perspective not in Perspective.values:
        raise CompassError("unknown_perspective", _("Choose the group you belong to."))
    missing = [k for k in QUESTION_KEYS if roles.get(k) not in ROLE_KEYS]
    if missing or set(roles) - set(QUESTION_KEYS):
        raise CompassError("unanswered_questions", _(
            "Answer every question: choose one answer for each."
        ))
    if answer.lead not in Perspective.values:
        raise CompassError("unknown_lead", _("Choose who should lead."))
    answer.roles = {k: roles[k] for k in QUESTION_KEYS}
    given_key, answer.key = answer.key, answer.key or new_answer_key()
    try:
        with transaction.atomic():
            answer.save()
            return answer
    except IntegrityError:
        # The same answer twice at the same moment: the other copy was stored.
        same = Answer.objects.filter(assessment=answer.assessment_id)
        earlier = (
            same.filter(participant=answer.participant).first() if answer.participant_id
            else same.filter(key=given_key).first() if given_key else None
        )
        if earlier is None:
            raise CompassError("answered_already", _(
                "You have answered this questionnaire already."
            )) from None
        return earlier


def new_answer_key() -> str:
    return secrets.token_urlsafe(24)
