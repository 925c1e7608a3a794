"""Importing a workshop from its JSON document (document.py): on this installation or another
one, with new ids, a new join code and a new outcome link. The template comes along: an
identical one is used when there is one, otherwise it is made. All of it is stored in one
transaction, or — when anything in the file is wrong — nothing at all."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from pydantic import ValidationError

from samenspel.accounts.models import User
from samenspel.followup import services as followup
from samenspel.followup.models import CheckIn, FollowUp, StatusChange, TrackedActivity
from samenspel.method.models import Prompt, PromptText, Round, WorkshopTemplate
from samenspel.reports.document import (
    SCHEMA,
    SCHEMA_VERSION,
    Document,
    FollowUpPart,
    TemplatePart,
    template_part,
)
from samenspel.workshops import services
from samenspel.workshops.models import (
    Activity,
    Contribution,
    Participant,
    Reaction,
    Vote,
    Workshop,
)
from samenspel.workshops.services import WorkshopError

MAX_BYTES = 20 * 1024 * 1024


def read_document(raw: bytes | str) -> Document:
    """The document in a file, or a refusal that says what is wrong with it."""
    if len(raw) > MAX_BYTES:
        raise WorkshopError("file_too_large", _(
            "The file is larger than %(megabytes)d MB. It cannot be a Samenspel workshop."
        ) % {"megabytes": MAX_BYTES // (1024 * 1024)})
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise WorkshopError("not_json", _(
            "The file is not a JSON file. Choose a file that Samenspel exported."
        )) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise WorkshopError("not_a_workshop", _(
            "The file is not a Samenspel workshop. Choose a file that Samenspel exported "
            "as a complete workshop (JSON)."
        ))
    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise WorkshopError("newer_version", _(
            "The file was made by a newer version of Samenspel (file version %(version)d). "
            "This installation reads version %(supported)d. Update Samenspel first."
        ) % {"version": version, "supported": SCHEMA_VERSION})
    if version != SCHEMA_VERSION:
        raise WorkshopError("unknown_version", _(
            "The file has no schema version this installation knows (it reads version "
            "%(supported)d)."
        ) % {"supported": SCHEMA_VERSION})
    try:
        return Document.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = " → ".join(str(part) for part in first["loc"]) or "schema"
        raise WorkshopError("invalid_document", _(
            "The file is not a complete Samenspel workshop: %(where)s is missing or wrong "
            "(%(problem)s). Nothing was imported."
        ) % {"where": where, "problem": first["msg"]}) from None


def import_workshop(raw: bytes | str, created_by: User | None) -> Workshop:
    """The workshop in the file, stored as a new workshop."""
    document = read_document(raw)
    check_references(document)
    try:
        with transaction.atomic():
            return store(document, created_by)
    except IntegrityError:
        raise refused(_("two things in it may only be there once")) from None


def refused(problem: str) -> WorkshopError:
    return WorkshopError("invalid_document", _(
        "The file is not a complete Samenspel workshop: %(problem)s. Nothing was imported."
    ) % {"problem": problem})


def unique(refs: Iterable[str], what: str) -> set[str]:
    seen: set[str] = set()
    for ref in refs:
        if ref in seen:
            raise refused(_("%(what)s %(ref)s appears twice") % {"what": what, "ref": ref})
        seen.add(ref)
    return seen


def check_references(document: Document) -> None:
    """Everything the document points to is in it: each reference, each round and prompt,
    and a vote or reaction at most once per participant."""
    people = unique((p.ref for p in document.participants), _("participant"))
    notes = unique((n.ref for n in document.notes), _("note"))
    activities = unique((a.ref for a in document.activities), _("activity"))
    rounds = {r.number: r for r in document.template.rounds}
    if len(rounds) != len(document.template.rounds):
        raise refused(_("a round number appears twice"))
    for round_ in document.template.rounds:
        positions = {p.position for p in round_.prompts}
        if len(positions) != len(round_.prompts):
            raise refused(_("a question appears twice in round %(number)d")
                          % {"number": round_.number})
        closing = round_.kind == "choose_activities"
        if closing != (round_.activities_per_perspective is not None) or any(
            p.links_to is not None and p.links_to not in positions for p in round_.prompts
        ):
            raise refused(_("round %(number)d is not set up right") % {"number": round_.number})
    workshop = document.workshop
    for number in (workshop.current_round, *workshop.private_rounds, *workshop.revealed_rounds):
        if number is not None and number not in rounds:
            raise refused(_("round %(number)d is not in its template") % {"number": number})
    if any(rounds[n].kind != "reflect" for n in workshop.private_rounds):
        raise refused(_("only writing rounds can be private"))
    missing = [
        *(n.participant for n in document.notes if n.participant and n.participant not in people),
        *(n.links_to for n in document.notes if n.links_to and n.links_to not in notes),
        *(n.merged_into for n in document.notes if n.merged_into and n.merged_into not in notes),
        *(a.proposed_by for a in document.activities
          if a.proposed_by and a.proposed_by not in people),
        *(ref for a in document.activities for ref in a.serves if ref not in notes),
        *(v.participant for a in document.activities for v in a.votes
          if v.participant not in people),
        *(r.participant for a in document.activities for r in a.reactions
          if r.participant not in people),
        *([workshop.shown_activity] if workshop.shown_activity
          and workshop.shown_activity not in activities else []),
    ]
    if missing:
        raise refused(_("it refers to %(ref)s, which is not in the file") % {"ref": missing[0]})
    for note in document.notes:
        answered = rounds.get(note.round)
        if answered is None or all(p.position != note.prompt for p in answered.prompts):
            raise refused(_("note %(ref)s answers a question that is not in its template")
                          % {"ref": note.ref})
    for activity in document.activities:
        unique((v.participant for v in activity.votes), _("a vote of"))
        unique((f"{r.participant} ({r.kind})" for r in activity.reactions), _("a reaction of"))
    if document.follow_up is not None:
        check_follow_up(document.follow_up, workshop.state, notes, activities)


def check_follow_up(
    part: FollowUpPart, state: str, notes: set[str], activities: set[str]
) -> None:
    """A follow-up belongs to a closed workshop; it tracks an activity at most once and
    points only to the notes and activities in the file."""
    if state != "closed":
        raise refused(_("only a closed workshop has a follow-up"))
    unique((t.activity for t in part.activities if t.activity), _("the tracked activity"))
    if any(c.evidence_link and not followup.is_web_address(c.evidence_link)
           for t in part.activities for c in t.check_ins):
        raise refused(_("a check-in's link is not a web address"))
    missing = [
        *(t.activity for t in part.activities if t.activity and t.activity not in activities),
        *(ref for t in part.activities for ref in t.serves if ref not in notes),
    ]
    if missing:
        raise refused(_("it refers to %(ref)s, which is not in the file") % {"ref": missing[0]})


def store(document: Document, created_by: User | None) -> Workshop:
    template = matching_template(document.template) or create_template(document.template)
    rounds = {r.number: r for r in template.rounds.all()}
    part = document.workshop
    workshop = services.create_workshop(
        created_by=created_by, template=template, title=part.title,
        case_description=part.case_description, date=part.date, place=part.place,
        facilitator_names=part.facilitator_names, dot_budget=part.dot_budget,
        private_rounds=[rounds[n] for n in part.private_rounds],
    )
    workshop.revealed_rounds.set([rounds[n] for n in part.revealed_rounds])

    people = Participant.objects.bulk_create(
        Participant(workshop=workshop, perspective=p.perspective, display_name=p.display_name,
                    key=secrets.token_urlsafe(32))
        for p in document.participants
    )
    # auto_now_add set "now" on create: the moments of the workshop itself go back in.
    for joined, p in zip(people, document.participants, strict=True):
        joined.joined_at = p.joined_at
    Participant.objects.bulk_update(people, ["joined_at"])
    person = {p.ref: made for p, made in zip(document.participants, people, strict=True)}

    prompts = {
        (prompt.round.number, prompt.position): prompt
        for prompt in Prompt.objects.filter(round__template=template).select_related("round")
    }
    notes = Contribution.objects.bulk_create(
        Contribution(
            workshop=workshop, perspective=n.perspective, prompt=prompts[(n.round, n.prompt)],
            participant=person.get(n.participant or ""), text=n.text, hidden=n.hidden,
            hidden_reason=n.hidden_reason, edited_at=n.edited_at,
        )
        for n in document.notes
    )
    note = {n.ref: made for n, made in zip(document.notes, notes, strict=True)}
    for written, n in zip(notes, document.notes, strict=True):
        written.created_at = n.created_at
        written.links_to = note.get(n.links_to or "")
        written.merged_into = note.get(n.merged_into or "")
    Contribution.objects.bulk_update(notes, ["created_at", "links_to", "merged_into"])

    activities = stored_at(Activity, [
        (Activity(workshop=workshop, perspective=a.perspective, title=a.title,
                  description=a.description, proposed_by=person.get(a.proposed_by or ""),
                  chosen=a.chosen), a.created_at)
        for a in document.activities
    ])
    Activity.serves.through.objects.bulk_create(
        Activity.serves.through(activity=made, contribution=note[ref])
        for made, a in zip(activities, document.activities, strict=True) for ref in a.serves
    )
    Vote.objects.bulk_create(
        Vote(activity=made, participant=person[v.participant], dots=v.dots)
        for made, a in zip(activities, document.activities, strict=True) for v in a.votes
    )
    stored_at(Reaction, [
        (Reaction(activity=made, participant=person[r.participant], kind=r.kind), r.created_at)
        for made, a in zip(activities, document.activities, strict=True) for r in a.reactions
    ])

    activity = {a.ref: made for a, made in zip(document.activities, activities, strict=True)}
    workshop.state = part.state
    workshop.current_round = rounds.get(part.current_round or 0)
    workshop.round_open = part.round_open
    workshop.timer_ends_at = part.timer_ends_at
    workshop.shown_activity = activity.get(part.shown_activity or "")
    workshop.created_at = part.created_at
    workshop.save(update_fields=["state", "current_round", "round_open", "timer_ends_at",
                                 "shown_activity", "created_at"])
    if document.follow_up is not None:
        store_follow_up(workshop, document.follow_up, note, activity)
    return workshop


def store_follow_up(
    workshop: Workshop, part: FollowUpPart, note: dict[str, Contribution],
    activity: dict[str, Activity],
) -> None:
    """The tracked activities with their history as the file has them; then the follow-up
    adds what belongs to this installation (new check-in links, a new progress address)."""
    FollowUp.objects.create(workshop=workshop, is_public=part.is_public)
    tracked = stored_at(TrackedActivity, [
        (TrackedActivity(
            workshop=workshop, activity=activity.get(t.activity or ""), title=t.title,
            description=t.description, owner=t.owner, owner_organisation=t.owner_organisation,
            contact_name=t.contact_name, contact_email=t.contact_email,
            how_we_notice=t.how_we_notice, target_date=t.target_date, status=t.status,
            reminded_on=t.reminded_on, created_on=t.created_on,
        ), t.created_at)
        for t in part.activities
    ])
    TrackedActivity.serves.through.objects.bulk_create(
        TrackedActivity.serves.through(trackedactivity=made, contribution=note[ref])
        for made, t in zip(tracked, part.activities, strict=True) for ref in t.serves
    )
    stored_at(StatusChange, [
        (StatusChange(activity=made, date=c.date, from_status=c.from_status,
                      to_status=c.to_status), c.created_at)
        for made, t in zip(tracked, part.activities, strict=True) for c in t.status_changes
    ])
    stored_at(CheckIn, [
        (CheckIn(activity=made, perspective=c.perspective, date=c.date, done=c.done,
                 worked=c.worked, evidence=c.evidence, evidence_link=c.evidence_link,
                 left_to_do=c.left_to_do, key=followup.new_check_in_key()), c.created_at)
        for made, t in zip(tracked, part.activities, strict=True) for c in t.check_ins
    ])
    followup.track_activities(workshop)


def stored_at[M: models.Model](model: type[M], rows: list[tuple[M, datetime]]) -> list[M]:
    """Stores the rows, then gives each the moment it was made (auto_now_add set "now")."""
    made = model._default_manager.bulk_create([row for row, _at in rows])
    for row, (_unsaved, moment) in zip(made, rows, strict=True):
        row.created_at = moment  # type: ignore[attr-defined]
    model._default_manager.bulk_update(made, ["created_at"])
    return made


def matching_template(part: TemplatePart) -> WorkshopTemplate | None:
    """A template here with exactly the same rounds, prompts and wording."""
    for template in WorkshopTemplate.objects.all():
        if template_part(template) == part:
            return template
    return None


def create_template(part: TemplatePart) -> WorkshopTemplate:
    template = WorkshopTemplate.objects.create(
        title_nl=part.title_nl, title_en=part.title_en, description_nl=part.description_nl,
        description_en=part.description_en, is_default=False,
    )
    for round_part in part.rounds:
        round_ = Round.objects.create(
            template=template, number=round_part.number, kind=round_part.kind,
            title_nl=round_part.title_nl, title_en=round_part.title_en,
            intro_nl=round_part.intro_nl, intro_en=round_part.intro_en,
            activities_per_perspective=round_part.activities_per_perspective,
        )
        made = {
            p.position: Prompt.objects.create(
                round=round_, position=p.position, kind=p.kind, label_nl=p.label_nl,
                label_en=p.label_en,
            )
            for p in round_part.prompts
        }
        for p in round_part.prompts:
            if p.links_to is not None:
                made[p.position].links_to = made[p.links_to]
                made[p.position].save(update_fields=["links_to"])
            PromptText.objects.bulk_create(
                PromptText(prompt=made[p.position], perspective=t.perspective,
                           text_nl=t.text_nl, text_en=t.text_en)
                for t in p.texts
            )
    return template
