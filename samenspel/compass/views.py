"""Pages of the role compass: staff find, add and follow cases and their assessments;
anyone with the code or link fills in the questionnaire, without an account."""

from __future__ import annotations

import uuid
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenspel.accounts import audit, permissions
from samenspel.accounts.models import User
from samenspel.compass import exports, pictures, results, services, workshop_round
from samenspel.compass.forms import (
    AnswerForm,
    AssessmentForm,
    CaseFilterForm,
    CaseForm,
    CodeForm,
    QuestionnaireForm,
)
from samenspel.compass.models import Answer, Assessment, Case
from samenspel.compass.questionnaire import QUESTIONS
from samenspel.compass.results import AGREEMENT_WORDS, INDEX_BANDS
from samenspel.compass.scoring import MIN_RESPONDENTS_FOR_AGREEMENT
from samenspel.method.models import Round
from samenspel.method.perspectives import PERSPECTIVES
from samenspel.workshops import code_guessing
from samenspel.workshops.join_codes import spoken
from samenspel.workshops.models import Workshop
from samenspel.workshops.views import participant_for_code

ANSWER_COOKIE_SALT = "compass.answer"
ANSWER_COOKIE_DAYS = 90


def staff_only(request: HttpRequest, *, change: bool = False) -> User | None:
    if not permissions.can_view_cases(request.user):
        raise Http404
    if change and not permissions.can_assess_cases(request.user):
        raise Http404
    return request.user if isinstance(request.user, User) else None


# -- Cases -----------------------------------------------------------------------------------


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    staff_only(request)
    everything = Case.objects.all()
    form = CaseFilterForm(
        request.GET or None,
        themes=sorted(set(everything.exclude(theme="").values_list("theme", flat=True))),
        areas=sorted(set(everything.exclude(area="").values_list("area", flat=True))),
    )
    cases = found_cases(everything, form.cleaned_data if form.is_valid() else {})
    latest = [(case, latest_result(case))
              for case in cases.prefetch_related("assessments__answers")]
    return render(request, "compass/case_list.html", {
        "form": form, "cases": latest, "searched": form.is_bound and form.is_valid(),
        "can_change": permissions.can_assess_cases(request.user),
    }, status=200 if not form.is_bound or form.is_valid() else 400)


def found_cases(cases: QuerySet[Case], wanted: dict[str, Any]) -> QuerySet[Case]:
    if wanted.get("q"):
        words = wanted["q"]
        cases = cases.filter(Q(title__icontains=words) | Q(description__icontains=words)
                             | Q(area__icontains=words) | Q(theme__icontains=words))
    for field in ("theme", "area", "owner"):
        if wanted.get(field):
            cases = cases.filter(**{field: wanted[field]})
    return cases


def latest_result(case: Case) -> tuple[Assessment, results.Result] | None:
    assessments = list(case.assessments.all())
    return (assessments[-1], results.of_assessment(assessments[-1])) if assessments else None


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest) -> HttpResponse:
    creator = staff_only(request, change=True)
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.create_case(created_by=creator, **form.cleaned_data)
        except services.CompassError as error:
            form.add_error(None, error.message)
        else:
            return redirect("compass:case", pk=case.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "compass/case_form.html", {"form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def case_change(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request, change=True)
    case = get_object_or_404(Case, pk=pk)
    initial = {field: getattr(case, field)
               for field in ("title", "description", "area", "theme", "date", "owner")}
    form = CaseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_case(case, **form.cleaned_data)
        except services.CompassError as error:
            form.add_error(None, error.message)
        else:
            audit.record(request.user, "change_case", case=case.pk)
            return redirect("compass:case", pk=case.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "compass/case_form.html", {"form": form, "case": case},
                  status=status)


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request)
    case = get_object_or_404(Case, pk=pk)
    return render_case(request, case, AssessmentForm())


def render_case(request: HttpRequest, case: Case, form: AssessmentForm) -> HttpResponse:
    measured = results.of_case(case)
    latest = measured[-1] if measured else None
    return render(request, "compass/case_detail.html", {
        "case": case,
        "measured": list(reversed(measured)),
        **(pictures.results_context(*latest) if latest else {}),
        "trend": pictures.trend([(a.date, r.index) for a, r in measured]) if measured else None,
        "trend_words": trend_words(measured),
        "form": form,
        "can_change": permissions.can_assess_cases(request.user),
    }, status=400 if form.errors else 200)


def trend_words(measured: list[tuple[Assessment, results.Result]]) -> str:
    parts = [
        _("%(date)s: %(index)s") % {
            "date": date_format(a.date, "j F Y"),
            "index": number_format(r.index, 2) if r.index is not None
            else _("not all groups have answered"),
        }
        for a, r in measured
    ]
    return _("Synchronicity over time. %(points)s") % {"points": "; ".join(parts)}


@login_required
@require_POST
def assessment_start(request: HttpRequest, pk: int) -> HttpResponse:
    creator = staff_only(request, change=True)
    case = get_object_or_404(Case, pk=pk)
    form = AssessmentForm(request.POST)
    if not form.is_valid():
        return render_case(request, case, form)
    assessment = services.start_assessment(case, created_by=creator, date=form.cleaned_data["date"])
    return redirect("compass:assessment", pk=assessment.pk)


@login_required
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request)
    assessment = get_object_or_404(Assessment.objects.select_related("case", "workshop"), pk=pk)
    answer_url = request.build_absolute_uri(reverse("compass:answer", args=[assessment.code]))
    qr = segno.make(answer_url, error="m")
    return render(request, "compass/assessment_detail.html", {
        **pictures.results_context(assessment, results.of_assessment(assessment)),
        "case": assessment.case,
        "code": spoken(assessment.code),
        "answer_url": answer_url,
        "qr_svg": qr.svg_inline(scale=6, border=2, title=_("QR code to answer the questions")),
        "can_change": permissions.can_assess_cases(request.user),
    })


@login_required
@require_POST
def assessment_change(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request, change=True)
    assessment = get_object_or_404(Assessment, pk=pk)
    if request.POST.get("action") == "close":
        services.close_assessment(assessment)
    elif request.POST.get("action") == "open":
        services.reopen_assessment(assessment)
    audit.record(request.user, f"{request.POST.get('action', '')}_assessment"[:40],
                 assessment=assessment.pk)
    return redirect("compass:assessment", pk=assessment.pk)


@login_required
def portfolio(request: HttpRequest) -> HttpResponse:
    staff_only(request)
    cases = list(Case.objects.prefetch_related("assessments__answers"))
    latest = [latest_result(case) for case in cases]
    measured = [found[1] if found else results.summarise([]) for found in latest]
    picture, dots = pictures.portfolio(measured)
    centres = [pictures.percentages(r.centre) if r.centre else None for r in measured]
    placed = [dot for dot in dots if dot is not None]
    return render(request, "compass/portfolio.html", {
        "picture": picture,
        "rows": list(zip(cases, latest, dots, centres, strict=True)),
        "placed": placed,
        "words": pictures.portfolio_words(
            [(case.title, dot) for case, dot in zip(cases, dots, strict=True)]),
        "bands": INDEX_BANDS,
    })


@login_required
def export_csv(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request)
    case = get_object_or_404(Case, pk=pk)
    response = HttpResponse(exports.case_csv(case), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="casus-{case.pk}.csv"'
    return response


@login_required
def export_json(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request)
    case = get_object_or_404(Case, pk=pk)
    response = JsonResponse(exports.case_export(case), json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="casus-{case.pk}.json"'
    return response


def how_we_measure(request: HttpRequest) -> HttpResponse:
    """Public: anyone who answers may read what happens with the answers."""
    return render(request, "compass/how_we_measure.html", {
        "questions": QUESTIONS,
        "agreement_words": AGREEMENT_WORDS,
        "bands": INDEX_BANDS,
        "min_respondents": MIN_RESPONDENTS_FOR_AGREEMENT,
    })


# -- In a live workshop ----------------------------------------------------------------------


@require_POST
def answer_in_workshop(request: HttpRequest, code: str) -> HttpResponse:
    """A participant sends the questionnaire from their phone during the compass round."""
    workshop, me = participant_for_code(request, code)
    back = redirect("workshops:participant", code=workshop.join_code)
    if me is None or workshop.current_round is None or (
        workshop.current_round.kind != Round.Kind.ROLE_COMPASS
    ):
        return back  # not joined, or the room has moved on: the phone shows where it is
    form = QuestionnaireForm(request.POST)
    if form.is_valid():
        try:
            services.record_workshop_answer(
                workshop_round.assessment_of(workshop), me, roles=form.roles(),
                lead=form.cleaned_data["lead"], key=form.cleaned_data["key"],
            )
        except services.CompassError as error:
            form.add_error(None, error.message)
        else:
            return back
    return workshop_round.phone_page(request, workshop, me, form, status=400)


@login_required
@require_POST
def workshop_case(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator lets the workshop's compass round assess a case the staff have."""
    staff_only(request, change=True)
    if not permissions.can_run_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop.objects.select_related("current_round"), pk=pk)
    if workshop.current_round is None or workshop.current_round.kind != Round.Kind.ROLE_COMPASS:
        return redirect("workshops:console", pk=workshop.pk)
    chosen = request.POST.get("case", "")
    case = Case.objects.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    if case is None:
        messages.error(request, _("Choose one of the cases in the list."))
    else:
        try:
            services.assess_other_case(workshop_round.assessment_of(workshop), case)
        except services.CompassError as error:
            messages.error(request, error.message)
        else:
            audit.record(request.user, "assess_other_case", workshop=workshop.pk, case=case.pk)
            messages.success(request, _("The answers of this round now go to the case %(title)s.")
                             % {"title": case.title})
    return redirect("workshops:console", pk=workshop.pk)


# -- Answering -------------------------------------------------------------------------------


def enter_code(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.GET or None)
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            code = form.cleaned_data["code"]
            found = Assessment.objects.filter(code=code).exists()
            code_guessing.looked_up(request, found)
            if found:
                return redirect("compass:answer", code=code)
            status = 404
            form.add_error("code", _(
                "There is no questionnaire with this code. Check the code and try again."
            ))
    return render(request, "compass/enter_code.html", {"form": form}, status=status)


def cookie_name(assessment: Assessment) -> str:
    return f"samenspel_answer_{assessment.code}"


def answered_before(request: HttpRequest, assessment: Assessment) -> bool:
    """This browser (or this staff member) sent an answer to this assessment already."""
    if isinstance(request.user, User):
        return Answer.objects.filter(assessment=assessment, answered_by=request.user).exists()
    try:
        key = request.get_signed_cookie(cookie_name(assessment), salt=ANSWER_COOKIE_SALT)
    except (KeyError, signing.BadSignature):
        return False
    return Answer.objects.filter(assessment=assessment, key=key).exists()


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, code: str) -> HttpResponse:
    assessment = Assessment.objects.filter(code=code.upper()).select_related("case").first()
    answered = assessment is not None and answered_before(request, assessment)
    if not answered:
        code_guessing.looked_up(request, assessment is not None)
    if assessment is None:
        return render(request, "compass/not_found.html", status=404)
    context: dict[str, Any] = {"assessment": assessment, "case": assessment.case}
    if answered:
        return render(request, "compass/answered.html", context)
    if not assessment.is_open:
        return render(request, "compass/closed.html", context, status=410)
    form = AnswerForm(request.POST or None, initial={"key": uuid.uuid4().hex})
    if request.method == "POST" and form.is_valid():
        staff = request.user if isinstance(request.user, User) else None
        try:
            stored = services.record_answer(
                assessment, perspective=form.cleaned_data["perspective"], roles=form.roles(),
                lead=form.cleaned_data["lead"], key=form.cleaned_data["key"], answered_by=staff,
            )
        except services.CompassError as error:
            form.add_error(None, error.message)
        else:
            response = redirect("compass:answer", code=assessment.code)
            response.set_signed_cookie(
                cookie_name(assessment), stored.key, salt=ANSWER_COOKIE_SALT,
                max_age=ANSWER_COOKIE_DAYS * 24 * 3600,
                path=reverse("compass:answer", args=[assessment.code]),
                secure=settings.SESSION_COOKIE_SECURE, httponly=True, samesite="Lax",
            )
            return response
    return render(request, "compass/answer.html", {
        **context,
        "form": form,
        "question_fields": [form[question.key] for question in QUESTIONS],
        "perspective_descriptions": [(i.perspective.value, i.explanation) for i in PERSPECTIVES],
        "staff": isinstance(request.user, User),
    }, status=400 if request.method == "POST" else 200)
