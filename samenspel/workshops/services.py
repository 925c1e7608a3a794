"""The one door for changes to a workshop: each function checks its rule, writes in one
transaction and announces the change to the live screens after the commit."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.core.text import one_line, plain_text
from samenspel.method.models import Prompt, Round, WorkshopTemplate
from samenspel.method.perspectives import Perspective
from samenspel.method.services import closing_round
from samenspel.workshops import live_updates, signals
from samenspel.workshops.join_codes import new_join_code
from samenspel.workshops.models import (
    Activity,
    Contribution,
    Participant,
    Reaction,
    Submission,
    Vote,
    Workshop,
)
from samenspel.workshops.signals import participants_anonymised


class WorkshopError(Exception):
    """A rule said no. `code` is stable for the API; the message is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def create_workshop(
    *,
    created_by: User | None,
    template: WorkshopTemplate,
    title: str,
    case_description: str,
    date: date | None = None,
    place: str = "",
    facilitator_names: str = "",
    dot_budget: int = 3,
    private_rounds: list[Round] | None = None,
    retention_months: int | None = None,
) -> Workshop:
    """A new workshop in the lobby, with a fresh join code; in `private_rounds` everyone
    first writes alone, and the group sees the notes when the facilitator reveals them."""
    private_rounds = private_rounds or []
    title, case_description = one_line(title), plain_text(case_description)
    if not title or not case_description:
        raise WorkshopError("empty_workshop", _("Give the workshop a title and a case."))
    if any(r.template_id != template.pk or r.kind != Round.Kind.REFLECT for r in private_rounds):
        raise WorkshopError(
            "unknown_round", _("Private writing is only possible in the writing rounds.")
        )
    for _attempt in range(10):
        try:
            with transaction.atomic():
                workshop = Workshop.objects.create(
                    created_by=created_by,
                    template=template,
                    title=title,
                    case_description=case_description,
                    date=date,
                    place=one_line(place),
                    facilitator_names=one_line(facilitator_names),
                    dot_budget=dot_budget,
                    retention_months=retention_months,
                    join_code=new_join_code(),
                )
                workshop.private_rounds.set(private_rounds)
                return workshop
        except IntegrityError:
            continue  # the code was taken already: draw another
    raise WorkshopError("no_free_code", _("No free join code was found. Please try again."))


def join_workshop(
    workshop: Workshop, perspective: str, display_name: str = "", join_key: str | None = None
) -> Participant:
    """A participant joins one perspective group; the name is optional. The same join key
    again (a retried or double-tapped join) gives the participant who joined with it."""
    if join_key:
        earlier = Participant.objects.filter(workshop=workshop, join_key=join_key).first()
        if earlier is not None:
            return earlier
    if not workshop.is_open_for_joining:
        raise WorkshopError(
            "workshop_closed", _("This workshop has ended. You can no longer join.")
        )
    if perspective not in Perspective.values:
        raise WorkshopError("unknown_perspective", _("Choose one of the three groups."))
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                workshop=workshop,
                perspective=perspective,
                display_name=one_line(display_name)[:60],
                key=secrets.token_urlsafe(32),
                join_key=join_key or None,
            )
            bump_version(workshop)
            transaction.on_commit(lambda: live_updates.people_changed(workshop))
    except IntegrityError:
        # The same join twice at the same moment: the other one was stored.
        return Participant.objects.get(workshop=workshop, join_key=join_key)
    return participant


@contextmanager
def once(participant: Participant, key: str) -> Iterator[bool]:
    """Carry out a participant's form post once per key: yields whether to do it, and keeps
    the key in the same transaction as the change, so a retry after a crash, a dropped
    connection or a double tap is recognised — and two racing copies store one."""
    key = key[:64]
    with transaction.atomic():
        if not key:
            yield True
            return
        if Submission.objects.filter(participant=participant, key=key).exists():
            yield False
            return
        yield True
        Submission.objects.create(participant=participant, key=key)


def bump_version(workshop: Workshop) -> None:
    # One statement instead of an update and a read: every write of every tap passes here.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Workshop._meta.db_table} SET version = version + 1 "  # noqa: S608 - our table
            "WHERE id = %s RETURNING version",
            [workshop.pk],
        )
        (workshop.version,) = cursor.fetchone()


def open_round(workshop: Workshop, round_: Round) -> None:
    """The facilitator opens a round (also to go back to an earlier one)."""
    if round_.template_id != workshop.template_id:
        raise WorkshopError("unknown_round", _("This round is not part of this workshop."))
    if workshop.state == Workshop.State.CLOSED:
        raise WorkshopError("workshop_closed", _("This workshop has ended."))
    with transaction.atomic():
        workshop.state = Workshop.State.RUNNING
        workshop.current_round = round_
        workshop.round_open = True
        workshop.save(update_fields=["state", "current_round", "round_open"])
        bump_version(workshop)
        transaction.on_commit(lambda: live_updates.announce_round(workshop))


def close_round(workshop: Workshop) -> None:
    """Writing stops; everybody still sees the notes."""
    with transaction.atomic():
        workshop.round_open = False
        workshop.save(update_fields=["round_open"])
        bump_version(workshop)
        transaction.on_commit(lambda: live_updates.announce_round(workshop))


def add_contribution(
    participant: Participant,
    prompt: Prompt,
    text: str,
    links_to: Contribution | None = None,
    idempotency_key: str | None = None,
) -> Contribution:
    """A participant adds a note for their own group to a prompt of the open round."""
    if idempotency_key:
        earlier = Contribution.objects.filter(
            idempotency_key=idempotency_key, participant=participant
        ).first()
        if earlier is not None:
            return earlier  # a retry or a double tap: stored once
    _require_writing_pace(participant)
    return _store_note(
        participant.workshop, participant.perspective, prompt, text,
        participant=participant, links_to=links_to, idempotency_key=idempotency_key,
    )


def add_paper_note(workshop: Workshop, perspective: str, prompt: Prompt, text: str) -> Contribution:
    """The facilitator types in a note from paper on behalf of a group."""
    if perspective not in Perspective.values:
        raise WorkshopError("unknown_perspective", _("Choose one of the three groups."))
    return _store_note(workshop, perspective, prompt, text)


def _store_note(
    workshop: Workshop,
    perspective: str,
    prompt: Prompt,
    text: str,
    *,
    participant: Participant | None = None,
    links_to: Contribution | None = None,
    idempotency_key: str | None = None,
) -> Contribution:
    _require_writing(workshop, prompt)
    text = _note_text(text)
    _check_link(workshop, perspective, prompt, links_to, participant)
    with transaction.atomic():
        note = Contribution.objects.create(
            workshop=workshop,
            participant=participant,
            perspective=perspective,
            prompt=prompt,
            text=text,
            links_to=links_to,
            idempotency_key=idempotency_key or None,
        )
        bump_version(workshop)
        transaction.on_commit(lambda: live_updates.note_added(workshop, note))
    return note


def _require_writing_pace(participant: Participant) -> None:
    """Nobody writes more than settings.NOTES_PER_MINUTE notes a minute by hand: a phone
    that does is a script flooding its group's screens, and has to wait."""
    recent = Contribution.objects.filter(
        participant=participant, created_at__gt=timezone.now() - timedelta(minutes=1)
    ).count()
    if recent >= int(settings.NOTES_PER_MINUTE):
        raise WorkshopError("too_many_notes", _(
            "You are adding notes very fast. Wait a minute, then add the next one."
        ))


def _require_writing(workshop: Workshop, prompt: Prompt) -> None:
    if not workshop.round_open or workshop.current_round_id != prompt.round_id:
        raise WorkshopError("round_closed", _("This round is closed. You cannot add notes now."))


def _note_text(text: str) -> str:
    """The note as stored: spaces and line breaks tidied, within the length limit."""
    text = one_line(text)
    if not text:
        raise WorkshopError("empty_note", _("Write something first."))
    if len(text) > Contribution.MAX_LENGTH:
        raise WorkshopError(
            "note_too_long",
            _("A note can be at most %(max)d characters.") % {"max": Contribution.MAX_LENGTH},
        )
    return text


def _check_link(
    workshop: Workshop,
    perspective: str,
    prompt: Prompt,
    links_to: Contribution | None,
    participant: Participant | None,
) -> None:
    """A belief links to a behaviour (a thought to a routine) of the same group; while the
    group writes privately, only to one of the writer's own notes."""
    if links_to is None:
        return
    if (
        links_to.workshop_id != workshop.pk
        or links_to.perspective != perspective
        or links_to.prompt_id != prompt.links_to_id
        or links_to.hidden
        or links_to.merged_into_id is not None
        or (
            participant is not None
            and workshop.notes_are_private(prompt.round)
            and links_to.participant_id != participant.pk
        )
    ):
        raise WorkshopError("bad_link", _("You can only link to a note of your own group."))


def _announce_notes_on_commit(
    workshop: Workshop, perspective: str, *authors: Participant | None
) -> None:
    writers = [author for author in authors if author is not None]
    transaction.on_commit(lambda: live_updates.notes_changed(workshop, perspective, writers))


def _require_own_open_note(participant: Participant, note: Contribution) -> None:
    if note.participant_id != participant.pk or note.hidden or note.merged_into_id is not None:
        raise WorkshopError("not_your_note", _("You can only change your own notes."))
    _require_writing(participant.workshop, note.prompt)


def edit_contribution(
    participant: Participant, note: Contribution, text: str, links_to: Contribution | None = None
) -> Contribution:
    """A participant rewrites one of their own notes while its round is open."""
    _require_own_open_note(participant, note)
    text = _note_text(text)
    _check_link(participant.workshop, note.perspective, note.prompt, links_to, participant)
    with transaction.atomic():
        note.text = text
        note.links_to = links_to
        note.edited_at = timezone.now()
        note.save(update_fields=["text", "links_to", "edited_at"])
        bump_version(participant.workshop)
        _announce_notes_on_commit(participant.workshop, note.perspective, participant)
    return note


def delete_contribution(participant: Participant, note: Contribution) -> None:
    """A participant takes back one of their own notes while its round is open; a note that
    linked to it keeps its text and loses the link."""
    _require_own_open_note(participant, note)
    with transaction.atomic():
        note.delete()
        bump_version(participant.workshop)
        _announce_notes_on_commit(participant.workshop, participant.perspective, participant)


def delete_my_notes(participant: Participant) -> int:
    """A participant's right to erasure: every note they wrote goes, in any round and also
    after the workshop (hidden and merged ones too). Notes that linked to them keep their
    text; the activities they proposed stay with the group, without their name. Returns
    how many were deleted."""
    workshop = participant.workshop
    with transaction.atomic():
        deleted, _by_model = Contribution.objects.filter(participant=participant).delete()
        Activity.objects.filter(proposed_by=participant).update(proposed_by=None)
        bump_version(workshop)
        _announce_notes_on_commit(workshop, participant.perspective, participant)
    return deleted


def reveal_notes(workshop: Workshop, round_: Round) -> None:
    """The facilitator shows the privately written notes of a round to every group."""
    if not workshop.private_rounds.filter(pk=round_.pk).exists():
        raise WorkshopError("not_private", _("In this round everyone sees the notes already."))
    with transaction.atomic():
        workshop.revealed_rounds.add(round_)
        workshop.__dict__.pop("unrevealed_round_ids", None)
        bump_version(workshop)
        transaction.on_commit(lambda: live_updates.announce_round(workshop))


def merge_notes(workshop: Workshop, duplicate: Contribution, into: Contribution) -> None:
    """The facilitator merges a duplicate into a note that says the same: the duplicate
    disappears, its links and the activities that served it move to the note kept."""
    if duplicate.workshop_id != workshop.pk or into.workshop_id != workshop.pk:
        raise WorkshopError("unknown_note", _("This note is not part of this workshop."))
    if (
        duplicate.pk == into.pk
        or duplicate.perspective != into.perspective
        or duplicate.prompt_id != into.prompt_id
        or into.hidden
        or into.merged_into_id is not None
    ):
        raise WorkshopError(
            "bad_merge", _("Only notes of the same group on the same question can be merged.")
        )
    with transaction.atomic():
        # Duplicates merged into this one earlier now count for the note kept.
        Contribution.objects.filter(merged_into=duplicate).update(merged_into=into)
        Contribution.objects.filter(links_to=duplicate).update(links_to=into)
        for activity in duplicate.served_by.all():
            activity.serves.remove(duplicate)
            activity.serves.add(into)
        duplicate.merged_into = into
        duplicate.save(update_fields=["merged_into"])
        bump_version(workshop)
        _announce_notes_on_commit(workshop, into.perspective, duplicate.participant)


def move_note(workshop: Workshop, note: Contribution, prompt: Prompt) -> None:
    """The facilitator puts a note under the question it answers (a belief written as a
    behaviour, say). Links that no longer fit are dropped; the text stays."""
    if note.workshop_id != workshop.pk:
        raise WorkshopError("unknown_note", _("This note is not part of this workshop."))
    if prompt.round.template_id != workshop.template_id or prompt.round.kind != Round.Kind.REFLECT:
        raise WorkshopError("unknown_prompt", _("This question is not part of this workshop."))
    if prompt.pk == note.prompt_id:
        return
    with transaction.atomic():
        note.prompt = prompt
        if note.links_to is not None and note.links_to.prompt_id != prompt.links_to_id:
            note.links_to = None
        note.save(update_fields=["prompt", "links_to"])
        note.linked_from.exclude(prompt__links_to=prompt).update(links_to=None)
        bump_version(workshop)
        _announce_notes_on_commit(workshop, note.perspective, note.participant)


def _require_choosing(workshop: Workshop) -> None:
    round_ = workshop.current_round
    if not workshop.round_open or round_ is None or round_.kind != Round.Kind.CHOOSE_ACTIVITIES:
        raise WorkshopError(
            "not_choosing", _("Activities are chosen in the last round, while it is open.")
        )


def propose_activity(
    participant: Participant,
    title: str,
    description: str = "",
    serves: list[Contribution] | None = None,
) -> Activity:
    """A member proposes an activity for their group, and says which desired behaviours it
    serves (notes of their own group)."""
    workshop = participant.workshop
    _require_choosing(workshop)
    title = one_line(title)
    description = plain_text(description)
    if not title:
        raise WorkshopError("empty_title", _("Give the activity a short title."))
    if len(title) > 120 or len(description) > 500:
        raise WorkshopError(
            "activity_too_long",
            _("The title can be at most 120 characters, the description at most 500."),
        )
    serves = serves or []
    if any(
        note.workshop_id != workshop.pk or note.perspective != participant.perspective
        for note in serves
    ):
        raise WorkshopError("bad_link", _("You can only link to a note of your own group."))
    with transaction.atomic():
        activity = Activity.objects.create(
            workshop=workshop, perspective=participant.perspective, title=title,
            description=description, proposed_by=participant,
        )
        activity.serves.set(serves)
        bump_version(workshop)
        transaction.on_commit(
            lambda: live_updates.activities_changed(workshop, participant.perspective)
        )
    return activity


def dots_used(participant: Participant) -> int:
    return participant.votes.aggregate(n=Sum("dots"))["n"] or 0


def place_dot(participant: Participant, activity: Activity, add: bool = True) -> None:
    """One dot more (or fewer) on an activity of the participant's own group, within the
    workshop's dot budget."""
    workshop = participant.workshop
    _require_choosing(workshop)
    if activity.workshop_id != workshop.pk or activity.perspective != participant.perspective:
        raise WorkshopError("other_group", _("You can only vote in your own group."))
    with transaction.atomic():
        # Lock the participant's row so two quick taps cannot both pass the budget check.
        Participant.objects.select_for_update().filter(pk=participant.pk).first()
        vote = Vote.objects.filter(activity=activity, participant=participant).first()
        if add:
            if dots_used(participant) >= workshop.dot_budget:
                raise WorkshopError(
                    "no_dots_left",
                    _("You have used all %(budget)d dots. Take one back first.")
                    % {"budget": workshop.dot_budget},
                )
            if vote is None:
                Vote.objects.create(activity=activity, participant=participant, dots=1)
            else:
                vote.dots += 1
                vote.save(update_fields=["dots"])
        elif vote is not None:
            if vote.dots > 1:
                vote.dots -= 1
                vote.save(update_fields=["dots"])
            else:
                vote.delete()
        bump_version(workshop)
        transaction.on_commit(
            lambda: live_updates.activities_changed(workshop, participant.perspective)
        )


def choose_activities(workshop: Workshop, perspective: str, activities: list[Activity]) -> None:
    """The group (or the facilitator for it) confirms exactly the number of activities the
    template asks for: 2 in the default template, so 6 in all."""
    _require_choosing(workshop)
    round_ = closing_round(workshop.template)
    wanted = round_.activities_per_perspective if round_ else 0
    if any(a.workshop_id != workshop.pk or a.perspective != perspective for a in activities):
        raise WorkshopError("other_group", _("You can only choose activities of one group."))
    if len({a.pk for a in activities}) != wanted:
        raise WorkshopError(
            "wrong_number_of_activities",
            _("Choose exactly %(wanted)d activities. You chose %(chosen)d.")
            % {"wanted": wanted, "chosen": len({a.pk for a in activities})},
        )
    with transaction.atomic():
        group = Activity.objects.filter(workshop=workshop, perspective=perspective)
        group.update(chosen=False)
        group.filter(pk__in=[a.pk for a in activities]).update(chosen=True)
        bump_version(workshop)
        transaction.on_commit(lambda: live_updates.activities_changed(workshop, perspective))


def show_activity(workshop: Workshop, activity: Activity) -> None:
    """The facilitator puts one chosen activity on the projector: the groups share their
    choice, and everyone in the room reacts on their phone. The first one starts sharing."""
    round_ = workshop.current_round
    if (
        workshop.state == Workshop.State.CLOSED
        or round_ is None
        or round_.kind != Round.Kind.CHOOSE_ACTIVITIES
    ):
        raise WorkshopError(
            "not_choosing", _("The groups share their activities in the last round.")
        )
    if not _is_chosen(workshop, activity):
        raise WorkshopError(
            "not_chosen", _("Only activities a group has chosen can be shared.")
        )
    started = workshop.shown_activity_id is None
    with transaction.atomic():
        workshop.shown_activity = activity
        workshop.save(update_fields=["shown_activity"])
        bump_version(workshop)
        transaction.on_commit(lambda: live_updates.announce_shown(workshop, started=started))


def _is_chosen(workshop: Workshop, activity: Activity) -> bool:
    # From the database: the caller's copy may predate the group's choice.
    return Activity.objects.filter(pk=activity.pk, workshop=workshop, chosen=True).exists()


def react_to_activity(
    participant: Participant, activity: Activity, kind: str, on: bool = True
) -> None:
    """A participant says "I support this", "I have a concern" or "we can help" about a
    chosen activity of any group (or takes it back). Setting it twice changes nothing."""
    workshop = participant.workshop
    if not workshop.is_sharing:
        raise WorkshopError(
            "not_sharing", _("You can react once the groups share their activities.")
        )
    if not _is_chosen(workshop, activity):
        raise WorkshopError("not_chosen", _("You can only react to a chosen activity."))
    if kind not in Reaction.Kind.values:
        raise WorkshopError("unknown_reaction", _("Choose support, a concern or help."))
    with transaction.atomic():
        if on:
            # The same tap arriving twice at once is stored once: get_or_create catches the
            # unique constraint's refusal in its own savepoint and reads the other one.
            _reaction, changed = Reaction.objects.get_or_create(
                activity=activity, participant=participant, kind=kind
            )
        else:
            deleted, _kinds = Reaction.objects.filter(
                activity=activity, participant=participant, kind=kind
            ).delete()
            changed = deleted > 0
        if not changed:
            return
        bump_version(workshop)
        transaction.on_commit(lambda: live_updates.reactions_changed(workshop, activity))


def close_workshop(workshop: Workshop) -> None:
    """The end: nobody writes or votes any more; every screen goes to the outcome."""
    with transaction.atomic():
        workshop.state = Workshop.State.CLOSED
        workshop.round_open = False
        workshop.save(update_fields=["state", "round_open"])
        bump_version(workshop)
        transaction.on_commit(lambda: live_updates.announce_closed(workshop))
        transaction.on_commit(
            lambda: signals.workshop_closed.send(sender=Workshop, workshop=workshop)
        )


MAX_TIMER_MINUTES = 120


def start_timer(workshop: Workshop, minutes: int) -> None:
    """A countdown on every screen, from one end time kept on the server."""
    if not 1 <= minutes <= MAX_TIMER_MINUTES:
        raise WorkshopError(
            "bad_timer",
            _("Choose between 1 and %(max)d minutes.") % {"max": MAX_TIMER_MINUTES},
        )
    _set_timer(workshop, timezone.now() + timedelta(minutes=minutes))


def stop_timer(workshop: Workshop) -> None:
    _set_timer(workshop, None)


def _set_timer(workshop: Workshop, ends_at: datetime | None) -> None:
    with transaction.atomic():
        workshop.timer_ends_at = ends_at
        workshop.save(update_fields=["timer_ends_at"])
        bump_version(workshop)
        transaction.on_commit(lambda: live_updates.announce_timer(workshop))


def hide_note(workshop: Workshop, note: Contribution, reason: str) -> None:
    """The facilitator takes a note off every screen, saying why (kept for the record, not
    shown to participants)."""
    reason = one_line(reason)
    if note.workshop_id != workshop.pk:
        raise WorkshopError("unknown_note", _("This note is not part of this workshop."))
    if not reason:
        raise WorkshopError("reason_needed", _("Say why you hide this note."))
    with transaction.atomic():
        note.hidden = True
        note.hidden_reason = reason[:200]
        note.save(update_fields=["hidden", "hidden_reason"])
        bump_version(workshop)
        _announce_notes_on_commit(workshop, note.perspective, note.participant)


def anonymise_participants(workshop: Workshop) -> None:
    """The end of the retention period (retention.py): nothing is left that points to a
    person. Screens that are still open reload and find the workshop ended."""
    with transaction.atomic():
        if workshop.state != Workshop.State.CLOSED:
            workshop.state = Workshop.State.CLOSED
            workshop.round_open = False
        Contribution.objects.filter(workshop=workshop, hidden=True).delete()
        Contribution.objects.filter(workshop=workshop).update(participant=None)
        Submission.objects.filter(participant__workshop=workshop).delete()
        participants = list(workshop.participants.all())
        for participant in participants:
            participant.display_name = ""
            participant.key = secrets.token_urlsafe(32)  # cookies and API tokens stop working
            participant.join_key = None
        Participant.objects.bulk_update(participants, ["display_name", "key", "join_key"])
        workshop.anonymised_at = timezone.now()
        workshop.save(update_fields=["state", "round_open", "anonymised_at"])
        bump_version(workshop)
        participants_anonymised.send(sender=Workshop, workshop=workshop)
        transaction.on_commit(lambda: live_updates.announce_closed(workshop))
