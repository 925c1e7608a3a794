"""The workshop's JSON API: each operation looks up what it acts on with its permission check
and calls one service. Participants act with the token they got when they joined, on
their own workshop and group only (`/me`); facilitators with their personal API key
(`/workshops`); observers may read, not change. A service's refusal keeps its code and
message, with the HTTP status of `REFUSAL_STATUS`."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Status

from samenspel.accounts import permissions
from samenspel.accounts.api_auth import StaffToken
from samenspel.accounts.models import User
from samenspel.core.api_errors import REFUSALS, ApiError, refusals_as_api_errors
from samenspel.live.subscriptions import sign_subscription
from samenspel.method.models import Prompt, Round, WorkshopTemplate
from samenspel.method.perspectives import Perspective
from samenspel.method.services import default_template
from samenspel.workshops import boards, code_guessing, live_updates, services
from samenspel.workshops.api_auth import ParticipantToken, participant_token
from samenspel.workshops.api_schemas import (
    ActivityIn,
    ActivityOut,
    BoardPromptOut,
    ChoiceIn,
    ConsoleOut,
    ConsoleWorkshopOut,
    DotsOut,
    GroupOut,
    HideIn,
    Id,
    JoinedOut,
    JoinIn,
    LiveOut,
    MeOut,
    MergeIn,
    MoveIn,
    MyActivityOut,
    MyPromptOut,
    MySharedActivityOut,
    NoteChangeIn,
    NoteIn,
    NoteOut,
    OutcomeKey,
    OutcomeOut,
    PaperNoteIn,
    SharedActivityOut,
    ShownIn,
    TimerIn,
    Word,
    WorkshopIn,
    WorkshopListItemOut,
    WorkshopOut,
    activity_fields,
    board_prompt_fields,
    counts_out,
    note_out,
    outcome_out,
    participant_out,
    private_and_revealed,
    round_out,
    shared_fields,
    workshop_fields,
)
from samenspel.workshops.join_codes import normalise_join_code
from samenspel.workshops.models import Activity, Contribution, Participant, Workshop

PARTICIPANTS = "participants"
FACILITATORS = "facilitators"

# 400: the request itself is wrong; 403: not yours to do; 404: no such thing here;
# 409: not now (the workshop is not in the state for it); 503: try again.
REFUSAL_STATUS = {
    "not_your_note": 403,
    "other_group": 403,
    "unknown_round": 404,
    "unknown_note": 404,
    "unknown_prompt": 404,
    "workshop_closed": 409,
    "round_closed": 409,
    "not_private": 409,
    "not_choosing": 409,
    "no_dots_left": 409,
    "not_chosen": 409,
    "not_sharing": 409,
    "too_many_notes": 429,
    "no_free_code": 503,
}


router = Router(auth=[StaffToken(), ParticipantToken()])
router.add_decorator(refusals_as_api_errors(services.WorkshopError, REFUSAL_STATUS))


# -- Who is asking ---------------------------------------------------------------------------


def me(request: HttpRequest) -> Participant:
    caller = getattr(request, "auth", None)
    if not isinstance(caller, Participant):
        raise ApiError(403, "participants_only", _(
            "Only a participant can do this: join a workshop and use the token you get."
        ))
    request.samenspel_workshop = caller.workshop  # type: ignore[attr-defined]  # see api.py
    return caller


def workshop_for(request: HttpRequest, workshop_id: Id, *, change: bool = False) -> Workshop:
    """The workshop, for a staff member who may look at it (and, with `change`, run it)."""
    facilitator(request, change=change)
    workshop = (
        Workshop.objects.select_related("template", "current_round", "shown_activity")
        .filter(pk=workshop_id)
        .first()
    )
    if workshop is None:
        raise ApiError(404, "unknown_workshop", _("There is no workshop with this number."))
    request.samenspel_workshop = workshop  # type: ignore[attr-defined]  # see api.py
    return workshop


def facilitator(request: HttpRequest, *, change: bool) -> User:
    caller = getattr(request, "auth", None)
    if not isinstance(caller, User) or not permissions.can_view_workshops(caller):
        raise ApiError(403, "facilitators_only", _("Only a facilitator can do this."))
    if change and not permissions.can_run_workshops(caller):
        raise ApiError(403, "not_allowed", _(
            "You may look at workshops, not change them. Ask for the facilitator role."
        ))
    return caller


def note_of(workshop: Workshop, note_id: Id) -> Contribution:
    note = (
        Contribution.objects.visible()
        .filter(pk=note_id, workshop=workshop)
        .select_related("prompt__round", "links_to")
        .first()
    )
    if note is None:
        raise ApiError(404, "unknown_note", _("This note is not part of this workshop."))
    return note


def linked_note(workshop: Workshop, note_id: Id | None) -> Contribution | None:
    if note_id is None:
        return None
    note = Contribution.objects.filter(pk=note_id, workshop=workshop).first()
    if note is None:
        raise ApiError(400, "bad_link", _("You can only link to a note of your own group."))
    return note


def prompt_of(workshop: Workshop, prompt_id: int) -> Prompt:
    prompt = workshop.prompt(prompt_id)
    if prompt is None:
        raise ApiError(404, "unknown_prompt", _("This question is not part of this workshop."))
    return prompt


def round_of(workshop: Workshop, number: Id) -> Round:
    round_ = workshop.template.rounds.filter(number=number).first()
    if round_ is None:
        raise ApiError(404, "unknown_round", _("This round is not part of this workshop."))
    return round_


def activities_of(workshop: Workshop, activity_ids: list[int]) -> list[Activity]:
    found = list(Activity.objects.filter(workshop=workshop, pk__in=activity_ids))
    if len(found) != len(set(activity_ids)):
        raise ApiError(404, "unknown_activity", _("This activity does not exist."))
    return found


def perspective_of(value: str) -> str:
    if value not in Perspective.values:
        raise ApiError(404, "unknown_group", _("Choose one of the three groups."))
    return value


# -- Participants ----------------------------------------------------------------------------


@router.post(
    "/join", auth=None, response={201: JoinedOut, **REFUSALS}, tags=[PARTICIPANTS],
    summary="Join a workshop with its code",
)
def join(request: HttpRequest, body: JoinIn) -> Status[JoinedOut]:
    """No account needed: the answer holds the participant's token for the other `/me`
    calls. Keep it: it is the only way back to one's own notes."""
    code = normalise_join_code(body.code)
    if code is None:
        raise ApiError(400, "bad_code", _(
            "This is not a workshop code. A code has 6 letters and digits, like KMT 4XH."
        ))
    workshop = (
        Workshop.objects.select_related("template", "current_round", "shown_activity")
        .filter(join_code=code)
        .first()
    )
    code_guessing.looked_up(request, workshop is not None)
    if workshop is None:
        raise ApiError(404, "unknown_code", _(
            "There is no workshop with this code. Check the code and try again."
        ))
    joined = services.join_workshop(workshop, body.perspective, body.display_name)
    return Status(201, JoinedOut(
        token=participant_token(joined), participant=participant_out(joined),
        workshop=WorkshopOut(**workshop_fields(workshop)),
    ))


@router.get("/me", response={200: MeOut, **REFUSALS}, tags=[PARTICIPANTS],
            summary="What my phone shows now")
def my_screen(request: HttpRequest) -> MeOut:
    """The workshop, the current round's prompts worded for my group with my group's notes
    (while the group writes privately: only how many, and my own), my group's activities
    with the dots, and while sharing the chosen activities with the room's reactions."""
    participant = me(request)
    workshop = participant.workshop
    round_ = workshop.current_round
    closing = round_ is not None and round_.kind == Round.Kind.CHOOSE_ACTIVITIES
    pressed = boards.my_reactions(participant) if workshop.is_sharing else set()
    return MeOut(
        participant=participant_out(participant),
        workshop=WorkshopOut(**workshop_fields(workshop)),
        prompts=[
            MyPromptOut(
                **board_prompt_fields(item, show_private=False),
                mine=[note_out(n) for n in item["mine"]],
            )
            for item in boards.prompts_with_notes(workshop, participant.perspective, participant)
        ],
        activities=my_activities(participant),
        desired_behaviours=[
            note_out(n) for n in boards.desired_behaviours(workshop, participant.perspective)
        ] if closing else [],
        dots_left=workshop.dot_budget - services.dots_used(participant),
        wanted=round_.activities_per_perspective if closing and round_ else None,
        shared=[
            MySharedActivityOut(
                **shared_fields(item, workshop),
                mine=sorted(kind for pk, kind in pressed if pk == item["activity"].pk),
            )
            for item in boards.shared_activities(workshop)
        ] if workshop.is_sharing else [],
        outcome_key=workshop.outcome_key if workshop.state == Workshop.State.CLOSED else None,
    )


def my_activities(participant: Participant) -> list[MyActivityOut]:
    mine = boards.my_dots(participant)
    return [
        MyActivityOut(**activity_fields(item), my_dots=mine.get(item["activity"].pk, 0))
        for item in boards.group_activities(participant.workshop, participant.perspective)
    ]


@router.post("/me/notes", response={201: NoteOut, **REFUSALS}, tags=[PARTICIPANTS],
             summary="Add a note for my group")
def add_note(request: HttpRequest, body: NoteIn) -> Status[NoteOut]:
    participant = me(request)
    workshop = participant.workshop
    note = services.add_contribution(
        participant, prompt_of(workshop, body.prompt), body.text,
        linked_note(workshop, body.links_to), body.idempotency_key,
    )
    return Status(201, note_out(note))


@router.patch("/me/notes/{note_id}", response={200: NoteOut, **REFUSALS}, tags=[PARTICIPANTS],
              summary="Change one of my notes while its round is open")
def change_note(request: HttpRequest, note_id: Id, body: NoteChangeIn) -> NoteOut:
    participant = me(request)
    workshop = participant.workshop
    note = note_of(workshop, note_id)
    given = body.model_fields_set
    links_to = linked_note(workshop, body.links_to) if "links_to" in given else note.links_to
    text = body.text if body.text is not None else note.text
    return note_out(services.edit_contribution(participant, note, text, links_to))


@router.delete("/me/notes/{note_id}", response={204: None, **REFUSALS}, tags=[PARTICIPANTS],
               summary="Take back one of my notes while its round is open")
def delete_note(request: HttpRequest, note_id: Id) -> Status[None]:
    participant = me(request)
    services.delete_contribution(participant, note_of(participant.workshop, note_id))
    return Status(204, None)


@router.post("/me/activities", response={201: MyActivityOut, **REFUSALS}, tags=[PARTICIPANTS],
             summary="Propose an activity for my group (closing round)")
def propose_activity(request: HttpRequest, body: ActivityIn) -> Status[MyActivityOut]:
    participant = me(request)
    behaviours = boards.desired_behaviours(participant.workshop, participant.perspective)
    serves = [note for note in behaviours if note.pk in set(body.serves)]
    if len(serves) != len(set(body.serves)):
        raise ApiError(400, "bad_link", _("You can only link to a note of your own group."))
    activity = services.propose_activity(participant, body.title, body.description, serves)
    return Status(201, my_activity(participant, activity.pk))


def my_activity(participant: Participant, activity_id: Id) -> MyActivityOut:
    return next(a for a in my_activities(participant) if a.id == activity_id)


@router.post("/me/activities/{activity_id}/dots", response={200: DotsOut, **REFUSALS},
             tags=[PARTICIPANTS], summary="Put one of my dots on an activity of my group")
def add_dot(request: HttpRequest, activity_id: Id) -> DotsOut:
    return place_dot(request, activity_id, add=True)


@router.delete("/me/activities/{activity_id}/dots", response={200: DotsOut, **REFUSALS},
               tags=[PARTICIPANTS], summary="Take one of my dots back from an activity")
def remove_dot(request: HttpRequest, activity_id: Id) -> DotsOut:
    return place_dot(request, activity_id, add=False)


def place_dot(request: HttpRequest, activity_id: Id, *, add: bool) -> DotsOut:
    participant = me(request)
    [activity] = activities_of(participant.workshop, [activity_id])
    services.place_dot(participant, activity, add=add)
    return DotsOut(
        activity=my_activity(participant, activity.pk),
        dots_left=participant.workshop.dot_budget - services.dots_used(participant),
    )


@router.put("/me/choice", response={200: list[MyActivityOut], **REFUSALS}, tags=[PARTICIPANTS],
            summary="Confirm my group's choice of activities")
def choose(request: HttpRequest, body: ChoiceIn) -> list[MyActivityOut]:
    participant = me(request)
    workshop = participant.workshop
    services.choose_activities(
        workshop, participant.perspective, activities_of(workshop, body.activities)
    )
    return my_activities(participant)


@router.put("/me/activities/{activity_id}/reactions/{kind}",
            response={200: MySharedActivityOut, **REFUSALS}, tags=[PARTICIPANTS],
            summary="React to a chosen activity while the groups share them")
def react(request: HttpRequest, activity_id: Id, kind: Word) -> MySharedActivityOut:
    """`kind` is support, concern or help. Reacting twice counts once."""
    return set_reaction(request, activity_id, kind, on=True)


@router.delete("/me/activities/{activity_id}/reactions/{kind}",
               response={200: MySharedActivityOut, **REFUSALS}, tags=[PARTICIPANTS],
               summary="Take a reaction back")
def take_back_reaction(request: HttpRequest, activity_id: Id, kind: Word) -> MySharedActivityOut:
    return set_reaction(request, activity_id, kind, on=False)


def set_reaction(request: HttpRequest, activity_id: Id, kind: Word, *, on: bool
                 ) -> MySharedActivityOut:
    participant = me(request)
    workshop = participant.workshop
    [activity] = activities_of(workshop, [activity_id])
    services.react_to_activity(participant, activity, kind, on)
    [item] = boards.shared_activities(workshop, only=activity)
    pressed = boards.my_reactions(participant)
    return MySharedActivityOut(
        **shared_fields(item, workshop),
        mine=sorted(k for pk, k in pressed if pk == activity.pk),
    )


@router.get("/me/live", response={200: LiveOut, **REFUSALS}, tags=[PARTICIPANTS],
            summary="A socket pass to hear my group and my own notes live")
def my_live(request: HttpRequest) -> LiveOut:
    participant = me(request)
    return live_pass(request, participant.workshop, [
        live_updates.group(participant.perspective), live_updates.participant(participant),
    ])


def live_pass(request: HttpRequest, workshop: Workshop, audiences: list[str]) -> LiveOut:
    token = sign_subscription(workshop.stream, audiences)
    scheme = "wss" if request.is_secure() else "ws"
    return LiveOut(
        url=f"{scheme}://{request.get_host()}/ws/live?token={token}", token=token,
        stream=workshop.stream, audiences=sorted(audiences),
    )


# -- Facilitators ----------------------------------------------------------------------------


@router.get("/workshops", response={200: list[WorkshopListItemOut], **REFUSALS},
            tags=[FACILITATORS], summary="All workshops")
def workshop_list(request: HttpRequest) -> list[WorkshopListItemOut]:
    facilitator(request, change=False)
    return [
        WorkshopListItemOut(id=w.pk, title=w.title, date=w.date, place=w.place, state=w.state,
                            join_code=w.join_code)
        for w in Workshop.objects.all()
    ]


@router.post("/workshops", response={201: ConsoleWorkshopOut, **REFUSALS}, tags=[FACILITATORS],
             summary="Prepare a workshop")
def create_workshop(request: HttpRequest, body: WorkshopIn) -> Status[ConsoleWorkshopOut]:
    creator = facilitator(request, change=True)
    template = (
        WorkshopTemplate.objects.filter(pk=body.template).first()
        if body.template is not None else default_template()
    )
    if template is None:
        raise ApiError(404, "unknown_template", _("There is no such workshop template."))
    numbers = set(body.private_rounds)
    private = list(template.rounds.filter(number__in=numbers, kind=Round.Kind.REFLECT))
    if len(private) != len(numbers):
        raise ApiError(400, "not_a_writing_round", _(
            "Private writing is only possible in the writing rounds."
        ))
    workshop = services.create_workshop(
        created_by=creator, template=template, title=body.title,
        case_description=body.case_description, date=body.date, place=body.place,
        facilitator_names=body.facilitator_names, dot_budget=body.dot_budget,
        private_rounds=private, retention_months=body.retention_months,
    )
    return Status(201, console_workshop(request, workshop))


def console_workshop(request: HttpRequest, workshop: Workshop) -> ConsoleWorkshopOut:
    return ConsoleWorkshopOut(
        **workshop_fields(workshop),
        join_url=request.build_absolute_uri(
            reverse("workshops:participant", args=[workshop.join_code])
        ),
        outcome_key=workshop.outcome_key,
        outcome_url=request.build_absolute_uri(
            reverse("workshops:outcome", args=[workshop.outcome_key])
        ),
        created_at=workshop.created_at,
    )


@router.get("/workshops/{workshop_id}", response={200: ConsoleOut, **REFUSALS},
            tags=[FACILITATORS], summary="Everything the console shows")
def console(request: HttpRequest, workshop_id: Id) -> ConsoleOut:
    """The three groups side by side (private notes too), their activities with dots, the
    shared activities with the reactions, the timer and the version."""
    workshop = workshop_for(request, workshop_id)
    private, revealed = private_and_revealed(workshop)
    counts = counts_out(boards.people_per_perspective(workshop))
    return ConsoleOut(
        workshop=console_workshop(request, workshop),
        counts=counts,
        rounds=[
            round_out(r, private, revealed)
            for r in workshop.template.rounds.prefetch_related("prompts")
        ],
        groups=[
            GroupOut(
                perspective=perspective.value, label=str(perspective.label),
                people=counts[perspective.value],
                prompts=[
                    BoardPromptOut(**board_prompt_fields(item, show_private=True))
                    for item in boards.prompts_with_notes(workshop, perspective.value)
                ],
                activities=[
                    ActivityOut(**activity_fields(item))
                    for item in boards.group_activities(workshop, perspective.value)
                ],
            )
            for perspective in Perspective
        ],
        shared=[
            SharedActivityOut(**shared_fields(item, workshop))
            for item in boards.shared_activities(workshop)
        ],
    )


@router.post("/workshops/{workshop_id}/rounds/{number}/open",
             response={200: ConsoleWorkshopOut, **REFUSALS}, tags=[FACILITATORS],
             summary="Open a round (also to go back to an earlier one)")
def open_round(request: HttpRequest, workshop_id: Id, number: Id) -> ConsoleWorkshopOut:
    workshop = workshop_for(request, workshop_id, change=True)
    services.open_round(workshop, round_of(workshop, number))
    return console_workshop(request, workshop)


@router.post("/workshops/{workshop_id}/rounds/{number}/close",
             response={200: ConsoleWorkshopOut, **REFUSALS}, tags=[FACILITATORS],
             summary="Close the open round: writing stops, the notes stay")
def close_round(request: HttpRequest, workshop_id: Id, number: Id) -> ConsoleWorkshopOut:
    workshop = workshop_for(request, workshop_id, change=True)
    round_ = round_of(workshop, number)
    # Named, so that a late request cannot close the round the facilitator opened since.
    if workshop.current_round_id != round_.pk or not workshop.round_open:
        raise ApiError(409, "round_not_open", _("This round is not open."))
    services.close_round(workshop)
    return console_workshop(request, workshop)


@router.post("/workshops/{workshop_id}/rounds/{number}/reveal",
             response={200: ConsoleWorkshopOut, **REFUSALS}, tags=[FACILITATORS],
             summary="Show a round's privately written notes to every group")
def reveal_notes(request: HttpRequest, workshop_id: Id, number: Id) -> ConsoleWorkshopOut:
    workshop = workshop_for(request, workshop_id, change=True)
    services.reveal_notes(workshop, round_of(workshop, number))
    return console_workshop(request, workshop)


@router.post("/workshops/{workshop_id}/close", response={200: ConsoleWorkshopOut, **REFUSALS},
             tags=[FACILITATORS], summary="End the workshop: every screen goes to the outcome")
def close_workshop(request: HttpRequest, workshop_id: Id) -> ConsoleWorkshopOut:
    workshop = workshop_for(request, workshop_id, change=True)
    services.close_workshop(workshop)
    return console_workshop(request, workshop)


@router.put("/workshops/{workshop_id}/timer", response={200: ConsoleWorkshopOut, **REFUSALS},
            tags=[FACILITATORS], summary="Start a countdown on every screen")
def start_timer(request: HttpRequest, workshop_id: Id, body: TimerIn) -> ConsoleWorkshopOut:
    workshop = workshop_for(request, workshop_id, change=True)
    services.start_timer(workshop, body.minutes)
    return console_workshop(request, workshop)


@router.delete("/workshops/{workshop_id}/timer", response={200: ConsoleWorkshopOut, **REFUSALS},
               tags=[FACILITATORS], summary="Stop the countdown")
def stop_timer(request: HttpRequest, workshop_id: Id) -> ConsoleWorkshopOut:
    workshop = workshop_for(request, workshop_id, change=True)
    services.stop_timer(workshop)
    return console_workshop(request, workshop)


@router.post("/workshops/{workshop_id}/notes", response={201: NoteOut, **REFUSALS},
             tags=[FACILITATORS], summary="Type in a note from paper for a group")
def add_paper_note(request: HttpRequest, workshop_id: Id, body: PaperNoteIn) -> Status[NoteOut]:
    workshop = workshop_for(request, workshop_id, change=True)
    note = services.add_paper_note(
        workshop, body.perspective, prompt_of(workshop, body.prompt), body.text
    )
    return Status(201, note_out(note))


@router.post("/workshops/{workshop_id}/notes/{note_id}/hide",
             response={204: None, **REFUSALS}, tags=[FACILITATORS],
             summary="Take a note off every screen, saying why")
def hide_note(request: HttpRequest, workshop_id: Id, note_id: Id, body: HideIn) -> Status[None]:
    workshop = workshop_for(request, workshop_id, change=True)
    services.hide_note(workshop, note_of(workshop, note_id), body.reason)
    return Status(204, None)


@router.post("/workshops/{workshop_id}/notes/{note_id}/merge",
             response={200: NoteOut, **REFUSALS}, tags=[FACILITATORS],
             summary="Merge a duplicate into a note that says the same")
def merge_note(request: HttpRequest, workshop_id: Id, note_id: Id, body: MergeIn) -> NoteOut:
    workshop = workshop_for(request, workshop_id, change=True)
    into = note_of(workshop, body.into)
    services.merge_notes(workshop, note_of(workshop, note_id), into)
    return note_out(
        Contribution.objects.of_group(workshop, into.perspective).get(pk=into.pk)
    )


@router.post("/workshops/{workshop_id}/notes/{note_id}/move",
             response={200: NoteOut, **REFUSALS}, tags=[FACILITATORS],
             summary="Put a note under the question it answers")
def move_note(request: HttpRequest, workshop_id: Id, note_id: Id, body: MoveIn) -> NoteOut:
    workshop = workshop_for(request, workshop_id, change=True)
    note = note_of(workshop, note_id)
    services.move_note(workshop, note, prompt_of(workshop, body.prompt))
    return note_out(note)


@router.put("/workshops/{workshop_id}/groups/{perspective}/choice",
            response={200: list[ActivityOut], **REFUSALS}, tags=[FACILITATORS],
            summary="Confirm the choice of activities on behalf of a group")
def choose_for_group(request: HttpRequest, workshop_id: Id, perspective: Word,
                     body: ChoiceIn) -> list[ActivityOut]:
    workshop = workshop_for(request, workshop_id, change=True)
    group = perspective_of(perspective)
    services.choose_activities(workshop, group, activities_of(workshop, body.activities))
    return [ActivityOut(**activity_fields(i)) for i in boards.group_activities(workshop, group)]


@router.put("/workshops/{workshop_id}/shown-activity",
            response={200: ConsoleWorkshopOut, **REFUSALS}, tags=[FACILITATORS],
            summary="Put a chosen activity on the projector (the first one starts sharing)")
def show_activity(request: HttpRequest, workshop_id: Id, body: ShownIn) -> ConsoleWorkshopOut:
    workshop = workshop_for(request, workshop_id, change=True)
    [activity] = activities_of(workshop, [body.activity])
    services.show_activity(workshop, activity)
    return console_workshop(request, workshop)


@router.get("/workshops/{workshop_id}/live", response={200: LiveOut, **REFUSALS},
            tags=[FACILITATORS], summary="A socket pass for the console or the projector")
def workshop_live(request: HttpRequest, workshop_id: Id,
                  screen: Literal["console", "projector"] = "console") -> LiveOut:
    workshop = workshop_for(request, workshop_id)
    audience = live_updates.PROJECTOR if screen == "projector" else live_updates.CONSOLE
    return live_pass(request, workshop, [audience])


# -- The outcome -----------------------------------------------------------------------------


@router.get("/outcome/{key}", auth=None, response={200: OutcomeOut, **REFUSALS},
            tags=["outcome"], summary="The outcome, for whoever has its link")
def outcome(request: HttpRequest, key: OutcomeKey) -> OutcomeOut:
    """The same as the outcome page: the chosen activities per group with the behaviours
    they serve and the reactions, and every round's visible notes. The key is the last part
    of the outcome page's address."""
    workshop = Workshop.objects.select_related("template").filter(outcome_key=key).first()
    if workshop is None:
        raise ApiError(404, "unknown_outcome", _("There is no outcome at this address."))
    return outcome_out(workshop, boards.outcome(workshop))
