"""The role compass's JSON API: staff (personal API key) list, add and read cases, start and
close assessments and export the answers; anyone with an assessment's code fetches the
questionnaire and answers it, without a token. Each operation looks up what it acts on with
its permission check and calls one service; a service's refusal keeps its code and message."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from samenspel.accounts import permissions
from samenspel.accounts.api_auth import StaffToken
from samenspel.accounts.models import User
from samenspel.compass import exports, results, services
from samenspel.compass.api_schemas import (
    AnsweredOut,
    AnswerIn,
    AssessmentIn,
    AssessmentOut,
    CaseDetailOut,
    CaseExportOut,
    CaseIn,
    CaseListItemOut,
    CaseOut,
    OptionOut,
    QuestionnaireOut,
    QuestionOut,
    Shares,
    WorkshopAnswerIn,
)
from samenspel.compass.models import Assessment, Case
from samenspel.compass.questionnaire import LEAD_OPTIONS, LEAD_QUESTION, QUESTIONS
from samenspel.compass.views import found_cases
from samenspel.core.api_errors import REFUSALS, ApiError, refusals_as_api_errors
from samenspel.method.models import Round
from samenspel.workshops import code_guessing
from samenspel.workshops.api import PARTICIPANTS
from samenspel.workshops.api_auth import ParticipantToken
from samenspel.workshops.api_schemas import Id
from samenspel.workshops.join_codes import normalise_join_code
from samenspel.workshops.models import Participant

COMPASS = "role compass"
RESPONDENTS = "respondents"

REFUSAL_STATUS = {
    "assessment_closed": 409,
    "answered_already": 409,
    "no_free_code": 503,
    "round_closed": 409,
    "answered_already_moved": 409,
}


router = Router(auth=[StaffToken()])
router.add_decorator(refusals_as_api_errors(services.CompassError, REFUSAL_STATUS))


def staff(request: HttpRequest, *, change: bool = False) -> User:
    caller = getattr(request, "auth", None)
    if not isinstance(caller, User) or not permissions.can_view_cases(caller):
        raise ApiError(403, "staff_only", _("Only staff can do this."))
    if change and not permissions.can_assess_cases(caller):
        raise ApiError(403, "not_allowed", _(
            "You may look at cases, not change them. Ask for the facilitator role."
        ))
    return caller


def case_of(case_id: int) -> Case:
    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        raise ApiError(404, "unknown_case", _("There is no case with this number."))
    return case


def assessment_of(assessment_id: int) -> Assessment:
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    if assessment is None:
        raise ApiError(404, "unknown_assessment", _("There is no assessment with this number."))
    return assessment


def assessment_out(assessment: Assessment, result: results.Result | None = None) -> AssessmentOut:
    return AssessmentOut(**exports.assessment_fields(
        assessment, result or results.of_assessment(assessment)))


# -- Staff ----------------------------------------------------------------------------------


@router.get("/cases", response={200: list[CaseListItemOut], **REFUSALS}, tags=[COMPASS],
            summary="Find cases")
def case_list(request: HttpRequest, q: str = "", theme: str = "", area: str = "",
              owner: str = "") -> list[CaseListItemOut]:
    """Words in `q` are looked for in the title, description, area and theme; `theme`,
    `area` and `owner` must match exactly. Each case comes with its latest assessment."""
    staff(request)
    cases = found_cases(Case.objects.prefetch_related("assessments__answers"),
                        {"q": q[:100], "theme": theme, "area": area, "owner": owner})
    listed = []
    for case in cases:
        assessments = list(case.assessments.all())
        latest = assessment_out(assessments[-1]) if assessments else None
        listed.append(CaseListItemOut(**exports.case_fields(case), latest=latest))
    return listed


@router.post("/cases", response={201: CaseOut, **REFUSALS}, tags=[COMPASS],
             summary="Add a case")
def create_case(request: HttpRequest, body: CaseIn) -> Status[CaseOut]:
    case = services.create_case(created_by=staff(request, change=True), **body.model_dump())
    return Status(201, CaseOut(**exports.case_fields(case)))


@router.put("/cases/{case_id}", response={200: CaseOut, **REFUSALS}, tags=[COMPASS],
            summary="Change a case (a case a workshop made has no owner yet)")
def change_case(request: HttpRequest, case_id: Id, body: CaseIn) -> CaseOut:
    staff(request, change=True)
    case = case_of(case_id)
    services.change_case(case, **body.model_dump())
    return CaseOut(**exports.case_fields(case))


@router.get("/cases/{case_id}", response={200: CaseDetailOut, **REFUSALS}, tags=[COMPASS],
            summary="A case with the results of every assessment")
def case_detail(request: HttpRequest, case_id: Id) -> CaseDetailOut:
    staff(request)
    case = case_of(case_id)
    return CaseDetailOut(**exports.case_fields(case), assessments=[
        assessment_out(assessment, result) for assessment, result in results.of_case(case)
    ])


@router.get("/cases/{case_id}/export", response={200: CaseExportOut, **REFUSALS},
            tags=[COMPASS], summary="A case's assessments with every (anonymous) answer")
def case_export(request: HttpRequest, case_id: Id) -> CaseExportOut:
    """The same as the JSON download on the case page. For CSV: /kompas/<id>/export.csv."""
    staff(request)
    return CaseExportOut(**exports.case_export(case_of(case_id)))


@router.post("/cases/{case_id}/assessments", response={201: AssessmentOut, **REFUSALS},
             tags=[COMPASS], summary="Start an assessment of a case (again)")
def start_assessment(request: HttpRequest, case_id: Id, body: AssessmentIn
                     ) -> Status[AssessmentOut]:
    creator = staff(request, change=True)
    assessment = services.start_assessment(case_of(case_id), created_by=creator, date=body.date)
    return Status(201, assessment_out(assessment))


@router.get("/assessments/{assessment_id}", response={200: AssessmentOut, **REFUSALS},
            tags=[COMPASS], summary="The results of one assessment")
def assessment_detail(request: HttpRequest, assessment_id: Id) -> AssessmentOut:
    staff(request)
    return assessment_out(assessment_of(assessment_id))


@router.post("/assessments/{assessment_id}/close", response={200: AssessmentOut, **REFUSALS},
             tags=[COMPASS], summary="Close an assessment: no more answers")
def close_assessment(request: HttpRequest, assessment_id: Id) -> AssessmentOut:
    return set_open(request, assessment_id, services.close_assessment)


@router.post("/assessments/{assessment_id}/open", response={200: AssessmentOut, **REFUSALS},
             tags=[COMPASS], summary="Open a closed assessment again")
def open_assessment(request: HttpRequest, assessment_id: Id) -> AssessmentOut:
    return set_open(request, assessment_id, services.reopen_assessment)


def set_open(request: HttpRequest, assessment_id: Id,
             change: Callable[[Assessment], None]) -> AssessmentOut:
    staff(request, change=True)
    assessment = assessment_of(assessment_id)
    change(assessment)
    return assessment_out(assessment)


# -- Respondents -----------------------------------------------------------------------------


@router.get("/questionnaire", auth=None, response={200: QuestionnaireOut, **REFUSALS},
            tags=[RESPONDENTS], summary="The questions of the role assessment")
def questionnaire(request: HttpRequest) -> QuestionnaireOut:
    """In the language Accept-Language asks for, options in the order to show them."""
    return QuestionnaireOut(
        questions=[
            QuestionOut(key=q.key, text=str(q.text), options=[
                OptionOut(value=role, text=str(text)) for role, text in q.ordered_options()
            ])
            for q in QUESTIONS
        ],
        lead=QuestionOut(key="lead", text=str(LEAD_QUESTION), options=[
            OptionOut(value=value, text=str(text)) for value, text in LEAD_OPTIONS
        ]),
    )


@router.post("/answers", auth=None, response={201: AnsweredOut, **REFUSALS},
             tags=[RESPONDENTS], summary="Answer an assessment with its code (anonymous)")
def answer(request: HttpRequest, body: AnswerIn) -> Status[AnsweredOut]:
    """No account and no name: only the group, the chosen roles and who should lead."""
    code = normalise_join_code(body.code)
    assessment = (Assessment.objects.select_related("case").filter(code=code).first()
                  if code else None)
    code_guessing.looked_up(request, assessment is not None)
    if assessment is None:
        raise ApiError(404, "unknown_code", _(
            "There is no questionnaire with this code. Check the code and try again."
        ))
    stored = services.record_answer(
        assessment, perspective=body.perspective, roles=body.roles, lead=body.lead,
        key=body.key,
    )
    red, blue, green = stored.point
    return Status(201, AnsweredOut(case_title=assessment.case.title,
                                   assessment_date=assessment.date,
                                   point=Shares(red=red, blue=blue, green=green)))


@router.post("/me/role-compass", auth=[ParticipantToken()],
             response={201: AnsweredOut, **REFUSALS}, tags=[PARTICIPANTS],
             summary="Answer the role compass in the workshop's compass round")
def answer_in_workshop(request: HttpRequest, body: WorkshopAnswerIn) -> Status[AnsweredOut]:
    """For the participant's own group, while the workshop's current round is a role compass
    round and open. A second answer of the same participant gives the first one back."""
    me = getattr(request, "auth", None)
    if not isinstance(me, Participant):
        raise ApiError(403, "participants_only", _(
            "Only a participant of the workshop can do this."
        ))
    workshop = me.workshop
    if workshop.current_round is None or workshop.current_round.kind != Round.Kind.ROLE_COMPASS:
        raise ApiError(409, "not_a_compass_round", _(
            "The workshop is not in a role compass round now."
        ))
    assessment = services.assessment_in_workshop(workshop, workshop.current_round)
    stored = services.record_workshop_answer(
        assessment, me, roles=body.roles, lead=body.lead, key=body.key,
    )
    red, blue, green = stored.point
    return Status(201, AnsweredOut(case_title=assessment.case.title,
                                   assessment_date=assessment.date,
                                   point=Shares(red=red, blue=blue, green=green)))
