"""The shapes of the workshop API: what a client sends, and what it gets back, built from
what `boards` reads for the screens, so the API shows exactly what the pages show."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import StringConstraints, field_validator

from samenspel.method.models import Prompt, Round
from samenspel.method.perspectives import Perspective
from samenspel.workshops.models import Contribution, Participant, Workshop

# The database's largest integer: a bigger number is no id (or round) of ours, and would
# not even fit in the query.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
PERSPECTIVES = {"enum": list(Perspective.values)}
# The services check these rules with their own codes and messages; the schema only says
# which values there are (an invalid one gets the service's refusal, not a 422).
PerspectiveField = Annotated[
    str, Field(description="government, organisations or community", json_schema_extra=PERSPECTIVES)
]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
# Path segments that name a kind of thing: the service says which ones exist.
Word = Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,20}$")]
OutcomeKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,32}$")]


# -- What a client sends -------------------------------------------------------------------


class In(Schema):
    """A request body. Text with a NUL character is refused here, as Django's form fields
    refuse it: PostgreSQL cannot store one."""

    @field_validator("*", mode="before")
    @classmethod
    def no_nul_characters(cls, value: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("Null characters are not allowed.")
        return value


class JoinIn(In):
    code: str = Field(max_length=20, description="The join code, e.g. KMT4XH (spaces allowed)")
    perspective: PerspectiveField
    display_name: str = Field("", max_length=60, description="Optional; may stay empty")


class NoteIn(In):
    prompt: Id = Field(description="A prompt of the open round")
    text: str = Field(description="At most 500 characters")
    links_to: Id | None = Field(
        None, description="The note on the linked prompt this one belongs to (a belief to a "
        "behaviour, a hindering thought to a routine)"
    )
    idempotency_key: str | None = Field(
        None, max_length=64,
        description="Made by the client per note: a retried request is stored once",
    )


class NoteChangeIn(In):
    text: str | None = Field(None, description="Left out: the text stays")
    links_to: Id | None = Field(None, description="Left out: the link stays; null: no link")


class ActivityIn(In):
    title: str = Field(description="At most 120 characters")
    description: str = Field("", description="At most 500 characters")
    serves: list[Id] = Field(
        default_factory=list, description="Notes on desired behaviour of the group it serves"
    )


class ChoiceIn(In):
    activities: list[Id] = Field(description="Exactly as many as the closing round asks (2)")


class WorkshopIn(In):
    title: Title
    case_description: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)
    ]
    date: dt.date | None = None
    place: Line = ""
    facilitator_names: Line = ""
    dot_budget: int = Field(3, ge=1, le=10)
    private_rounds: list[Id] = Field(
        default_factory=list,
        description="Numbers of the writing rounds in which everyone first writes alone",
    )
    template: Id | None = Field(None, description="Left out: the default template")
    retention_months: int | None = Field(
        None, ge=1, le=120,
        description="Keep participants' data this many months after the date; left out: the "
        "organisation's period")


class PaperNoteIn(In):
    perspective: PerspectiveField
    prompt: Id
    text: str


class HideIn(In):
    reason: str = Field(description="Why; kept for the record, never shown to participants")


class MergeIn(In):
    into: Id = Field(description="The note that says the same, and stays")


class MoveIn(In):
    prompt: Id = Field(description="A prompt of a writing round")


class TimerIn(In):
    minutes: int = Field(description="1 to 120")


class ShownIn(In):
    activity: Id = Field(description="A chosen activity")


# -- What a client gets back ---------------------------------------------------------------


class PromptOut(Schema):
    id: int
    kind: str
    label: str
    links_to: int | None = Field(description="The prompt whose notes this prompt's notes link to")


class RoundOut(Schema):
    id: int
    number: int
    kind: str
    title: str
    intro: str
    activities_per_perspective: int | None
    private: bool = Field(description="Everyone first writes alone in this round")
    revealed: bool = Field(description="The facilitator has shown the private notes")
    prompts: list[PromptOut]


class NoteOut(Schema):
    id: int
    prompt: int
    perspective: str
    text: str
    links_to: int | None
    merged_count: int = Field(description="How many duplicates were merged into this note")
    from_paper: bool = Field(description="Typed in by the facilitator from paper")
    created_at: dt.datetime
    edited_at: dt.datetime | None


class BoardPromptOut(Schema):
    """A prompt of the current round as one group sees it."""

    id: int
    kind: str
    label: str
    question: str = Field(description="The question worded for this group")
    links_to: int | None
    private: bool = Field(description="The group does not see the notes yet")
    note_count: int
    notes: list[NoteOut]


class MyPromptOut(BoardPromptOut):
    mine: list[NoteOut] = Field(description="My own notes on this prompt")


class ActivityOut(Schema):
    id: int
    perspective: str
    title: str
    description: str
    serves: list[int] = Field(description="The desired behaviours (notes) it serves")
    chosen: bool
    dots: int
    rank: int
    tied: bool = Field(description="Another activity has as many dots")


class MyActivityOut(ActivityOut):
    my_dots: int


class ServedNoteOut(Schema):
    id: int
    text: str


class ReactionCountOut(Schema):
    kind: str
    label: str  # on the button: "I support this"
    count_label: str  # beside the number: "Support"
    total: int
    per_perspective: dict[str, int]


class SharedActivityOut(Schema):
    id: int
    perspective: str
    perspective_label: str
    title: str
    description: str
    serves: list[ServedNoteOut]
    reactions: list[ReactionCountOut]
    shown: bool = Field(description="On the projector now")


class MySharedActivityOut(SharedActivityOut):
    mine: list[str] = Field(description="The kinds of reaction I gave")


class ParticipantOut(Schema):
    id: int
    perspective: str
    perspective_label: str
    display_name: str


class WorkshopOut(Schema):
    id: int
    title: str
    case_description: str
    date: dt.date | None
    place: str
    facilitator_names: str
    state: str = Field(description="lobby, running or closed")
    join_code: str
    dot_budget: int
    round: RoundOut | None = Field(description="The current round")
    round_open: bool
    private: bool = Field(description="The groups do not see the current round's notes yet")
    sharing: bool = Field(description="The groups are sharing their chosen activities")
    shown_activity: int | None
    timer_ends_at: dt.datetime | None
    version: int = Field(description="Moves with every change; live frames carry it too")


class ConsoleWorkshopOut(WorkshopOut):
    join_url: str
    outcome_key: str
    outcome_url: str
    created_at: dt.datetime


class WorkshopListItemOut(Schema):
    id: int
    title: str
    date: dt.date | None
    place: str
    state: str
    join_code: str


class JoinedOut(Schema):
    token: str = Field(description="Send it as Authorization: Bearer <token>")
    participant: ParticipantOut
    workshop: WorkshopOut


class MeOut(Schema):
    participant: ParticipantOut
    workshop: WorkshopOut
    prompts: list[MyPromptOut] = Field(description="The current round, worded for my group")
    activities: list[MyActivityOut] = Field(description="My group's activities with dots")
    desired_behaviours: list[NoteOut] = Field(
        description="In the closing round: what an activity can serve"
    )
    dots_left: int
    wanted: int | None = Field(description="How many activities my group chooses")
    shared: list[MySharedActivityOut] = Field(description="While sharing: the chosen activities")
    outcome_key: str | None = Field(description="Once closed: GET /outcome/{key}")


class DotsOut(Schema):
    activity: MyActivityOut
    dots_left: int


class GroupOut(Schema):
    perspective: str
    label: str
    people: int
    prompts: list[BoardPromptOut]
    activities: list[ActivityOut]


class ConsoleOut(Schema):
    workshop: ConsoleWorkshopOut
    counts: dict[str, int] = Field(description="How many joined each group")
    rounds: list[RoundOut]
    groups: list[GroupOut]
    shared: list[SharedActivityOut]


class LiveOut(Schema):
    url: str = Field(description="Open this WebSocket; frames as in docs/live-protocol.md")
    token: str
    stream: str
    audiences: list[str]


class OutcomeNoteOut(Schema):
    id: int
    text: str
    links_to: int | None
    merged_count: int


class OutcomePromptOut(Schema):
    id: int
    kind: str
    label: str
    notes: list[OutcomeNoteOut]


class OutcomeRoundOut(Schema):
    number: int
    title: str
    prompts: list[OutcomePromptOut]


class OutcomeGroupOut(Schema):
    perspective: str
    label: str
    chosen: list[SharedActivityOut]
    rounds: list[OutcomeRoundOut]


class OutcomeOut(Schema):
    title: str
    case_description: str
    date: dt.date | None
    place: str
    facilitator_names: str
    state: str
    counts: dict[str, int]
    chosen_count: int
    groups: list[OutcomeGroupOut]


# -- Built from what the boards read -------------------------------------------------------


def prompt_out(prompt: Prompt) -> PromptOut:
    return PromptOut(id=prompt.pk, kind=prompt.kind, label=prompt.label,
                     links_to=prompt.links_to_id)


def round_out(round_: Round, private: set[int], revealed: set[int]) -> RoundOut:
    return RoundOut(
        id=round_.pk, number=round_.number, kind=round_.kind, title=round_.title,
        intro=round_.intro, activities_per_perspective=round_.activities_per_perspective,
        private=round_.pk in private, revealed=round_.pk in revealed,
        prompts=[prompt_out(p) for p in round_.prompts.all()],
    )


def private_and_revealed(workshop: Workshop) -> tuple[set[int], set[int]]:
    return (
        set(workshop.private_rounds.values_list("pk", flat=True)),
        set(workshop.revealed_rounds.values_list("pk", flat=True)),
    )


def note_out(note: Contribution) -> NoteOut:
    return NoteOut(
        id=note.pk, prompt=note.prompt_id, perspective=note.perspective, text=note.text,
        links_to=_visible_link(note), merged_count=getattr(note, "merged_count", 0),
        from_paper=note.participant_id is None, created_at=note.created_at,
        edited_at=note.edited_at,
    )


def _visible_link(note: Contribution) -> int | None:
    # As the pages: a link to a note the facilitator hid is not shown.
    if note.links_to is None or note.links_to.hidden:
        return None
    return note.links_to_id


def board_prompt_fields(item: dict[str, Any], *, show_private: bool) -> dict[str, Any]:
    """A prompt of `boards.prompts_with_notes`; while the group writes privately its members
    only learn how many notes there are (the console, `show_private`, sees them all)."""
    prompt: Prompt = item["prompt"]
    hidden = item["private"] and not show_private
    return {
        "id": prompt.pk, "kind": prompt.kind, "label": prompt.label,
        "question": item["question"], "links_to": prompt.links_to_id,
        "private": item["private"], "note_count": len(item["notes"]),
        "notes": [] if hidden else [note_out(n) for n in item["notes"]],
    }


def activity_fields(item: dict[str, Any]) -> dict[str, Any]:
    """An activity of `boards.group_activities`."""
    activity = item["activity"]
    return {
        "id": activity.pk, "perspective": activity.perspective, "title": activity.title,
        "description": activity.description,
        "serves": [n.pk for n in activity.serves.all() if not n.hidden],
        "chosen": activity.chosen, "dots": item["dots"], "rank": item["rank"],
        "tied": item["tied"],
    }


def shared_fields(item: dict[str, Any], workshop: Workshop) -> dict[str, Any]:
    """A chosen activity of `boards.shared_activities`, with the room's reactions."""
    activity = item["activity"]
    return {
        "id": activity.pk, "perspective": activity.perspective,
        "perspective_label": str(item["perspective"].label), "title": activity.title,
        "description": activity.description,
        "serves": [ServedNoteOut(id=n.pk, text=n.text) for n in item["serves"]],
        "reactions": [
            ReactionCountOut(
                kind=row["kind"].value, label=str(row["label"]),
                count_label=str(row["count_label"]), total=row["total"],
                per_perspective={p.value: n for p, n in row["per_perspective"]},
            )
            for row in item["reactions"]
        ],
        "shown": activity.pk == workshop.shown_activity_id,
    }


def participant_out(participant: Participant) -> ParticipantOut:
    return ParticipantOut(
        id=participant.pk, perspective=participant.perspective,
        perspective_label=str(Perspective(participant.perspective).label),
        display_name=participant.display_name,
    )


def workshop_fields(workshop: Workshop) -> dict[str, Any]:
    private, revealed = private_and_revealed(workshop)
    round_ = workshop.current_round
    return {
        "id": workshop.pk, "title": workshop.title,
        "case_description": workshop.case_description, "date": workshop.date,
        "place": workshop.place, "facilitator_names": workshop.facilitator_names,
        "state": workshop.state, "join_code": workshop.join_code,
        "dot_budget": workshop.dot_budget,
        "round": round_out(round_, private, revealed) if round_ is not None else None,
        "round_open": workshop.round_open,
        "private": workshop.notes_are_private(round_),
        "sharing": workshop.is_sharing, "shown_activity": workshop.shown_activity_id,
        "timer_ends_at": workshop.timer_ends_at, "version": workshop.version,
    }


def counts_out(counts: list[tuple[Perspective, int]]) -> dict[str, int]:
    return {perspective.value: n for perspective, n in counts}


def outcome_out(workshop: Workshop, outcome: dict[str, Any]) -> OutcomeOut:
    """`boards.outcome`: the same content as the outcome page."""
    return OutcomeOut(
        title=workshop.title, case_description=workshop.case_description, date=workshop.date,
        place=workshop.place, facilitator_names=workshop.facilitator_names,
        state=workshop.state, counts=counts_out(outcome["counts"]),
        chosen_count=outcome["chosen_count"],
        groups=[
            OutcomeGroupOut(
                perspective=group["perspective"].value, label=str(group["perspective"].label),
                chosen=[SharedActivityOut(**shared_fields(i, workshop)) for i in group["chosen"]],
                rounds=[
                    OutcomeRoundOut(
                        number=r["round"].number, title=r["round"].title,
                        prompts=[
                            OutcomePromptOut(
                                id=p["prompt"].pk, kind=p["prompt"].kind,
                                label=p["prompt"].label,
                                notes=[
                                    OutcomeNoteOut(
                                        id=n.pk, text=n.text, links_to=_visible_link(n),
                                        merged_count=getattr(n, "merged_count", 0),
                                    )
                                    for n in p["notes"]
                                ],
                            )
                            for p in r["prompts"]
                        ],
                    )
                    for r in group["rounds"]
                ],
            )
            for group in outcome["groups"]
        ],
    )
