"""What a group's board shows, for the pages and for the live fragments alike: the current
round's prompts with the group's notes, and the group's activities with their dots."""

from __future__ import annotations

from typing import Any

from samenspel.method.perspectives import Perspective
from samenspel.workshops import tally
from samenspel.workshops.models import Activity, Contribution, Vote, Workshop


def notes_region(perspective: str, prompt_pk: int) -> str:
    return f"notes-{perspective}-{prompt_pk}"


def activities_region(perspective: str) -> str:
    return f"activities-{perspective}"


def prompts_with_notes(workshop: Workshop, perspective: str) -> list[dict[str, Any]]:
    """The current round's prompts as one group sees them: its question and its notes."""
    round_ = workshop.current_round
    if round_ is None:
        return []
    notes = list(Contribution.objects.of_group(workshop, perspective))
    prompts = list(round_.prompts.prefetch_related("texts"))
    return [
        {
            "prompt": prompt,
            "question": prompt.text_for(perspective),
            "region": notes_region(perspective, prompt.pk),
            "notes": [note for note in notes if note.prompt_id == prompt.pk],
            "link_choices": [note for note in notes if note.prompt_id == prompt.links_to_id],
        }
        for prompt in prompts
    ]


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
        {"activity": activities[pk], "dots": count, "rank": rank, "tied": tied}
        for pk, count, rank, tied in ranked
    ]


def outcome(workshop: Workshop) -> dict[str, Any]:
    """Everything the room made: the chosen activities per group, with the behaviours they
    serve, and every round's visible notes per group, links kept."""
    activities = list(
        Activity.objects.filter(workshop=workshop).prefetch_related("serves").order_by("pk")
    )
    notes = list(
        Contribution.objects.filter(workshop=workshop, hidden=False)
        .select_related("links_to", "prompt")
        .order_by("created_at", "pk")
    )
    rounds = list(workshop.template.rounds.prefetch_related("prompts"))
    groups = []
    for perspective in Perspective:
        groups.append({
            "perspective": perspective,
            "chosen": [a for a in activities if a.perspective == perspective and a.chosen],
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
    return {"groups": groups, "chosen_count": sum(len(g["chosen"]) for g in groups)}
