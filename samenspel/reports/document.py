"""The complete workshop as one JSON document: the backup, and the way from one installation
to another. Everything the workshop holds is in it — its template, the participants (their
perspective and the name they gave, never their secret key), every note (hidden and merged
ones too, with the reason), the activities with their dots and reactions, and — once the
workshop is closed — its follow-up (tracked activities, status changes, check-ins) — and
nothing that only means something on this installation (database ids, the join code, the
outcome link, the check-in links and the progress page's address, who recorded what).
The document numbers things itself ("p1", "n1", "a1") in the order they happened, so one
workshop always gives the same document: export → import → export is identical."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Final, Literal

from pydantic import AwareDatetime, ConfigDict, Field

from samenspel.followup.models import FollowUp, TrackedActivity
from samenspel.method.models import WorkshopTemplate
from samenspel.workshops.api_schemas import In
from samenspel.workshops.models import Activity, Contribution, Workshop

SCHEMA: Final = "samenspel.workshop"
SCHEMA_VERSION: Final = 1

PerspectiveValue = Literal["government", "organisations", "community"]
PromptKind = Literal[
    "desired_behaviour", "activating_belief", "routine", "hindering_thought", "activity", "open"
]
Ref = Annotated[str, Field(min_length=1, max_length=20)]
Number = Annotated[int, Field(ge=1, le=32767)]


class Part(In):
    """A part of the document: no field more or less than the schema says, and (as in any
    request body) no NUL character in any text."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class PromptTextPart(Part):
    perspective: PerspectiveValue
    text_nl: str = Field(min_length=1, max_length=4000)
    text_en: str = Field("", max_length=4000)


class PromptPart(Part):
    position: Number
    kind: PromptKind
    label_nl: str = Field(min_length=1, max_length=120)
    label_en: str = Field("", max_length=120)
    # The position of the prompt in the same round that a note on this one belongs to.
    links_to: Number | None = None
    texts: list[PromptTextPart] = []


class RoundPart(Part):
    number: Number
    kind: Literal["reflect", "choose_activities", "role_compass", "review"]
    title_nl: str = Field(min_length=1, max_length=200)
    title_en: str = Field("", max_length=200)
    intro_nl: str = Field("", max_length=4000)
    intro_en: str = Field("", max_length=4000)
    activities_per_perspective: Number | None = None
    prompts: list[PromptPart] = []


class TemplatePart(Part):
    title_nl: str = Field(min_length=1, max_length=200)
    title_en: str = Field("", max_length=200)
    description_nl: str = Field("", max_length=4000)
    description_en: str = Field("", max_length=4000)
    rounds: list[RoundPart]


class WorkshopPart(Part):
    title: str = Field(min_length=1, max_length=200)
    case_description: str = Field(max_length=4000)
    date: dt.date | None = None
    place: str = Field("", max_length=200)
    facilitator_names: str = Field("", max_length=200)
    state: Literal["lobby", "running", "closed"]
    current_round: Number | None = None
    round_open: bool = False
    timer_ends_at: AwareDatetime | None = None
    dot_budget: int = Field(3, ge=0, le=32767)
    private_rounds: list[Number] = []
    revealed_rounds: list[Number] = []
    shown_activity: Ref | None = None
    created_at: AwareDatetime


class ParticipantPart(Part):
    ref: Ref
    perspective: PerspectiveValue
    display_name: str = Field("", max_length=60)
    joined_at: AwareDatetime


class NotePart(Part):
    ref: Ref
    round: Number
    prompt: Number
    perspective: PerspectiveValue
    participant: Ref | None = None
    text: str = Field(min_length=1, max_length=Contribution.MAX_LENGTH)
    links_to: Ref | None = None
    hidden: bool = False
    hidden_reason: str = Field("", max_length=200)
    merged_into: Ref | None = None
    created_at: AwareDatetime
    edited_at: AwareDatetime | None = None


class VotePart(Part):
    participant: Ref
    dots: Number


class ReactionPart(Part):
    participant: Ref
    kind: Literal["support", "concern", "help"]
    created_at: AwareDatetime


class ActivityPart(Part):
    ref: Ref
    perspective: PerspectiveValue
    title: str = Field(min_length=1, max_length=120)
    description: str = Field("", max_length=500)
    serves: list[Ref] = []
    proposed_by: Ref | None = None
    chosen: bool = False
    created_at: AwareDatetime
    votes: list[VotePart] = []
    reactions: list[ReactionPart] = []


StatusValue = Literal["planned", "started", "done", "stopped"]
FollowUpText = Annotated[str, Field(max_length=2000)]


class StatusChangePart(Part):
    date: dt.date
    from_status: StatusValue
    to_status: StatusValue
    created_at: AwareDatetime


class CheckInPart(Part):
    perspective: PerspectiveValue
    date: dt.date
    done: str = Field(min_length=1, max_length=2000)
    worked: Literal["yes", "partly", "no", "unknown"]
    evidence: FollowUpText = ""
    evidence_link: str = Field("", max_length=500)
    left_to_do: FollowUpText = ""
    created_at: AwareDatetime


class TrackedActivityPart(Part):
    # The chosen activity it came from; none for one staff added by hand.
    activity: Ref | None = None
    title: str = Field(min_length=1, max_length=120)
    description: str = Field("", max_length=500)
    owner: PerspectiveValue
    owner_organisation: str = Field("", max_length=120)
    contact_name: str = Field("", max_length=120)
    contact_email: str = Field("", max_length=254)
    how_we_notice: str = Field("", max_length=1000)
    target_date: dt.date | None = None
    status: StatusValue = "planned"
    serves: list[Ref] = []
    reminded_on: dt.date | None = None
    created_on: dt.date
    created_at: AwareDatetime
    status_changes: list[StatusChangePart] = []
    check_ins: list[CheckInPart] = []


class FollowUpPart(Part):
    is_public: bool = False
    activities: list[TrackedActivityPart] = []


class Document(Part):
    document_schema: Literal["samenspel.workshop"] = Field(SCHEMA, alias="schema")
    schema_version: Literal[1] = SCHEMA_VERSION
    workshop: WorkshopPart
    template: TemplatePart
    participants: list[ParticipantPart] = []
    notes: list[NotePart] = []
    activities: list[ActivityPart] = []
    # Left out of the file until the workshop has a follow-up (so older files read the same).
    follow_up: FollowUpPart | None = None


def workshop_document(workshop: Workshop) -> Document:
    """Everything the workshop holds, read in a handful of queries."""
    participants = list(workshop.participants.order_by("joined_at", "pk"))
    notes = list(
        Contribution.objects.filter(workshop=workshop)
        .select_related("prompt__round")
        .order_by("created_at", "pk")
    )
    activities = list(
        Activity.objects.filter(workshop=workshop)
        .prefetch_related("serves", "votes", "reactions")
        .order_by("created_at", "pk")
    )
    person = {p.pk: f"p{n}" for n, p in enumerate(participants, start=1)}
    note_ref = {c.pk: f"n{n}" for n, c in enumerate(notes, start=1)}
    activity_ref = {a.pk: f"a{n}" for n, a in enumerate(activities, start=1)}
    rounds = {r.pk: r.number for r in workshop.template.rounds.all()}
    return Document(
        schema=SCHEMA,
        schema_version=SCHEMA_VERSION,
        workshop=WorkshopPart(
            title=workshop.title,
            case_description=workshop.case_description,
            date=workshop.date,
            place=workshop.place,
            facilitator_names=workshop.facilitator_names,
            state=workshop.state,  # type: ignore[arg-type]  # one of the State values
            current_round=rounds.get(workshop.current_round_id or 0),
            round_open=workshop.round_open,
            timer_ends_at=workshop.timer_ends_at,
            dot_budget=workshop.dot_budget,
            private_rounds=sorted(rounds[pk] for pk in workshop.private_rounds.values_list(
                "pk", flat=True)),
            revealed_rounds=sorted(rounds[pk] for pk in workshop.revealed_rounds.values_list(
                "pk", flat=True)),
            shown_activity=activity_ref.get(workshop.shown_activity_id or 0),
            created_at=workshop.created_at,
        ),
        template=template_part(workshop.template),
        participants=[
            ParticipantPart(
                ref=person[p.pk], perspective=p.perspective,  # type: ignore[arg-type]
                display_name=p.display_name, joined_at=p.joined_at,
            )
            for p in participants
        ],
        notes=[
            NotePart(
                ref=note_ref[c.pk],
                round=c.prompt.round.number,
                prompt=c.prompt.position,
                perspective=c.perspective,  # type: ignore[arg-type]
                participant=person.get(c.participant_id or 0),
                text=c.text,
                links_to=note_ref.get(c.links_to_id or 0),
                hidden=c.hidden,
                hidden_reason=c.hidden_reason,
                merged_into=note_ref.get(c.merged_into_id or 0),
                created_at=c.created_at,
                edited_at=c.edited_at,
            )
            for c in notes
        ],
        activities=[activity_part(a, person, note_ref, activity_ref) for a in activities],
        follow_up=follow_up_part(workshop, note_ref, activity_ref),
    )


def follow_up_part(
    workshop: Workshop, note_ref: dict[int, str], activity_ref: dict[int, str]
) -> FollowUpPart | None:
    follow_up = FollowUp.objects.filter(workshop=workshop).first()
    if follow_up is None:
        return None
    tracked = (TrackedActivity.objects.filter(workshop=workshop)
               .prefetch_related("serves", "status_changes", "check_ins")
               .order_by("created_at", "pk"))
    return FollowUpPart(is_public=follow_up.is_public, activities=[
        TrackedActivityPart(
            activity=activity_ref.get(t.activity_id or 0), title=t.title,
            description=t.description, owner=t.owner,  # type: ignore[arg-type]
            owner_organisation=t.owner_organisation, contact_name=t.contact_name,
            contact_email=t.contact_email, how_we_notice=t.how_we_notice,
            target_date=t.target_date, status=t.status,  # type: ignore[arg-type]
            serves=sorted((note_ref[n.pk] for n in t.serves.all() if n.pk in note_ref),
                          key=lambda r: int(r[1:])),
            reminded_on=t.reminded_on, created_on=t.created_on, created_at=t.created_at,
            status_changes=[
                StatusChangePart(date=c.date, from_status=c.from_status,  # type: ignore[arg-type]
                                 to_status=c.to_status, created_at=c.created_at)  # type: ignore[arg-type]
                for c in t.status_changes.all()
            ],
            check_ins=[
                CheckInPart(perspective=c.perspective, date=c.date,  # type: ignore[arg-type]
                            done=c.done, worked=c.worked,  # type: ignore[arg-type]
                            evidence=c.evidence, evidence_link=c.evidence_link,
                            left_to_do=c.left_to_do, created_at=c.created_at)
                for c in t.check_ins.all()
            ],
        )
        for t in tracked
    ])


def activity_part(
    activity: Activity, person: dict[int, str], note_ref: dict[int, str],
    activity_ref: dict[int, str],
) -> ActivityPart:
    order = {ref: n for n, ref in enumerate(person.values())}
    return ActivityPart(
        ref=activity_ref[activity.pk],
        perspective=activity.perspective,  # type: ignore[arg-type]
        title=activity.title,
        description=activity.description,
        serves=sorted((note_ref[n.pk] for n in activity.serves.all()), key=lambda r: int(r[1:])),
        proposed_by=person.get(activity.proposed_by_id or 0),
        chosen=activity.chosen,
        created_at=activity.created_at,
        votes=sorted(
            (VotePart(participant=person[v.participant_id], dots=v.dots)
             for v in activity.votes.all()),
            key=lambda v: order[v.participant],
        ),
        reactions=sorted(
            (ReactionPart(participant=person[r.participant_id], kind=r.kind,  # type: ignore[arg-type]
                          created_at=r.created_at)
             for r in activity.reactions.all()),
            key=lambda r: (order[r.participant], r.kind),
        ),
    )


def template_part(template: WorkshopTemplate) -> TemplatePart:
    rounds = template.rounds.prefetch_related("prompts__texts", "prompts__links_to")
    return TemplatePart(
        title_nl=template.title_nl,
        title_en=template.title_en,
        description_nl=template.description_nl,
        description_en=template.description_en,
        rounds=[
            RoundPart(
                number=r.number,
                kind=r.kind,  # type: ignore[arg-type]
                title_nl=r.title_nl,
                title_en=r.title_en,
                intro_nl=r.intro_nl,
                intro_en=r.intro_en,
                activities_per_perspective=r.activities_per_perspective,
                prompts=[
                    PromptPart(
                        position=p.position,
                        kind=p.kind,  # type: ignore[arg-type]
                        label_nl=p.label_nl,
                        label_en=p.label_en,
                        links_to=p.links_to.position if p.links_to is not None else None,
                        texts=[
                            PromptTextPart(perspective=t.perspective,  # type: ignore[arg-type]
                                           text_nl=t.text_nl, text_en=t.text_en)
                            for t in p.texts.all()
                        ],
                    )
                    for p in r.prompts.all()
                ],
            )
            for r in rounds
        ],
    )


def as_json(document: Document) -> bytes:
    """The document as a file: UTF-8, indented, keys in the schema's order."""
    data = document.model_dump(mode="json", by_alias=True,
                               exclude={"follow_up"} if document.follow_up is None else None)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
