"""What the screens of a workshop hear: each fragment is rendered once per audience and
published on the workshop's stream with its version.

Services call the `*_changed` functions after a commit. What changes often — a group's
notes, a participant's own notes, a group's activities and dots, the reactions to an
activity, the people in the room — is rendered through the throttle (live/throttle.py): the
first change at once, the changes of the next interval together, from the state the
workshop is in then. Rarer changes (a round, the timer, sharing, the end) go out at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.live.publish import publish
from samenspel.live.throttle import throttled
from samenspel.method.perspectives import Perspective
from samenspel.workshops import boards
from samenspel.workshops.models import Contribution, Workshop

if TYPE_CHECKING:
    from samenspel.workshops.models import Activity, Participant

CONSOLE = "console"
PROJECTOR = "projector"


def group(perspective: str) -> str:
    """The audience of one perspective group: only its members hear its notes."""
    return f"group:{perspective}"


def participant(member: Participant) -> str:
    """The audience of one participant: their own notes, with the buttons to change them."""
    return f"participant:{member.pk}"


def send(workshop: Workshop, audience: str, event: Mapping[str, object]) -> None:
    """Publish one event with the workshop's version. A region's new content is keyed by the
    region: a newer one in the same tick replaces it, so a burst of taps is one update. An
    addition to a region is not keyed: every one counts."""
    region = event.get("region")
    key = region if isinstance(region, str) and "add" not in event else None
    publish(workshop.stream, audience, event, version=workshop.version, key=key)


def everyone() -> list[str]:
    return [CONSOLE, PROJECTOR, *(group(p.value) for p in Perspective)]


def soon(workshop: Workshop, what: tuple[object, ...], announce: Callable[[Workshop], None]
         ) -> None:
    """Render and publish `announce` for the workshop as it is then, at most once per
    render interval for `what`."""
    pk = workshop.pk

    def job() -> None:
        current = Workshop.objects.select_related(
            "template", "current_round", "shown_activity"
        ).filter(pk=pk).first()
        if current is not None:
            announce(current)

    throttled(("workshop", pk, *what), job)


def people_changed(workshop: Workshop) -> None:
    soon(workshop, ("people",),
         lambda current: announce_people(current, boards.people_per_perspective(current)))


def notes_changed(workshop: Workshop, perspective: str, authors: list[Participant]) -> None:
    soon(workshop, ("notes", perspective), lambda current: announce_notes(current, perspective))
    for author in authors:
        soon(workshop, ("own notes", author.pk), partial(own_notes, perspective, author))


def notes_changed_text(perspective: str) -> str:
    """What a screen reader hears when a group's notes change (inside translation.override)."""
    return _("The notes of the group %(group)s changed.") % {
        "group": Perspective(perspective).label
    }


# What a page's empty note region gets before its first note is added.
NOTE_LIST = '<ul class="samenspel-notes" data-live-list></ul>'


def note_added(workshop: Workshop, note: Contribution) -> None:
    """A new note: the screens that list the group's notes get that one note to add, not the
    whole list again — a group of twenty writes hundreds of notes, and the list on every
    phone would grow with each one."""
    round_ = note.prompt.round
    private = workshop.notes_are_private(round_)
    perspective = note.perspective
    region = boards.notes_region(perspective, note.prompt_id)
    with translation.override(settings.LANGUAGE_CODE):
        announce = notes_changed_text(perspective)
        if private:
            # The group and the projector only hear how many there are.
            written = list(Contribution.objects.of_group(workshop, perspective)
                           .filter(prompt=note.prompt).values_list("pk", flat=True))
            html = render_to_string("workshops/_notes.html", {"notes": written, "private": True})
            for audience in (group(perspective), PROJECTOR):
                send(workshop, audience, {"region": region, "html": html, "announce": announce})
        else:
            html = render_to_string("workshops/_note.html", {"note": note, "mode": "show"})
            for audience in (group(perspective), PROJECTOR):
                send(workshop, audience,
                     {"region": region, "add": html, "list": NOTE_LIST, "announce": announce})
        html = render_to_string("workshops/_note.html", {
            "note": note, "mode": "console", "workshop": workshop,
            "move_choices": boards.move_choices(workshop),
        })
        send(workshop, CONSOLE,
             {"region": region, "add": html, "list": NOTE_LIST, "announce": announce})
        # A new behaviour (or routine) is something the next question's notes can belong to.
        option = render_to_string("workshops/_link_option.html", {"note": note})
        for linking in (p for p in workshop.prompts if p.links_to_id == note.prompt_id):
            event = {"region": boards.links_region(linking.pk), "add": option}
            if not private:
                send(workshop, group(perspective), event)
            elif note.participant is not None:
                send(workshop, participant(note.participant), event)
        add_own_note(workshop, note, private)


def add_own_note(workshop: Workshop, note: Contribution, private: bool) -> None:
    """The writer's own list gets the new note, with the buttons to change it."""
    writer, prompt = note.participant, note.prompt
    if writer is None:
        return
    choices: list[Contribution] = []
    if prompt.links_to_id:
        # While writing privately, a belief can only belong to one's own behaviour.
        choices = list(Contribution.objects.visible().filter(
            workshop=workshop, perspective=note.perspective, prompt_id=prompt.links_to_id,
            **({"participant": writer} if private else {}),
        ).only("pk", "text"))
    html = render_to_string("workshops/_my_note.html", {
        "workshop": workshop, "note": note, "prompt": prompt, "link_choices": choices,
    })
    empty = render_to_string("workshops/_my_notes.html", {
        "item": {"mine": [], "private": private}, "empty": True,
    })
    send(workshop, participant(writer),
         {"region": boards.my_notes_region(prompt.pk), "add": html, "list": empty})


def own_notes(perspective: str, author: Participant, workshop: Workshop) -> None:
    announce_own_notes(workshop, perspective, author)


def activities_changed(workshop: Workshop, perspective: str) -> None:
    soon(workshop, ("activities", perspective),
         lambda current: announce_activities(current, perspective))


def reactions_changed(workshop: Workshop, activity: Activity) -> None:
    soon(workshop, ("reactions", activity.pk),
         lambda current: announce_reactions(current, activity))


def announce_people(workshop: Workshop, counts: list[tuple[Perspective, int]]) -> None:
    """The number of people per group, on the facilitator's console and the projector."""
    # Rendered once for everybody, so in the room's language: the default, Dutch.
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("workshops/_people.html", {"counts": counts})
        total = sum(n for _p, n in counts)
        event = {
            "region": "people",
            "html": html,
            "announce": ngettext(
                "%(count)d person has joined.", "%(count)d people have joined.", total
            )
            % {"count": total},
        }
    for audience in (CONSOLE, PROJECTOR):
        send(workshop, audience, event)


def announce_round(workshop: Workshop) -> None:
    """A round opened or closed: every screen loads the new state."""
    with translation.override(settings.LANGUAGE_CODE):
        round_ = workshop.current_round
        if round_ is None:
            return
        if workshop.round_open:
            message = _("Round %(number)d has started: %(title)s") % {
                "number": round_.number, "title": round_.title,
            }
        else:
            message = _("Round %(number)d is closed.") % {"number": round_.number}
        event = {"reload": True, "announce": message}
    for audience in everyone():
        send(workshop, audience, event)


def announce_notes(workshop: Workshop, perspective: str) -> None:
    """A group's notes changed: its members, the projector and the console get the fresh
    lists, each rendered once; while the group writes privately, the group and the projector
    only hear how many there are."""
    if workshop.current_round is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        announce = notes_changed_text(perspective)
        context = {"workshop": workshop, "move_choices": boards.move_choices(workshop)}
        for item in boards.prompts_with_notes(workshop, perspective):
            for audiences, mode in (
                ((group(perspective), PROJECTOR), "show"), ((CONSOLE,), "console")
            ):
                html = render_to_string("workshops/_notes.html", {
                    **context, "notes": item["notes"], "mode": mode,
                    "private": item["private"] and mode == "show",
                })
                event = {"region": item["region"], "html": html, "announce": announce}
                for audience in audiences:
                    send(workshop, audience, event)
            if item["prompt"].links_to_id and not item["private"]:
                send(workshop, group(perspective), link_choices(item))


def announce_own_notes(workshop: Workshop, perspective: str, author: Participant) -> None:
    """A participant's own notes, with the buttons to change them, for them alone."""
    if workshop.current_round is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        for item in boards.prompts_with_notes(workshop, perspective, me=author):
            html = render_to_string("workshops/_my_notes.html", {
                "workshop": workshop, "item": item, "me": author,
            })
            send(workshop, participant(author), {"region": item["my_region"], "html": html})
            if item["prompt"].links_to_id and item["private"]:
                send(workshop, participant(author), link_choices(item))


def link_choices(item: dict[str, object]) -> dict[str, object]:
    """The notes a new belief (or thought) can belong to, for the note form's list."""
    return {
        "region": item["links_region"],
        "html": render_to_string("workshops/_link_options.html", {"choices": item["link_choices"]}),
    }


def announce_activities(workshop: Workshop, perspective: str) -> None:
    """A group's activities or dots changed: the group's board, the console's column and the
    projector, each rendered once (the group votes, the console confirms, the projector
    only shows)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "workshop": workshop,
            "perspective": perspective,
            "activities": boards.group_activities(workshop, perspective),
        }
        region = boards.activities_region(perspective)
        for audience, mode in (
            (group(perspective), "group"), (CONSOLE, "console"), (PROJECTOR, "projector")
        ):
            html = render_to_string("workshops/_activities.html", {**context, "mode": mode})
            send(workshop, audience, {"region": region, "html": html})
        # The console's sharing list follows the groups' choices.
        html = render_to_string("workshops/_share_console.html", {
            "workshop": workshop, "shared": boards.shared_activities(workshop),
        })
        send(workshop, CONSOLE, {"region": "sharing", "html": html})


def announce_shown(workshop: Workshop, started: bool) -> None:
    """The projector shows another chosen activity. When sharing starts, every screen loads
    the sharing view; after that only the "now on the screen" part changes."""
    with translation.override(settings.LANGUAGE_CODE):
        shown = workshop.shown_activity
        title = shown.title if shown is not None else ""
        announce = _("Now on the screen: %(title)s") % {"title": title}
        if started:
            event: dict[str, object] = {"reload": True, "announce": announce}
            for audience in everyone():
                send(workshop, audience, event)
            return
        context = {"workshop": workshop, "shown": boards.shown(workshop)}
        for audiences, template in (
            ([CONSOLE, *(group(p.value) for p in Perspective)], "workshops/_shown.html"),
            ([PROJECTOR], "workshops/_shown_projector.html"),
        ):
            html = render_to_string(template, context)
            event = {"region": boards.SHOWN_REGION, "html": html, "announce": announce}
            for audience in audiences:
                send(workshop, audience, event)


def announce_reactions(workshop: Workshop, activity: Activity) -> None:
    """The room reacted: everyone sees the current totals for that activity (the projector
    in large type). One event per tick per activity, however many tapped."""
    with translation.override(settings.LANGUAGE_CODE):
        item = next(iter(boards.shared_activities(workshop, only=activity)), None)
        if item is None:
            return
        for audiences, size in (
            ([CONSOLE, *(group(p.value) for p in Perspective)], "small"), ([PROJECTOR], "large")
        ):
            html = render_to_string("workshops/_reactions.html", {"item": item, "size": size})
            for audience in audiences:
                send(workshop, audience, {"region": item["region"], "html": html})


def announce_closed(workshop: Workshop) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        event = {"reload": True, "announce": _("The workshop has ended.")}
    for audience in everyone():
        send(workshop, audience, event)


def announce_timer(workshop: Workshop) -> None:
    """The countdown changed: the same fragment for every screen."""
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("workshops/_timer.html", {"workshop": workshop})
        announce = _("The timer has started.") if workshop.timer_ends_at else ""
    event = {"region": "timer", "html": html, "announce": announce}
    for audience in everyone():
        send(workshop, audience, event)
