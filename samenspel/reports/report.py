"""The report of a workshop: what every export says, in one language — the cover facts, who
took part per perspective (counts; names only where people gave one), the three roles of
the government, the chosen activities per perspective with the behaviours they serve and
the room's reactions, every round per perspective with its notes, a belief kept with
its behaviour and a thought with its routine, and the follow-up (each tracked activity's
status, its status changes and the check-ins of each group; no contact persons). Hidden
notes and merged duplicates are left out; a note that others named too says how often.

Plain data built by plain functions from the workshop's document (document.py), so the
PDF, the spreadsheet, the CSV file and the Markdown text cannot say different things."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import translation

from samenspel.followup.models import Status, Worked
from samenspel.method.perspectives import Perspective
from samenspel.method.roles import ROLE_ATTRIBUTES, ROLES
from samenspel.reports.document import (
    ActivityPart,
    Document,
    NotePart,
    PromptPart,
    RoundPart,
    TrackedActivityPart,
)
from samenspel.workshops.boards import COUNT_LABELS
from samenspel.workshops.models import Reaction, Workshop

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class PeopleCount:
    """How many took part from one perspective, and the names of those who gave one."""

    perspective: str
    label: str
    count: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class Cover:
    title: str
    template_title: str
    case: str
    date: date | None
    place: str
    facilitators: str
    state: str
    closed: bool
    people: tuple[PeopleCount, ...]

    @property
    def total_people(self) -> int:
        return sum(group.count for group in self.people)


@dataclass(frozen=True)
class RoleSummary:
    """One role of the meervoudige overheid, as the roles schema draws it."""

    key: str
    name: str
    colour: str
    colour_hex: str
    shape: str
    stance: str
    summary: str
    facts: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ReactionCount:
    kind: str
    label: str
    total: int
    per_perspective: tuple[tuple[str, int], ...]

    @property
    def given_by(self) -> tuple[tuple[str, int], ...]:
        """The perspectives that gave this reaction at all, with how many."""
        return tuple((label, n) for label, n in self.per_perspective if n)


@dataclass(frozen=True)
class ReportActivity:
    title: str
    description: str
    perspective: str
    perspective_label: str
    chosen: bool
    dots: int
    serves: tuple[str, ...]
    reactions: tuple[ReactionCount, ...]


@dataclass(frozen=True)
class ActivityGroup:
    perspective: str
    label: str
    chosen: tuple[ReportActivity, ...]
    others: tuple[ReportActivity, ...]


@dataclass(frozen=True)
class ReportNote:
    ref: str  # the note's name in the document ("n12")
    text: str
    created_at: datetime
    named: int  # 1, or more when the facilitator merged duplicates into it
    belongs_to: str  # the text of the behaviour (routine) a belief (thought) belongs to
    belongs_to_ref: str


@dataclass(frozen=True)
class PromptNotes:
    position: int
    kind: str
    label: str
    question: str
    links_to: int | None  # the position of the prompt its notes belong to
    belongs_to_label: str  # and that prompt's label
    notes: tuple[ReportNote, ...]


@dataclass(frozen=True)
class NoteWithFollowers:
    """A behaviour with the beliefs that belong to it (a routine with its thoughts)."""

    note: ReportNote
    followers: tuple[ReportNote, ...]


@dataclass(frozen=True)
class PromptBlock:
    """A prompt as a report prints it: each note with the notes of the prompt that links to
    it right below, and those of that prompt that belong to none of them after."""

    prompt: PromptNotes
    follower_prompt: PromptNotes | None
    notes: tuple[NoteWithFollowers, ...]
    loose: tuple[ReportNote, ...]


@dataclass(frozen=True)
class GroupRound:
    perspective: str
    label: str
    prompts: tuple[PromptNotes, ...]

    @property
    def note_count(self) -> int:
        return sum(len(prompt.notes) for prompt in self.prompts)

    @property
    def blocks(self) -> tuple[PromptBlock, ...]:
        positions = {prompt.position for prompt in self.prompts}
        blocks = []
        for prompt in self.prompts:
            if prompt.links_to in positions:
                continue  # printed with the prompt it links to
            follower = next((p for p in self.prompts if p.links_to == prompt.position), None)
            followers = follower.notes if follower else ()
            refs = {note.ref for note in prompt.notes}
            blocks.append(PromptBlock(
                prompt=prompt,
                follower_prompt=follower,
                notes=tuple(
                    NoteWithFollowers(note, tuple(f for f in followers
                                                  if f.belongs_to_ref == note.ref))
                    for note in prompt.notes
                ),
                loose=tuple(f for f in followers if f.belongs_to_ref not in refs),
            ))
        return tuple(blocks)


@dataclass(frozen=True)
class ReportRound:
    number: int
    title: str
    intro: str
    groups: tuple[GroupRound, ...]


@dataclass(frozen=True)
class ReportCheckIn:
    date: date
    perspective_label: str
    worked: str
    worked_label: str
    done: str
    evidence: str
    evidence_link: str
    left_to_do: str


@dataclass(frozen=True)
class ReportStatusChange:
    date: date
    from_label: str
    to_label: str


@dataclass(frozen=True)
class FollowUpActivity:
    """A tracked activity as the report prints it: who owns it, where it stands, and what
    each group said in its check-ins (oldest first)."""

    title: str
    description: str
    owner_label: str
    owner_organisation: str
    how_we_notice: str
    target_date: date | None
    status: str
    status_label: str
    status_changes: tuple[ReportStatusChange, ...]
    check_ins: tuple[ReportCheckIn, ...]


@dataclass(frozen=True)
class Report:
    language: str
    cover: Cover
    roles: tuple[RoleSummary, ...]
    activities: tuple[ActivityGroup, ...]
    rounds: tuple[ReportRound, ...]
    # Empty until the workshop is closed and followed up.
    follow_up: tuple[FollowUpActivity, ...] = ()

    @property
    def chosen_count(self) -> int:
        return sum(len(group.chosen) for group in self.activities)

    @property
    def notes(self) -> list[tuple[ReportRound, GroupRound, PromptNotes, ReportNote]]:
        """Every note of the report, in its order: round, perspective, prompt."""
        return [
            (round_, group, prompt, note)
            for round_ in self.rounds for group in round_.groups
            for prompt in group.prompts for note in prompt.notes
        ]


def build_report(document: Document, language: str) -> Report:
    """The report in `language` ("nl" or "en")."""
    with translation.override(language):
        return Report(
            language=language,
            cover=cover(document, language),
            roles=roles(),
            activities=activity_groups(document),
            rounds=tuple(
                report_round(document, round_, language)
                for round_ in document.template.rounds if round_.kind == "reflect"
            ),
            follow_up=tuple(
                follow_up_activity(part)
                for part in (document.follow_up.activities if document.follow_up else [])
            ),
        )


def follow_up_activity(part: TrackedActivityPart) -> FollowUpActivity:
    statuses = dict(Status.choices)
    return FollowUpActivity(
        title=part.title, description=part.description,
        owner_label=perspective_label(part.owner), owner_organisation=part.owner_organisation,
        how_we_notice=part.how_we_notice, target_date=part.target_date, status=part.status,
        status_label=str(statuses[part.status]),
        status_changes=tuple(
            ReportStatusChange(c.date, str(statuses[c.from_status]), str(statuses[c.to_status]))
            for c in part.status_changes
        ),
        check_ins=tuple(
            ReportCheckIn(
                date=c.date, perspective_label=perspective_label(c.perspective),
                worked=c.worked, worked_label=str(dict(Worked.choices)[c.worked]), done=c.done,
                evidence=c.evidence, evidence_link=c.evidence_link, left_to_do=c.left_to_do,
            )
            for c in part.check_ins
        ),
    )


def in_language(dutch: str, english: str, language: str) -> str:
    """Stored content in the report's language, Dutch where no English was written."""
    return english if language == "en" and english else dutch


def perspective_label(value: str) -> str:
    return str(Perspective(value).label)


def cover(document: Document, language: str) -> Cover:
    workshop, template = document.workshop, document.template
    return Cover(
        title=workshop.title,
        template_title=in_language(template.title_nl, template.title_en, language),
        case=workshop.case_description,
        date=workshop.date,
        place=workshop.place,
        facilitators=workshop.facilitator_names,
        state=str(Workshop.State(workshop.state).label),
        closed=workshop.state == "closed",
        people=people(document),
    )


def people(document: Document) -> tuple[PeopleCount, ...]:
    return tuple(
        PeopleCount(
            perspective=perspective.value,
            label=str(perspective.label),
            count=sum(1 for p in document.participants if p.perspective == perspective.value),
            names=tuple(
                p.display_name for p in document.participants
                if p.perspective == perspective.value and p.display_name
            ),
        )
        for perspective in Perspective
    )


def roles() -> tuple[RoleSummary, ...]:
    return tuple(
        RoleSummary(
            key=role.key, name=str(role.name), colour=str(role.colour),
            colour_hex=role.colour_hex, shape=role.shape, stance=str(role.stance),
            summary=str(role.summary),
            facts=tuple((str(heading), str(getattr(role, name)))
                        for name, heading in ROLE_ATTRIBUTES),
        )
        for role in ROLES
    )


def visible(note: NotePart) -> bool:
    """What screens show: not hidden by the facilitator, not merged into another note."""
    return not note.hidden and note.merged_into is None


def activity_groups(document: Document) -> tuple[ActivityGroup, ...]:
    groups = []
    for perspective in Perspective:
        own = [a for a in document.activities if a.perspective == perspective.value]
        made = [report_activity(document, a) for a in own]
        # Most dots first; equal dots keep the order of writing.
        made.sort(key=lambda a: -a.dots)
        groups.append(ActivityGroup(
            perspective=perspective.value,
            label=str(perspective.label),
            chosen=tuple(a for a in made if a.chosen),
            others=tuple(a for a in made if not a.chosen),
        ))
    return tuple(groups)


def report_activity(document: Document, activity: ActivityPart) -> ReportActivity:
    notes = {note.ref: note for note in document.notes}
    perspective_of = {p.ref: p.perspective for p in document.participants}
    return ReportActivity(
        title=activity.title,
        description=activity.description,
        perspective=activity.perspective,
        perspective_label=perspective_label(activity.perspective),
        chosen=activity.chosen,
        dots=sum(vote.dots for vote in activity.votes),
        serves=tuple(
            notes[ref].text for ref in activity.serves if ref in notes and visible(notes[ref])
        ),
        reactions=reaction_counts(
            Counter((r.kind, perspective_of.get(r.participant, "")) for r in activity.reactions)
        ),
    )


def reaction_counts(counts: Counter[tuple[str, str]]) -> tuple[ReactionCount, ...]:
    """One count per kind of reaction, with how many of each perspective gave it."""
    return tuple(
        ReactionCount(
            kind=kind.value,
            label=str(COUNT_LABELS[kind]),
            total=sum(n for (k, _p), n in counts.items() if k == kind.value),
            per_perspective=tuple(
                (str(perspective.label), counts[(kind.value, perspective.value)])
                for perspective in Perspective
            ),
        )
        for kind in Reaction.Kind
    )


def report_round(document: Document, round_: RoundPart, language: str) -> ReportRound:
    return ReportRound(
        number=round_.number,
        title=in_language(round_.title_nl, round_.title_en, language),
        intro=in_language(round_.intro_nl, round_.intro_en, language),
        groups=tuple(
            GroupRound(
                perspective=perspective.value,
                label=str(perspective.label),
                prompts=tuple(
                    prompt_notes(document, round_, prompt, perspective.value, language)
                    for prompt in round_.prompts if prompt.kind != "activity"
                ),
            )
            for perspective in Perspective
        ),
    )


def prompt_notes(
    document: Document, round_: RoundPart, prompt: PromptPart, perspective: str, language: str
) -> PromptNotes:
    notes = {note.ref: note for note in document.notes}
    merged = Counter(note.merged_into for note in document.notes if note.merged_into)
    target = next((p for p in round_.prompts if p.position == prompt.links_to), None)
    question = next((t for t in prompt.texts if t.perspective == perspective), None)
    label = in_language(prompt.label_nl, prompt.label_en, language)
    return PromptNotes(
        position=prompt.position,
        kind=prompt.kind,
        label=label,
        links_to=prompt.links_to,
        question=in_language(question.text_nl, question.text_en, language) if question else label,
        belongs_to_label=in_language(target.label_nl, target.label_en, language)
        if target else "",
        notes=tuple(
            ReportNote(
                ref=note.ref,
                text=note.text,
                created_at=note.created_at,
                named=1 + merged[note.ref],
                belongs_to=target.text if target else "",
                belongs_to_ref=target.ref if target else "",
            )
            for note, target in (
                (note, belongs_to(note, notes)) for note in document.notes
                if note.round == round_.number and note.prompt == prompt.position
                and note.perspective == perspective and visible(note)
            )
        ),
    )


def belongs_to(note: NotePart, notes: dict[str, NotePart]) -> NotePart | None:
    """The note this one belongs to, while that one is shown."""
    target = notes.get(note.links_to or "")
    return target if target is not None and visible(target) else None
