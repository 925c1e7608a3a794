"""Pages of a workshop: the facilitator prepares and watches it; a participant joins it by
code on a phone, without an account."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenspel.accounts import audit, permissions
from samenspel.accounts.models import User
from samenspel.live.subscriptions import sign_subscription
from samenspel.method.models import Prompt, Round
from samenspel.method.perspectives import PERSPECTIVES, Perspective
from samenspel.workshops import boards, code_guessing, live_updates, services, steps
from samenspel.workshops.forms import (
    ActivityForm,
    ChooseForm,
    DotForm,
    JoinCodeForm,
    JoinForm,
    NoteEditForm,
    NoteForm,
    ReactionForm,
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
        try:
            workshop = services.create_workshop(created_by=creator, **form.cleaned_data)
        except services.WorkshopError as error:
            form.add_error(None, error.message)
        else:
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
        "counts": boards.people_per_perspective(workshop),
        "rounds": workshop.template.rounds.all(),
        "groups": console_groups(workshop),
        "private": workshop.notes_are_private(workshop.current_round),
        "move_choices": boards.move_choices(workshop),
        "shared": boards.shared_activities(workshop),
        "shown": boards.shown(workshop),
        "can_run": permissions.can_run_workshops(request.user),
        "step_room": step_room(request, workshop, live_updates.CONSOLE),
        "live_token": sign_subscription(workshop.stream, [live_updates.CONSOLE]),
    }, status=400 if refusal else 200)


@login_required
def projector(request: HttpRequest, pk: int) -> HttpResponse:
    """The big screen: readable from the back of the room, live, without controls."""
    if not permissions.can_view_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop.objects.select_related("template"), pk=pk)
    return render(request, "workshops/projector.html", {
        "workshop": workshop,
        **how_to_join(request, workshop, qr_scale=10),
        "counts": boards.people_per_perspective(workshop),
        "groups": console_groups(workshop),
        "shared": boards.shared_activities(workshop),
        "shown": boards.shown(workshop),
        "step_room": step_room(request, workshop, live_updates.PROJECTOR),
        "live_token": sign_subscription(workshop.stream, [live_updates.PROJECTOR]),
    })


def step_room(request: HttpRequest, workshop: Workshop, audience: str) -> str:
    """During a round another app runs (the role compass): what it shows the room."""
    step = steps.of(workshop.current_round) if workshop.state != Workshop.State.CLOSED else None
    return step.room(request, workshop, audience) if step is not None else ""


def facilitator_action(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """A console form post by someone who runs workshops: the view gets the workshop, and a
    rule that says no shows the console again with the reason (400)."""

    @login_required
    @require_http_methods(["POST"])
    @wraps(view)
    def action(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.can_run_workshops(request.user):
            raise Http404
        workshop = get_object_or_404(Workshop.objects.select_related("template"), pk=pk)
        try:
            response = view(request, workshop, *args, **kwargs)
        except services.WorkshopError as error:
            return render_console(request, workshop, error.message)
        audit.record(request.user, view.__name__, workshop=workshop.pk, **kwargs,
                     **{name: request.POST[name] for name in AUDITED_FIELDS
                        if name in request.POST})
        return response

    return action


# What a console form says that the audit log keeps: which round, group or action — never a
# text someone typed.
AUDITED_FIELDS = ("action", "round", "perspective", "activity", "prompt")


def to_console(workshop: Workshop) -> HttpResponse:
    return redirect("workshops:console", pk=workshop.pk)


def refuse(code: str, message: str) -> services.WorkshopError:
    """A refusal found by the view itself (a form that does not parse, say)."""
    return services.WorkshopError(code, message)


@facilitator_action
def change_timer(request: HttpRequest, workshop: Workshop) -> HttpResponse:
    form = TimerForm(request.POST)
    if not form.is_valid():
        raise refuse("bad_timer", _("Choose between 1 and 120 minutes."))
    if form.cleaned_data["action"] == "start":
        services.start_timer(workshop, form.cleaned_data["minutes"] or 0)
    else:
        services.stop_timer(workshop)
    return to_console(workshop)


@facilitator_action
def add_paper_note(request: HttpRequest, workshop: Workshop) -> HttpResponse:
    """Notes written on paper in the room, typed in by the facilitator for a group."""
    prompt = current_prompt(workshop, request.POST.get("prompt", ""))
    if prompt is None:
        raise refuse("round_closed", _("This round is closed. You cannot add notes now."))
    services.add_paper_note(
        workshop, request.POST.get("perspective", ""), prompt, request.POST.get("text", "")
    )
    return to_console(workshop)


@facilitator_action
def hide_note(request: HttpRequest, workshop: Workshop, note_pk: int) -> HttpResponse:
    services.hide_note(workshop, note_of(workshop, note_pk), request.POST.get("reason", ""))
    return to_console(workshop)


@login_required
@require_http_methods(["GET", "POST"])
def merge_note(request: HttpRequest, pk: int, note_pk: int) -> HttpResponse:
    """Choose the note that says the same, and merge this one into it. A page of its own:
    the console would otherwise list every other note under every note."""
    if not permissions.can_run_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop, pk=pk)
    note = get_object_or_404(
        Contribution.objects.visible().select_related("prompt"), pk=note_pk, workshop=workshop
    )
    refusal = ""
    if request.method == "POST":
        into = request.POST.get("into", "")
        try:
            services.merge_notes(workshop, note, note_of(workshop, int(into) if into.isdigit()
                                                         else 0))
        except services.WorkshopError as error:
            refusal = error.message
        else:
            audit.record(request.user, "merge_note", workshop=workshop.pk, note=note.pk,
                         into=into)
            return to_console(workshop)
    return render(request, "workshops/merge.html", {
        "workshop": workshop, "note": note, "refusal": refusal,
        "candidates": Contribution.objects.of_group(workshop, note.perspective)
        .filter(prompt=note.prompt).exclude(pk=note.pk),
    }, status=400 if refusal else 200)


@facilitator_action
def move_note(request: HttpRequest, workshop: Workshop, note_pk: int) -> HttpResponse:
    typed = request.POST.get("prompt", "")
    prompt = workshop.prompt(int(typed)) if typed.isdigit() else None
    if prompt is None:
        raise refuse("unknown_prompt", _("This question is not part of this workshop."))
    services.move_note(workshop, note_of(workshop, note_pk), prompt)
    return to_console(workshop)


@facilitator_action
def reveal_notes(request: HttpRequest, workshop: Workshop) -> HttpResponse:
    if workshop.current_round is None:
        raise refuse("not_private", _("In this round everyone sees the notes already."))
    services.reveal_notes(workshop, workshop.current_round)
    return to_console(workshop)


@facilitator_action
def show_activity(request: HttpRequest, workshop: Workshop) -> HttpResponse:
    """Put a chosen activity on the projector: the one asked for, or the next one."""
    shared = [item["activity"] for item in boards.shared_activities(workshop)]
    asked = request.POST.get("activity", "")
    if asked == "next":
        current = [a.pk for a in shared].index(workshop.shown_activity_id) if any(
            a.pk == workshop.shown_activity_id for a in shared) else -1
        activity = shared[(current + 1) % len(shared)] if shared else None
    else:
        activity = next((a for a in shared if str(a.pk) == asked), None)
    if activity is None:
        raise refuse("not_chosen", _("Only activities a group has chosen can be shared."))
    services.show_activity(workshop, activity)
    return to_console(workshop)


@facilitator_action
def change_round(request: HttpRequest, workshop: Workshop) -> HttpResponse:
    form = RoundForm(request.POST)
    if not form.is_valid():
        raise refuse("bad_action", _("This change is not possible."))
    if form.cleaned_data["action"] == "open":
        round_ = Round.objects.filter(
            pk=form.cleaned_data["round"], template=workshop.template
        ).first()
        if round_ is None:
            raise refuse("unknown_round", _("This round is not part of this workshop."))
        services.open_round(workshop, round_)
    elif form.cleaned_data["action"] == "close":
        services.close_round(workshop)
    else:
        services.close_workshop(workshop)
    return to_console(workshop)


@facilitator_action
def choose_for_group(request: HttpRequest, workshop: Workshop) -> HttpResponse:
    """The facilitator confirms the choice on behalf of a group."""
    perspective = request.POST.get("perspective", "")
    if perspective not in Perspective.values:
        raise refuse("unknown_perspective", _("Choose one of the three groups."))
    confirm_choice(workshop, perspective, request)
    return to_console(workshop)


def note_of(workshop: Workshop, note_pk: int) -> Contribution:
    note = Contribution.objects.filter(pk=note_pk, workshop=workshop).select_related(
        "prompt__round", "links_to"
    ).first()
    if note is None:
        raise refuse("unknown_note", _("This note is not part of this workshop."))
    return note


def current_prompt(workshop: Workshop, typed: str) -> Prompt | None:
    """A prompt of the current round, from a form's value."""
    if workshop.current_round is None or not typed.isdigit():
        return None
    prompt = workshop.prompt(int(typed))
    return prompt if prompt is not None and prompt.round_id == workshop.current_round_id else None


# -- Participant -------------------------------------------------------------------------


def enter_code(request: HttpRequest) -> HttpResponse:
    """The code box on the home page (a GET form, so it also works as a link)."""
    form = JoinCodeForm(request.GET or None)
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            code = form.cleaned_data["code"]
            found = Workshop.objects.filter(join_code=code).exists()
            code_guessing.looked_up(request, found)
            if found:
                return redirect("workshops:participant", code=code)
            status = 404
            form.add_error(
                "code", _("There is no workshop with this code. Check the code and try again.")
            )
    return render(request, "workshops/enter_code.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def participant(request: HttpRequest, code: str) -> HttpResponse:
    try:
        workshop, me = participant_for_code(request, code)
    except Http404:
        return render(request, "workshops/not_found.html", status=404)
    if me is not None:
        return participant_screen(request, workshop, me)
    if not workshop.is_open_for_joining:
        return render(request, "workshops/ended.html", {"workshop": workshop}, status=410)
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            joined = services.join_workshop(
                workshop, form.cleaned_data["perspective"], form.cleaned_data["display_name"],
                join_key=form.cleaned_data["key"],
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


# Refusals that say "this is someone else's": a 403, like the API's.
NOT_YOURS = ("not_your_note", "other_group")


def participant_for_code(request: HttpRequest, code: str) -> tuple[Workshop, Participant | None]:
    """The workshop of a code in a phone's address, and the participant this phone is in it.
    A code that does not exist is a 404 and counts as a guess; someone not known yet waits
    while their address must (code_guessing.py)."""
    workshop = Workshop.objects.select_related("template", "current_round").filter(
        join_code=code.upper()).first()
    me = current_participant(request, workshop) if workshop is not None else None
    if me is None:
        code_guessing.looked_up(request, workshop is not None)
    if workshop is None:
        raise Http404
    return workshop, me


def participant_action(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """A form post from a participant's phone: the view gets the workshop and the
    participant (or the phone is sent to join first), and a rule that says no shows the
    phone's page again with the reason (400)."""

    @require_http_methods(["POST"])
    @wraps(view)
    def action(request: HttpRequest, code: str, *args: Any, **kwargs: Any) -> HttpResponse:
        workshop, me = participant_for_code(request, code)
        if me is None:
            return redirect("workshops:participant", code=workshop.join_code)
        try:
            with services.once(me, request.POST.get("key", "")) as first_time:
                if not first_time:
                    return back_to_board(workshop, "")  # done already: show where it stands
                return view(request, workshop, me, *args, **kwargs)
        except IntegrityError:
            # The same post twice at the same moment: the other copy was stored.
            return back_to_board(workshop, "")
        except services.WorkshopError as error:
            typed = request.POST.get("prompt", "")
            status = 403 if error.code in NOT_YOURS else 400
            return participant_screen(request, workshop, me, status=status, error={
                "message": error.message,
                # The note form to show the message at, with what was typed.
                "prompt": int(typed) if typed.isdigit() else None,
                "text": request.POST.get("text", ""),
            })

    return action


@require_http_methods(["GET", "POST"])
def my_data(request: HttpRequest, code: str) -> HttpResponse:
    """What Samenspel stores about this phone's participant, and "delete all my notes"."""
    workshop, me = participant_for_code(request, code)
    if me is None:
        return redirect("workshops:participant", code=workshop.join_code)
    deleted = None
    if request.method == "POST" and request.POST.get("action") == "delete_notes":
        deleted = services.delete_my_notes(me)
    return render(request, "workshops/my_data.html", {
        "workshop": workshop, "me": me, "deleted": deleted,
        "notes": me.contributions.select_related("prompt__round").order_by("created_at"),
        "dots": me.votes.select_related("activity"),
        "reactions": me.reactions.select_related("activity"),
    })


def form_refusal(form: forms.Form) -> services.WorkshopError:
    return refuse("invalid_form", " ".join(str(e) for errors in form.errors.values()
                                           for e in errors))


def back_to_board(workshop: Workshop, anchor: str) -> HttpResponse:
    response = redirect("workshops:participant", code=workshop.join_code)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@participant_action
def add_note(request: HttpRequest, workshop: Workshop, me: Participant) -> HttpResponse:
    form = NoteForm(request.POST)
    if not form.is_valid():
        raise form_refusal(form)
    prompt = current_prompt(workshop, request.POST.get("prompt", ""))
    if prompt is None:
        raise refuse("round_closed", _("This round is closed. You cannot add notes now."))
    services.add_contribution(
        me, prompt, form.cleaned_data["text"],
        linked_note(workshop, form.cleaned_data["links_to"]), form.cleaned_data["key"],
    )
    return back_to_board(workshop, f"prompt-{prompt.pk}")


@participant_action
def edit_note(
    request: HttpRequest, workshop: Workshop, me: Participant, note_pk: int
) -> HttpResponse:
    note = note_of(workshop, note_pk)
    form = NoteEditForm(request.POST)
    if not form.is_valid():
        raise form_refusal(form)
    services.edit_contribution(
        me, note, form.cleaned_data["text"], linked_note(workshop, form.cleaned_data["links_to"])
    )
    return back_to_board(workshop, f"prompt-{note.prompt_id}")


@participant_action
def delete_note(
    request: HttpRequest, workshop: Workshop, me: Participant, note_pk: int
) -> HttpResponse:
    note = note_of(workshop, note_pk)
    services.delete_contribution(me, note)
    return back_to_board(workshop, f"prompt-{note.prompt_id}")


def linked_note(workshop: Workshop, pk: int | None) -> Contribution | None:
    """The note a new note belongs to; a link to a note that is not there is refused."""
    if pk is None:
        return None
    note = Contribution.objects.filter(pk=pk, workshop=workshop).first()
    if note is None:
        raise refuse("bad_link", _("You can only link to a note of your own group."))
    return note


# Sent by forms.js with a form it posts in the background while the phone's socket is up.
BACKGROUND_ANSWER = "X-Samenspel-Answer"


def participant_screen(
    request: HttpRequest,
    workshop: Workshop,
    me: Participant,
    error: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The lobby, the open round worded for the participant's own group, or the sharing."""
    if workshop.state == Workshop.State.CLOSED:
        return redirect("workshops:outcome", key=workshop.outcome_key)
    context: dict[str, Any] = {
        "workshop": workshop,
        "me": me,
        "error": error,
        "live_token": sign_subscription(
            workshop.stream, [live_updates.group(me.perspective), live_updates.participant(me)]
        ),
    }
    if workshop.current_round is None:
        return render(request, "workshops/lobby.html", context, status=status)
    round_ = workshop.current_round
    context["round"] = round_
    if workshop.is_sharing:
        pressed = boards.my_reactions(me)
        shared = boards.shared_activities(workshop)
        for item in shared:
            item["pressed"] = {kind for pk, kind in pressed if pk == item["activity"].pk}
        context.update({"shared": shared, "shown": boards.shown(workshop)})
        return render(request, "workshops/share.html", context, status=status)
    step = steps.of(round_)
    if step is not None:
        return step.phone(request, workshop, me)
    # A note round's answer to a background post: the group's lists come by the socket.
    answer_only_mine = (
        request.headers.get(BACKGROUND_ANSWER) == "mine" and error is None
        and round_.kind != Round.Kind.CHOOSE_ACTIVITIES
    )
    context["prompts"] = boards.prompts_with_notes(
        workshop, me.perspective, me=me, whole=not answer_only_mine
    )
    context["private"] = workshop.notes_are_private(round_)
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
    if answer_only_mine:
        return render(request, "workshops/answer.html", context, status=status)
    return render(request, "workshops/round.html", context, status=status)



@participant_action
def propose_activity(request: HttpRequest, workshop: Workshop, me: Participant) -> HttpResponse:
    behaviours = boards.desired_behaviours(workshop, me.perspective)
    form = ActivityForm(request.POST, behaviours=[(n.pk, n.text) for n in behaviours])
    if not form.is_valid():
        raise form_refusal(form)
    services.propose_activity(
        me, form.cleaned_data["title"], form.cleaned_data["description"],
        [n for n in behaviours if n.pk in form.cleaned_data["serves"]],
    )
    return back_to_board(workshop, "activities")


@participant_action
def place_dot(request: HttpRequest, workshop: Workshop, me: Participant) -> HttpResponse:
    form = DotForm(request.POST)
    activity = None
    if form.is_valid():
        action, activity_pk = form.action_and_activity()
        activity = Activity.objects.filter(pk=activity_pk, workshop=workshop).first()
    if activity is None:
        raise refuse("unknown_activity", _("This activity does not exist."))
    services.place_dot(me, activity, add=action == "add")
    return back_to_board(workshop, f"activity-{activity.pk}")


@participant_action
def choose_activities(request: HttpRequest, workshop: Workshop, me: Participant) -> HttpResponse:
    confirm_choice(workshop, me.perspective, request)
    return back_to_board(workshop, "activities")


@participant_action
def react(request: HttpRequest, workshop: Workshop, me: Participant) -> HttpResponse:
    form = ReactionForm(request.POST)
    activity = None
    if form.is_valid():
        activity = Activity.objects.filter(
            pk=form.cleaned_data["activity"], workshop=workshop
        ).first()
    if activity is None:
        raise refuse("unknown_activity", _("This activity does not exist."))
    kind, on = form.kind_and_on()
    services.react_to_activity(me, activity, kind, on)
    return back_to_board(workshop, f"share-{activity.pk}")


def confirm_choice(workshop: Workshop, perspective: str, request: HttpRequest) -> None:
    """Checks and stores a group's choice from the ticked boxes."""
    group = list(Activity.objects.filter(workshop=workshop, perspective=perspective))
    form = ChooseForm(request.POST, choices=[(a.pk, a.title) for a in group])
    if not form.is_valid():
        raise refuse("other_group", _("Choose from the activities of this group."))
    chosen = [a for a in group if a.pk in form.cleaned_data["activities"]]
    services.choose_activities(workshop, perspective, chosen)


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
