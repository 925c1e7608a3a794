"""Pages of a workshop: the facilitator prepares and watches it; a participant joins it by
code on a phone, without an account."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samenspel.accounts import permissions
from samenspel.live.subscriptions import sign_subscription
from samenspel.method.perspectives import PERSPECTIVES
from samenspel.workshops import live_updates, services
from samenspel.workshops.forms import JoinCodeForm, JoinForm, WorkshopForm
from samenspel.workshops.join_codes import spoken
from samenspel.workshops.models import Participant, Workshop

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
        workshop = services.create_workshop(created_by=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        return redirect("workshops:console", pk=workshop.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "workshops/form.html", {"form": form}, status=status)


@login_required
def console(request: HttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_view_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop.objects.select_related("template"), pk=pk)
    join_url = request.build_absolute_uri(
        reverse("workshops:participant", args=[workshop.join_code])
    )
    qr = segno.make(join_url, error="m")
    return render(request, "workshops/console.html", {
        "workshop": workshop,
        "code": spoken(workshop.join_code),
        "join_url": join_url,
        "qr_svg": qr.svg_inline(scale=6, border=2, title=_("QR code to join the workshop")),
        "counts": services.people_per_perspective(workshop),
        "live_token": sign_subscription(workshop.stream, [live_updates.CONSOLE]),
    })


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
        return render(request, "workshops/lobby.html", {"workshop": workshop, "me": me})
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
