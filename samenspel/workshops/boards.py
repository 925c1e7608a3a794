"""What the screens show, for the pages and for the live fragments alike: the current
round's prompts with a group's notes, the group's activities with their dots, the chosen
activities with the room's reactions, and the outcome."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from samenspel.method.models import Round
from samenspel.method.perspectives import Perspective
from samenspel.workshops import tally
from samenspel.workshops.models import Activity, Contribution, Participant, Reaction, Vote, Workshop

SHOWN_REGION = "shown"


def notes_region(perspective: str, prompt_pk: int) -> str:
    return f"notes-{perspective}-{prompt_pk}"


def links_region(prompt_pk: int) -> str:
    """The list of notes a new note on this prompt can belong to, in the note form."""
    return f"links-{prompt_pk}"


def my_notes_region(prompt_pk: int) -> str:
    """A participant's own notes on a prompt, with the buttons to change them."""
    return f"mine-{prompt_pk}"


def activities_region(perspective: str) -> str:
    return f"activities-{perspective}"


def reactions_region(activity_pk: int) -> str:
    return f"reactions-{activity_pk}"


def prompts_with_notes(
    workshop: Workshop, perspective: str, me: Participant | None = None, whole: bool = True
) -> list[dict[str, Any]]:
    """The current round's prompts as one group sees them: its question, its notes (which
    the group itself does not see yet while the round is private), and `me`'s own notes.
    Not `whole`: only `me`'s own notes and what they can belong to, without the group's
    notes (a phone's answer while its socket brings the rest)."""
    round_ = workshop.current_round
    if round_ is None:
        return []
    private = workshop.notes_are_private(round_)
    prompts = list(round_.prompts.select_related("links_to").prefetch_related("texts"))
    if whole:
        notes = list(Contribution.objects.of_group(workshop, perspective))
        mine = [note for note in notes if me is not None and note.participant_id == me.pk]
    else:
        mine = list(Contribution.objects.of_group(workshop, perspective).filter(participant=me))
        targets = [prompt.links_to_id for prompt in prompts if prompt.links_to_id]
        notes = [] if private else list(
            Contribution.objects.visible().filter(
                workshop=workshop, perspective=perspective, prompt_id__in=targets
            ).only("pk", "text", "prompt_id")
        )
    return [
        {
            "prompt": prompt,
            "question": prompt.text_for(perspective),
            "region": notes_region(perspective, prompt.pk),
            "my_region": my_notes_region(prompt.pk),
            "links_region": links_region(prompt.pk),
            "private": private,
            "notes": [note for note in notes if note.prompt_id == prompt.pk],
            "mine": [note for note in mine if note.prompt_id == prompt.pk],
            # While writing privately, a belief can only belong to one's own behaviour.
            "link_choices": [
                note for note in (mine if private else notes)
                if note.prompt_id == prompt.links_to_id
            ],
        }
        for prompt in prompts
    ]


def move_choices(workshop: Workshop) -> list[tuple[int, str]]:
    """Every question of the workshop's writing rounds a note can be moved to."""
    return [(prompt.pk, f"{prompt.round.number}. {prompt.label}")
            for prompt in workshop.prompts if prompt.round.kind == Round.Kind.REFLECT]


def desired_behaviours(workshop: Workshop, perspective: str) -> list[Contribution]:
    """The group's notes on desired behaviour (round 1): what an activity can serve."""
    return list(
        Contribution.objects.of_group(workshop, perspective).filter(
            prompt__kind="desired_behaviour"
        )
    )


def group_activities(workshop: Workshop, perspective: str) -> list[dict[str, Any]]:
    """The group's activities with their dots, in ranking order, ties marked."""
    activities = {
        a.pk: a
        for a in Activity.objects.filter(workshop=workshop, perspective=perspective)
        .prefetch_related("serves")
    }
    dots = tally.total_dots(
        Vote.objects.filter(activity__in=list(activities)).values_list("activity_id", "dots")
    )
    ranked = tally.ranking({pk: dots.get(pk, 0) for pk in activities})
    return [
        {"activity": activities[pk], "serves": visible_serves(activities[pk]), "dots": count,
         "rank": rank, "tied": tied}
        for pk, count, rank, tied in ranked
    ]


def visible_serves(activity: Activity) -> list[Contribution]:
    """The desired behaviours an activity serves, without the ones the facilitator hid."""
    return [note for note in activity.serves.all() if not note.hidden]


def shared_activities(
    workshop: Workshop, only: Activity | None = None
) -> list[dict[str, Any]]:
    """The chosen activities of every group (or `only` that one), in the order of the
    perspectives, each with the room's reactions: what the groups share, and what the phones
    react to. The reactions are counted by the database, so a plenary of thousands costs one
    small query, not a row per tap."""
    chosen = Activity.objects.filter(workshop=workshop, chosen=True).prefetch_related("serves")
    reactions = Reaction.objects.filter(activity__workshop=workshop)
    if only is not None:
        chosen, reactions = chosen.filter(pk=only.pk), reactions.filter(activity=only)
    order = {perspective.value: n for n, perspective in enumerate(Perspective)}
    activities = sorted(chosen, key=lambda a: (order[a.perspective], a.pk))
    counts = tally.reaction_table(
        reactions.values_list("activity_id", "kind", "participant__perspective")
        .annotate(n=Count("pk")).order_by()
    )
    return [
        {
            "activity": activity,
            "perspective": Perspective(activity.perspective),
            "serves": visible_serves(activity),
            "region": reactions_region(activity.pk),
            "reactions": reaction_rows(counts.get(activity.pk, {})),
        }
        for activity in activities
    ]


def shown(workshop: Workshop) -> dict[str, Any] | None:
    """The chosen activity on the projector now, as shared_activities() gives it."""
    if workshop.shown_activity is None:
        return None
    return next(iter(shared_activities(workshop, only=workshop.shown_activity)), None)


# How a count of reactions is named, next to the number ("Support: 4").
COUNT_LABELS = {
    Reaction.Kind.SUPPORT: _("Support"),
    Reaction.Kind.CONCERN: _("Concern"),
    Reaction.Kind.HELP: _("Can help"),
}


def reaction_rows(counts: dict[str, dict[str, int]]) -> list[dict[str, Any]]:
    """One row per kind of reaction: its total, its count per perspective, and the
    perspectives that gave it at all."""
    rows = []
    for kind in Reaction.Kind:
        per_perspective = [
            (perspective, counts.get(kind.value, {}).get(perspective.value, 0))
            for perspective in Perspective
        ]
        rows.append({
            "kind": kind,
            "label": kind.label,
            "count_label": COUNT_LABELS[kind],
            "total": sum(n for _p, n in per_perspective),
            "per_perspective": per_perspective,
            "given_by": [(p, n) for p, n in per_perspective if n],
        })
    return rows


def my_reactions(me: Participant) -> set[tuple[int, str]]:
    """(activity, kind) for every reaction `me` gave, to show the buttons pressed."""
    return set(me.reactions.values_list("activity_id", "kind"))


def my_dots(me: Participant) -> dict[int, int]:
    """How many of `me`'s dots are on each activity."""
    return dict(me.votes.values_list("activity_id", "dots"))


def outcome(workshop: Workshop) -> dict[str, Any]:
    """Everything the room made: the chosen activities per group, with the behaviours they
    serve and the room's reactions, and every round's visible notes per group, links kept."""
    shared = shared_activities(workshop)
    notes = list(
        Contribution.objects.visible()
        .filter(workshop=workshop)
        .select_related("links_to", "prompt")
        .annotate(merged_count=Count("duplicates"))
        .order_by("created_at", "pk")
    )
    rounds = list(workshop.template.rounds.prefetch_related("prompts"))
    groups = []
    for perspective in Perspective:
        groups.append({
            "perspective": perspective,
            "chosen": [item for item in shared if item["perspective"] == perspective],
            "rounds": [
                {
                    "round": round_,
                    "prompts": [
                        {
                            "prompt": prompt,
                            "notes": [
                                n for n in notes
                                if n.prompt_id == prompt.pk and n.perspective == perspective
                            ],
                        }
                        for prompt in round_.prompts.all()
                        if prompt.kind != "activity"
                    ],
                }
                for round_ in rounds
                if round_.kind == "reflect"
            ],
        })
    return {
        "groups": groups,
        "chosen_count": len(shared),
        "counts": people_per_perspective(workshop),
    }


def people_per_perspective(workshop: Workshop) -> list[tuple[Perspective, int]]:
    """How many joined each group, in the fixed order of the perspectives."""
    counts = dict(
        workshop.participants.values_list("perspective").annotate(n=Count("pk")).order_by()
    )
    return [(perspective, counts.get(perspective.value, 0)) for perspective in Perspective]
