"""Pages of a workshop: the facilitator prepares and watches it; a participant joins it by
code on a phone, without an account."""

from __future__ import annotations

import uuid
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenspel.accounts import permissions
from samenspel.accounts.models import User
from samenspel.live.subscriptions import sign_subscription
from samenspel.method.models import Round
from samenspel.method.perspectives import PERSPECTIVES, Perspective
from samenspel.workshops import boards, live_updates, services
from samenspel.workshops.forms import (
    ActivityForm,
    ChooseForm,
    DotForm,
    JoinCodeForm,
    JoinForm,
    NoteForm,
    RoundForm,
    TimerForm,
    WorkshopForm,
)
from samenspel.workshops.join_codes import spoken
from samenspel.workshops.models import Activity, Contribution, Participant, Workshop

PARTICIPANT_COOKIE_SALT = "workshops.participant"
PARTICIPANT_COOKIE_DAYS = 30


# -- Facilitator ------------------------------------------------------------------------


@login_required
def workshop_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_workshops(request.user):
        raise Http404
    workshops = Workshop.objects.select_related("template")
    return render(request, "workshops/list.html", {
        "workshops": workshops,
        "can_create": permissions.can_run_workshops(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def workshop_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_run_workshops(request.user):
        raise Http404
    form = WorkshopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        creator = request.user if isinstance(request.user, User) else None
        workshop = services.create_workshop(created_by=creator, **form.cleaned_data)
        return redirect("workshops:console", pk=workshop.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "workshops/form.html", {"form": form}, status=status)


@login_required
def console(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_view_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop.objects.select_related("template"), pk=pk)
    return render_console(request, workshop)


def render_console(request: HttpRequest, workshop: Workshop, refusal: str = "") -> HttpResponse:
    """The console; with a refusal it shows why a facilitator's action was not done (400)."""
    if refusal:
        messages.error(request, refusal)
    return render(request, "workshops/console.html", {
        "workshop": workshop,
        **how_to_join(request, workshop, qr_scale=6),
        "counts": services.people_per_perspective(workshop),
        "rounds": workshop.template.rounds.all(),
        "groups": console_groups(workshop),
        "can_run": permissions.can_run_workshops(request.user),
        "live_token": sign_subscription(workshop.stream, [live_updates.CONSOLE]),
    })


@login_required
def projector(request: HttpRequest, pk: int) -> HttpResponse:
    """The big screen: readable from the back of the room, live, without controls."""
    if not permissions.can_view_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop.objects.select_related("template"), pk=pk)
    return render(request, "workshops/projector.html", {
        "workshop": workshop,
        **how_to_join(request, workshop, qr_scale=10),
        "counts": services.people_per_perspective(workshop),
        "groups": console_groups(workshop),
        "live_token": sign_subscription(workshop.stream, [live_updates.PROJECTOR]),
    })


@login_required
@require_http_methods(["POST"])
def change_timer(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_run_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop, pk=pk)
    form = TimerForm(request.POST)
    if not form.is_valid():
        return render_console(request, workshop, _("Choose between 1 and 120 minutes."))
    try:
        if form.cleaned_data["action"] == "start":
            services.start_timer(workshop, form.cleaned_data["minutes"] or 0)
        else:
            services.stop_timer(workshop)
    except services.WorkshopError as error:
        return render_console(request, workshop, error.message)
    return redirect("workshops:console", pk=workshop.pk)


@login_required
@require_http_methods(["POST"])
def add_paper_note(request: HttpRequest, pk: int) -> HttpResponse:
    """Notes written on paper in the room, typed in by the facilitator for a group."""
    if not permissions.can_run_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop, pk=pk)
    prompt = (
        workshop.current_round.prompts.filter(pk=request.POST.get("prompt") or 0).first()
        if workshop.current_round and (request.POST.get("prompt") or "").isdigit()
        else None
    )
    if prompt is None:
        return render_console(
            request, workshop, _("This round is closed. You cannot add notes now.")
        )
    try:
        services.add_paper_note(
            workshop, request.POST.get("perspective", ""), prompt, request.POST.get("text", "")
        )
    except services.WorkshopError as error:
        return render_console(request, workshop, error.message)
    return redirect("workshops:console", pk=workshop.pk)


@login_required
@require_http_methods(["POST"])
def hide_note(request: HttpRequest, pk: int, note_pk: int) -> HttpResponse:
    if not permissions.can_run_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop, pk=pk)
    note = get_object_or_404(Contribution, pk=note_pk, workshop=workshop)
    try:
        services.hide_note(workshop, note, request.POST.get("reason", ""))
    except services.WorkshopError as error:
        return render_console(request, workshop, error.message)
    return redirect("workshops:console", pk=workshop.pk)


@login_required
@require_http_methods(["POST"])
def change_round(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_run_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop, pk=pk)
    form = RoundForm(request.POST)
    if not form.is_valid():
        return render_console(request, workshop, _("This change is not possible."))
    try:
        if form.cleaned_data["action"] == "open":
            round_ = Round.objects.filter(
                pk=form.cleaned_data["round"], template=workshop.template
            ).first()
            if round_ is None:
                return render_console(
                    request, workshop, _("This round is not part of this workshop.")
                )
            services.open_round(workshop, round_)
        elif form.cleaned_data["action"] == "close":
            services.close_round(workshop)
        else:
            services.close_workshop(workshop)
    except services.WorkshopError as error:
        return render_console(request, workshop, error.message)
    return redirect("workshops:console", pk=workshop.pk)


# -- Participant -------------------------------------------------------------------------


def enter_code(request: HttpRequest) -> HttpResponse:
    """The code box on the home page (a GET form, so it also works as a link)."""
    form = JoinCodeForm(request.GET or None)
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            code = form.cleaned_data["code"]
            if Workshop.objects.filter(join_code=code).exists():
                return redirect("workshops:participant", code=code)
            status = 404
            form.add_error(
                "code", _("There is no workshop with this code. Check the code and try again.")
            )
    return render(request, "workshops/enter_code.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def participant(request: HttpRequest, code: str) -> HttpResponse:
    workshop = Workshop.objects.filter(join_code=code.upper()).select_related("template").first()
    if workshop is None:
        return render(request, "workshops/not_found.html", status=404)
    me = current_participant(request, workshop)
    if me is not None:
        return participant_screen(request, workshop, me)
    if not workshop.is_open_for_joining:
        return render(request, "workshops/ended.html", {"workshop": workshop}, status=410)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            joined = services.join_workshop(
                workshop, form.cleaned_data["perspective"], form.cleaned_data["display_name"]
            )
        except services.WorkshopError as error:
            form.add_error(None, error.message)
        else:
            response = redirect("workshops:participant", code=workshop.join_code)
            remember_participant(response, joined)
            return response
    status = 400 if request.method == "POST" else 200
    return render(request, "workshops/join.html", {
        "workshop": workshop,
        "form": form,
        "perspective_descriptions": [(i.perspective.value, i.explanation) for i in PERSPECTIVES],
    }, status=status)


def cookie_name(workshop: Workshop) -> str:
    return f"samenspel_{workshop.join_code}"


def remember_participant(response: HttpResponse, participant: Participant) -> None:
    """A signed per-workshop cookie, so the same phone comes back to its own notes."""
    response.set_signed_cookie(
        cookie_name(participant.workshop),
        participant.key,
        salt=PARTICIPANT_COOKIE_SALT,
        max_age=PARTICIPANT_COOKIE_DAYS * 24 * 3600,
        path=reverse("workshops:participant", args=[participant.workshop.join_code]),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def current_participant(request: HttpRequest, workshop: Workshop) -> Participant | None:
    try:
        key = request.get_signed_cookie(cookie_name(workshop), salt=PARTICIPANT_COOKIE_SALT)
    except (KeyError, signing.BadSignature):
        return None
    return Participant.objects.filter(workshop=workshop, key=key).first()


@require_http_methods(["POST"])
def add_note(request: HttpRequest, code: str) -> HttpResponse:
    workshop = get_object_or_404(Workshop, join_code=code.upper())
    me = current_participant(request, workshop)
    if me is None:
        return redirect("workshops:participant", code=workshop.join_code)
    form = NoteForm(request.POST)
    error = None
    prompt_pk = None
    if form.is_valid():
        prompt_pk = form.cleaned_data["prompt"]
        prompt = (
            workshop.current_round.prompts.filter(pk=prompt_pk).first()
            if workshop.current_round
            else None
        )
        links_to = None
        if form.cleaned_data["links_to"]:
            links_to = Contribution.objects.filter(pk=form.cleaned_data["links_to"]).first()
        if prompt is None:
            error = _("This round is closed. You cannot add notes now.")
        else:
            try:
                services.add_contribution(
                    me, prompt, form.cleaned_data["text"], links_to, form.cleaned_data["key"]
                )
            except services.WorkshopError as failure:
                error = failure.message
            else:
                response = redirect("workshops:participant", code=workshop.join_code)
                response["Location"] += f"#prompt-{prompt.pk}"
                return response
    else:
        prompt_pk = form.cleaned_data.get("prompt")
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    return participant_screen(
        request, workshop, me, error={"prompt": prompt_pk, "message": error,
                                      "text": request.POST.get("text", "")}, status=400,
    )


def participant_screen(
    request: HttpRequest,
    workshop: Workshop,
    me: Participant,
    error: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The lobby, or the open round worded for the participant's own group."""
    context: dict[str, Any] = {
        "workshop": workshop,
        "me": me,
        "error": error,
        "live_token": sign_subscription(workshop.stream, [live_updates.group(me.perspective)]),
    }
    if workshop.state == Workshop.State.CLOSED:
        return redirect("workshops:outcome", key=workshop.outcome_key)
    if workshop.current_round is None:
        return render(request, "workshops/lobby.html", context, status=status)
    round_ = workshop.current_round
    context["round"] = round_
    context["prompts"] = boards.prompts_with_notes(workshop, me.perspective)
    context["form_key"] = uuid.uuid4().hex
    if round_.kind == Round.Kind.CHOOSE_ACTIVITIES:
        context.update({
            "perspective": me.perspective,
            "mode": "group",
            "activities": boards.group_activities(workshop, me.perspective),
            "activities_region": boards.activities_region(me.perspective),
            "behaviours": boards.desired_behaviours(workshop, me.perspective),
            "dots_left": workshop.dot_budget - services.dots_used(me),
            "wanted": round_.activities_per_perspective,
        })
        return render(request, "workshops/choose.html", context, status=status)
    return render(request, "workshops/round.html", context, status=status)



def participant_action(request: HttpRequest, code: str) -> tuple[Workshop, Participant | None]:
    workshop = get_object_or_404(Workshop, join_code=code.upper())
    return workshop, current_participant(request, workshop)


def back_to_board(workshop: Workshop, anchor: str) -> HttpResponse:
    response = redirect("workshops:participant", code=workshop.join_code)
    response["Location"] += f"#{anchor}"
    return response


def refused(
    request: HttpRequest, workshop: Workshop, me: Participant, message: str
) -> HttpResponse:
    return participant_screen(request, workshop, me, error={"message": message}, status=400)


@require_http_methods(["POST"])
def propose_activity(request: HttpRequest, code: str) -> HttpResponse:
    workshop, me = participant_action(request, code)
    if me is None:
        return redirect("workshops:participant", code=workshop.join_code)
    behaviours = boards.desired_behaviours(workshop, me.perspective)
    form = ActivityForm(request.POST, behaviours=[(n.pk, n.text) for n in behaviours])
    if not form.is_valid():
        return refused(request, workshop, me, " ".join(
            str(e) for errors in form.errors.values() for e in errors))
    try:
        services.propose_activity(
            me, form.cleaned_data["title"], form.cleaned_data["description"],
            [n for n in behaviours if n.pk in form.cleaned_data["serves"]],
        )
    except services.WorkshopError as error:
        return refused(request, workshop, me, error.message)
    return back_to_board(workshop, "activities")


@require_http_methods(["POST"])
def place_dot(request: HttpRequest, code: str) -> HttpResponse:
    workshop, me = participant_action(request, code)
    if me is None:
        return redirect("workshops:participant", code=workshop.join_code)
    form = DotForm(request.POST)
    activity = None
    if form.is_valid():
        action, activity_pk = form.action_and_activity()
        activity = Activity.objects.filter(pk=activity_pk, workshop=workshop).first()
    if activity is None:
        return refused(request, workshop, me, _("This activity does not exist."))
    try:
        services.place_dot(me, activity, add=action == "add")
    except services.WorkshopError as error:
        return refused(request, workshop, me, error.message)
    return back_to_board(workshop, f"activity-{activity.pk}")


@require_http_methods(["POST"])
def choose_activities(request: HttpRequest, code: str) -> HttpResponse:
    workshop, me = participant_action(request, code)
    if me is None:
        return redirect("workshops:participant", code=workshop.join_code)
    error = confirm_choice(workshop, me.perspective, request)
    if error:
        return refused(request, workshop, me, error)
    return back_to_board(workshop, "activities")


@login_required
@require_http_methods(["POST"])
def choose_for_group(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator confirms the choice on behalf of a group."""
    if not permissions.can_run_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop, pk=pk)
    perspective = request.POST.get("perspective", "")
    if perspective not in Perspective.values:
        return render_console(request, workshop, _("Choose one of the three groups."))
    error = confirm_choice(workshop, perspective, request)
    if error:
        return render_console(request, workshop, error)
    return redirect("workshops:console", pk=workshop.pk)


def confirm_choice(workshop: Workshop, perspective: str, request: HttpRequest) -> str | None:
    """Checks and stores a group's choice; the message to show when it is refused."""
    group = list(Activity.objects.filter(workshop=workshop, perspective=perspective))
    form = ChooseForm(request.POST, choices=[(a.pk, a.title) for a in group])
    if not form.is_valid():
        return _("Choose from the activities of this group.")
    chosen = [a for a in group if a.pk in form.cleaned_data["activities"]]
    try:
        services.choose_activities(workshop, perspective, chosen)
    except services.WorkshopError as error:
        return error.message
    return None


def outcome(request: HttpRequest, key: str) -> HttpResponse:
    """The read-only overview of what the workshop made, for whoever has the link."""
    workshop = get_object_or_404(Workshop.objects.select_related("template"), outcome_key=key)
    return render(request, "workshops/outcome.html", {
        "workshop": workshop,
        **boards.outcome(workshop),
        "outcome_url": request.build_absolute_uri(),
    })


def console_groups(workshop: Workshop) -> list[dict[str, Any]]:
    """The three groups side by side, as the console and the projector show them."""
    return [
        {
            "perspective": perspective,
            "prompts": boards.prompts_with_notes(workshop, perspective.value),
            "activities": boards.group_activities(workshop, perspective.value),
            "activities_region": boards.activities_region(perspective.value),
        }
        for perspective in Perspective
    ]


def how_to_join(request: HttpRequest, workshop: Workshop, qr_scale: int) -> dict[str, str]:
    """The code as it is read aloud, the join address, and its QR code as inline SVG."""
    join_url = request.build_absolute_uri(
        reverse("workshops:participant", args=[workshop.join_code])
    )
    qr = segno.make(join_url, error="m")
    return {
        "code": spoken(workshop.join_code),
        "join_url": join_url,
        "qr_svg": qr.svg_inline(scale=qr_scale, border=2, title=_("QR code to join the workshop")),
    }
