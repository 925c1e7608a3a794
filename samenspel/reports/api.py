"""The exports through the JSON API: any format of a workshop for staff (the complete JSON
document too), the outcome's formats for whoever has its link, and importing a workshop
from its JSON document. Refusals have the API's one shape (core/api_errors.py)."""

from __future__ import annotations

from typing import Annotated

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import StringConstraints

from samenspel.accounts.api_auth import StaffToken
from samenspel.core.api_errors import REFUSALS, ApiError, refusals_as_api_errors
from samenspel.reports import exports, restore
from samenspel.reports.views import file_response
from samenspel.workshops.api import (
    FACILITATORS,
    REFUSAL_STATUS,
    console_workshop,
    facilitator,
    workshop_for,
)
from samenspel.workshops.api_auth import ParticipantToken
from samenspel.workshops.api_schemas import ConsoleWorkshopOut, Id, OutcomeKey
from samenspel.workshops.models import Workshop
from samenspel.workshops.services import WorkshopError

# The export builds the document itself: a format or language it does not know gets its
# refusal (400 unknown_format, unknown_language), not a schema error.
Choice = Annotated[str, StringConstraints(max_length=20)]


class ExportQuery(Schema):
    format: Choice = "json"
    language: Choice = "nl"


FILE = {200: None, **REFUSALS}
FORMATS_TEXT = ", ".join(f"`{f.key}`" for f in exports.FORMATS)

router = Router(auth=[StaffToken(), ParticipantToken()])
router.add_decorator(refusals_as_api_errors(WorkshopError, REFUSAL_STATUS))


@router.get("/workshops/{workshop_id}/export", response=FILE, tags=[FACILITATORS],
            summary="The workshop as a file, also while it runs")
def export_workshop(request: HttpRequest, workshop_id: Id,
                    query: Query[ExportQuery]) -> HttpResponse:
    """`format` is one of """ + FORMATS_TEXT + """; `json` (the default) is the complete
    workshop, which `POST /imports` takes back. `language` is `nl` or `en`."""
    workshop = workshop_for(request, workshop_id)
    return file_response(exports.export_workshop(
        workshop, query.format, query.language, staff=True,
        outcome_url=outcome_url(request, workshop),
    ))


@router.get("/outcome/{key}/export", auth=None, response=FILE, tags=["outcome"],
            summary="The outcome as a file, for whoever has its link")
def export_outcome(request: HttpRequest, key: OutcomeKey,
                   query: Query[ExportQuery]) -> HttpResponse:
    """The outcome page's downloads: every format but the complete workshop (`json`).
    The default is the PDF report."""
    workshop = Workshop.objects.select_related("template").filter(outcome_key=key).first()
    if workshop is None:
        raise ApiError(404, "unknown_outcome", _("There is no outcome at this address."))
    asked = query.format if "format" in query.model_fields_set else "pdf"
    return file_response(exports.export_workshop(
        workshop, asked, query.language, staff=False,
        outcome_url=outcome_url(request, workshop),
    ))


class ImportedOut(Schema):
    workshop: ConsoleWorkshopOut


@router.post("/imports", response={201: ImportedOut, 413: REFUSALS[400], **REFUSALS},
             tags=[FACILITATORS], summary="Import a workshop from its JSON document")
def import_workshop(request: HttpRequest) -> Status[ImportedOut]:
    """The body is the document `GET /workshops/{id}/export?format=json` gave, from this
    installation or another one. The workshop is stored anew, with a new join code and
    outcome link, in one transaction: a document with anything wrong stores nothing."""
    creator = facilitator(request, change=True)
    try:
        body = request.body
    except RequestDataTooBig:
        raise ApiError(413, "file_too_large", _("The document is too large.")) from None
    workshop = restore.import_workshop(body, creator)
    return Status(201, ImportedOut(workshop=console_workshop(request, workshop)))


def outcome_url(request: HttpRequest, workshop: Workshop) -> str:
    return request.build_absolute_uri(reverse("workshops:outcome", args=[workshop.outcome_key]))
