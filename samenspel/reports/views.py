"""Downloads of a workshop's outcome, and importing a workshop from its file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samenspel.accounts import audit, permissions
from samenspel.accounts.models import User
from samenspel.reports import exports, restore
from samenspel.reports.forms import ImportForm
from samenspel.workshops.models import Workshop
from samenspel.workshops.services import WorkshopError


@require_GET
def outcome_download(request: HttpRequest, key: str) -> HttpResponse:
    """What the outcome page shows, as a file, for whoever has its link."""
    workshop = get_object_or_404(Workshop.objects.select_related("template"), outcome_key=key)
    return download(request, workshop, staff=False)


@login_required
@require_GET
def workshop_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The same from the console, and the complete workshop; also while it runs."""
    if not permissions.can_view_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop.objects.select_related("template"), pk=pk)
    return download(request, workshop, staff=True)


def download(request: HttpRequest, workshop: Workshop, *, staff: bool) -> HttpResponse:
    outcome_url = request.build_absolute_uri(
        reverse("workshops:outcome", args=[workshop.outcome_key])
    )
    try:
        made = exports.export_workshop(
            workshop, request.GET.get("format", "pdf"),
            request.GET.get("language", (get_language() or "nl").split("-")[0]),
            staff=staff, outcome_url=outcome_url,
        )
    except WorkshopError as error:
        return render(request, "reports/refused.html", {
            "workshop": workshop, "message": error.message,
            "back": reverse("workshops:console", args=[workshop.pk]) if staff else outcome_url,
        }, status=400)
    audit.record(request.user, "export_workshop", workshop=workshop.pk,
                 format=request.GET.get("format", "pdf"))
    return file_response(made)


def file_response(made: exports.Export) -> HttpResponse:
    response = HttpResponse(made.content, content_type=made.content_type)
    response["Content-Disposition"] = content_disposition_header(True, made.filename)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_workshop(request: HttpRequest) -> HttpResponse:
    """A facilitator uploads a workshop file; it becomes a new workshop here."""
    if not permissions.can_run_workshops(request.user):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        creator = request.user if isinstance(request.user, User) else None
        try:
            workshop = restore.import_workshop(form.cleaned_data["file"].read(), creator)
        except WorkshopError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("The workshop was imported. It has a new join code "
                                        "and a new outcome link."))
            audit.record(request.user, "import_workshop", workshop=workshop.pk)
            return redirect("workshops:console", pk=workshop.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/import.html", {"form": form}, status=status)
