"""The authorization matrix: every page, API operation and live subscription, tried by every
kind of caller. Allowed where docs/security.md says so; elsewhere a 403/404 (or, for a page
that needs a login or a joined phone, the way there) — and then nothing changed and nothing
of the workshop's groups was shown.

Facilitators work as one team: a facilitator may run every workshop of the installation, so
"a facilitator of another workshop" is allowed what "the facilitator of this workshop" is."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from samenspel.accounts.services import create_api_token, create_staff_user
from samenspel.compass import services as compass
from samenspel.compass.models import Assessment, Case
from samenspel.followup import services as followup
from samenspel.followup.models import CheckIn, CheckInLink, FollowUp, TrackedActivity
from samenspel.live.subscriptions import read_subscription
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.api_auth import participant_token
from samenspel.workshops.models import Contribution, Workshop
from samenspel.workshops.tests.steps import join_by_form

PASSWORD = "een-lang-wachtwoord-42"
CALLERS = ("anonymous", "member", "other_group", "other_workshop", "facilitator",
           "other_facilitator", "observer", "administrator")
STAFF = {"facilitator", "other_facilitator", "observer", "administrator"}
RUNNERS = {"facilitator", "other_facilitator", "administrator"}
EVERYONE = set(CALLERS)
IN_THE_WORKSHOP = {"member", "other_group"}
# A note only the community group (and staff) may read.
SECRET = "Alleen-voor-de-gemeenschap"


@dataclass
class World:
    workshop: Workshop
    other: Workshop
    note: Contribution
    case: Case
    assessment: Assessment
    ended: Workshop  # closed, with its follow-up
    tracked: TrackedActivity
    clients: dict[str, Client] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def world(db):
    anna = create_staff_user("anna", "facilitator", password=PASSWORD)
    bert = create_staff_user("bert", "facilitator", password=PASSWORD)
    olaf = create_staff_user("olaf", "observer", password=PASSWORD)
    ada = create_staff_user("ada", "administrator", password=PASSWORD)
    workshop = services.create_workshop(created_by=anna, template=default_template(),
                                        title="Samen", case_description="Casus.")
    other = services.create_workshop(created_by=bert, template=default_template(),
                                     title="Elders", case_description="Andere casus.")
    for each in (workshop, other):
        services.open_round(each, each.template.rounds.get(number=1))
    clients = {name: Client() for name in CALLERS}
    member = join_by_form(clients["member"], workshop, "community")
    neighbour = join_by_form(clients["other_group"], workshop, "government")
    stranger = join_by_form(clients["other_workshop"], other, "community")
    for name, user in (("facilitator", "anna"), ("other_facilitator", "bert"),
                       ("observer", "olaf"), ("administrator", "ada")):
        clients[name].login(username=user, password=PASSWORD)
    behaviour = workshop.template.rounds.get(number=1).prompts.get(kind="desired_behaviour")
    note = services.add_contribution(member, behaviour, SECRET)
    case = compass.create_case(created_by=anna, title="Speelplek", description="Wie zorgt?",
                               owner="community")
    tokens = {
        "member": participant_token(member), "other_group": participant_token(neighbour),
        "other_workshop": participant_token(stranger),
        **{name: create_api_token(user, "matrix")[1] for name, user in
           (("facilitator", anna), ("other_facilitator", bert), ("observer", olaf),
            ("administrator", ada))},
    }
    ended = services.create_workshop(created_by=anna, template=default_template(),
                                     title="Afgelopen", case_description="Casus.")
    services.close_workshop(ended)
    follow_up = followup.track_activities(ended)
    tracked = followup.add_activity(ended, title="Samen koken", owner="community")
    assert follow_up is not None
    return World(workshop, other, note, case, compass.start_assessment(case, created_by=anna),
                 ended, tracked, clients, tokens)


def link_of(world, perspective="community"):
    return CheckInLink.objects.get(workshop=world.ended, perspective=perspective).key


def public_key(world):
    return FollowUp.objects.get(workshop=world.ended).public_key


def status_of(world):
    return TrackedActivity.objects.get(pk=world.tracked.pk).status


@dataclass(frozen=True)
class Row:
    name: str
    method: str
    address: Callable[[World], str]
    allowed: set[str]
    data: Callable[[World], dict[str, Any]] = lambda w: {}
    # Whether the deed was done (for a change), so a refusal is seen to change nothing.
    done: Callable[[World], bool] | None = None
    api: bool = False

    def __str__(self) -> str:
        return self.name


def notes(world):
    return Contribution.objects.filter(workshop=world.workshop)


def round_open(world):
    world.workshop.refresh_from_db()
    return not world.workshop.round_open


def behaviour(world):
    return world.workshop.template.rounds.get(number=1).prompts.get(kind="desired_behaviour")


W = "workshops:"
PAGES = (
    Row("workshop list", "get", lambda w: reverse(W + "list"), STAFF),
    Row("prepare a workshop", "get", lambda w: reverse(W + "create"), RUNNERS),
    Row("console", "get", lambda w: reverse(W + "console", args=[w.workshop.pk]), STAFF),
    Row("projector", "get", lambda w: reverse(W + "projector", args=[w.workshop.pk]), STAFF),
    Row("close the round", "post", lambda w: reverse(W + "change_round", args=[w.workshop.pk]),
        RUNNERS, lambda w: {"action": "close", "round": w.workshop.current_round_id},
        done=round_open),
    Row("start the timer", "post", lambda w: reverse(W + "change_timer", args=[w.workshop.pk]),
        RUNNERS, lambda w: {"action": "start", "minutes": "5"},
        done=lambda w: Workshop.objects.get(pk=w.workshop.pk).timer_ends_at is not None),
    Row("type in a paper note", "post",
        lambda w: reverse(W + "add_paper_note", args=[w.workshop.pk]), RUNNERS,
        lambda w: {"perspective": "government", "prompt": behaviour(w).pk, "text": "Papier"},
        done=lambda w: notes(w).filter(text="Papier").exists()),
    Row("hide a note", "post",
        lambda w: reverse(W + "hide_note", args=[w.workshop.pk, w.note.pk]), RUNNERS,
        lambda w: {"reason": "test"}, done=lambda w: notes(w).filter(hidden=True).exists()),
    Row("staff download (complete json)", "get",
        lambda w: reverse("reports:workshop_download", args=[w.workshop.pk]) + "?format=json",
        STAFF),
    Row("import a workshop", "get", lambda w: reverse("reports:import"), RUNNERS),
    Row("outcome page", "get", lambda w: reverse(W + "outcome", args=[w.workshop.outcome_key]),
        EVERYONE),
    Row("add a note on the phone", "post",
        lambda w: reverse(W + "add_note", args=[w.workshop.join_code]), IN_THE_WORKSHOP,
        lambda w: {"prompt": behaviour(w).pk, "text": "Van de telefoon", "key": "k"},
        done=lambda w: notes(w).filter(text="Van de telefoon").exists()),
    Row("change someone's note", "post",
        lambda w: reverse(W + "edit_note", args=[w.workshop.join_code, w.note.pk]), {"member"},
        lambda w: {"text": "Veranderd", "key": "k"},
        done=lambda w: notes(w).filter(text="Veranderd").exists()),
    Row("delete someone's note", "post",
        lambda w: reverse(W + "delete_note", args=[w.workshop.join_code, w.note.pk]),
        {"member"}, lambda w: {"key": "k"}, done=lambda w: not notes(w).filter(
            pk=w.note.pk).exists()),
    Row("what is stored about me", "get",
        lambda w: reverse(W + "my_data", args=[w.workshop.join_code]), IN_THE_WORKSHOP),
    Row("cases", "get", lambda w: reverse("compass:cases"), STAFF),
    Row("a case", "get", lambda w: reverse("compass:case", args=[w.case.pk]), STAFF),
    Row("add a case", "get", lambda w: reverse("compass:case_create"), RUNNERS),
    Row("change a case", "post", lambda w: reverse("compass:case_change", args=[w.case.pk]),
        RUNNERS, lambda w: {"title": "Anders", "description": "Wie?", "owner": "community",
                            "date": "2026-12-01"},
        done=lambda w: Case.objects.filter(title="Anders").exists()),
    Row("close an assessment", "post",
        lambda w: reverse("compass:assessment_change", args=[w.assessment.pk]), RUNNERS,
        lambda w: {"action": "close"},
        done=lambda w: not Assessment.objects.get(pk=w.assessment.pk).is_open),
    Row("a case's answers (csv)", "get",
        lambda w: reverse("compass:export_csv", args=[w.case.pk]), STAFF),
    Row("answer a questionnaire", "get",
        lambda w: reverse("compass:answer", args=[w.assessment.code]), EVERYONE),
    Row("follow-up dashboard", "get", lambda w: reverse("followup:dashboard"), STAFF),
    Row("review of a workshop", "get", lambda w: reverse("followup:review", args=[w.ended.pk]),
        STAFF),
    Row("publish the progress page", "post",
        lambda w: reverse("followup:publish", args=[w.ended.pk]), RUNNERS,
        lambda w: {"public": "1"},
        done=lambda w: FollowUp.objects.get(workshop=w.ended).is_public),
    Row("a tracked activity", "get",
        lambda w: reverse("followup:activity", args=[w.tracked.pk]), STAFF),
    Row("change its status", "post",
        lambda w: reverse("followup:status_change", args=[w.tracked.pk]), RUNNERS,
        lambda w: {"status": "started", "date": "2026-12-01"},
        done=lambda w: status_of(w) == "started"),
    Row("a group's check-in link", "get",
        lambda w: reverse("followup:link", args=[link_of(w)]), EVERYONE),
    Row("a check-in through the link", "post",
        lambda w: reverse("followup:link_check_in", args=[link_of(w), w.tracked.pk]),
        EVERYONE, lambda w: {"done": "We kookten", "worked": "yes", "key": "k"},
        done=lambda w: CheckIn.objects.filter(done="We kookten").exists()),
    Row("a progress page not published", "get",
        lambda w: reverse("followup:public", args=[public_key(w)]), set()),
)

API = (
    Row("GET /me", "get", lambda w: "/api/v1/me", IN_THE_WORKSHOP | {"other_workshop"},
        api=True),
    Row("PATCH someone's note", "patch", lambda w: f"/api/v1/me/notes/{w.note.pk}", {"member"},
        lambda w: {"text": "Via de API"}, api=True,
        done=lambda w: notes(w).filter(text="Via de API").exists()),
    Row("DELETE someone's note", "delete", lambda w: f"/api/v1/me/notes/{w.note.pk}",
        {"member"}, api=True, done=lambda w: not notes(w).filter(pk=w.note.pk).exists()),
    Row("GET /workshops", "get", lambda w: "/api/v1/workshops", STAFF, api=True),
    Row("GET /workshops/{id}", "get", lambda w: f"/api/v1/workshops/{w.workshop.pk}", STAFF,
        api=True),
    Row("close round over the API", "post",
        lambda w: f"/api/v1/workshops/{w.workshop.pk}/rounds/1/close", RUNNERS, api=True,
        done=round_open),
    Row("hide over the API", "post",
        lambda w: f"/api/v1/workshops/{w.workshop.pk}/notes/{w.note.pk}/hide", RUNNERS,
        lambda w: {"reason": "x"}, api=True,
        done=lambda w: notes(w).filter(hidden=True).exists()),
    Row("export json over the API", "get",
        lambda w: f"/api/v1/workshops/{w.workshop.pk}/export?format=json", STAFF, api=True),
    Row("outcome over the API", "get", lambda w: f"/api/v1/outcome/{w.workshop.outcome_key}",
        EVERYONE, api=True),
    Row("GET /cases", "get", lambda w: "/api/v1/cases", STAFF, api=True),
    Row("POST /cases", "post", lambda w: "/api/v1/cases", RUNNERS,
        lambda w: {"title": "Nieuw", "description": "Wat?", "owner": "community"}, api=True,
        done=lambda w: Case.objects.filter(title="Nieuw").exists()),
    Row("close an assessment over the API", "post",
        lambda w: f"/api/v1/assessments/{w.assessment.pk}/close", RUNNERS, api=True,
        done=lambda w: not Assessment.objects.get(pk=w.assessment.pk).is_open),
    Row("GET /follow-up/activities", "get", lambda w: "/api/v1/follow-up/activities", STAFF,
        api=True),
    Row("status over the API", "post",
        lambda w: f"/api/v1/follow-up/activities/{w.tracked.pk}/status", RUNNERS,
        lambda w: {"status": "started"}, api=True, done=lambda w: status_of(w) == "started"),
)


def call(world, row, caller):
    client = world.clients[caller] if not row.api else Client()
    kwargs: dict[str, Any] = {}
    if row.api:
        kwargs["content_type"] = "application/json"
        if caller in world.tokens:
            kwargs["headers"] = {"Authorization": f"Bearer {world.tokens[caller]}"}
    data = row.data(world)
    method = getattr(client, row.method)
    if row.api and row.method != "get":
        return method(row.address(world), data=data or {}, **kwargs)
    return method(row.address(world), data, **kwargs)


def refused(response, row, world):
    """A 403/404, or the way to where the caller could be let in (the login, the join page)."""
    if response.status_code in (401, 403, 404, 410):
        return True
    if response.status_code == 302:
        target = response.url
        return target.startswith(reverse("accounts:login")) or target == reverse(
            "workshops:participant", args=[world.workshop.join_code])
    return False


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("row", PAGES + API, ids=str)
def test_every_caller_gets_what_the_matrix_says(world, row, caller):
    response = call(world, row, caller)
    if caller in row.allowed:
        assert response.status_code < 400, (row.name, caller, response.status_code)
        assert not refused(response, row, world) or row.method == "post", (row.name, caller)
        if row.done is not None:
            assert row.done(world), (row.name, caller, "allowed but not done")
    else:
        assert refused(response, row, world), (row.name, caller, response.status_code)
        if row.done is not None:
            assert not row.done(world), (row.name, caller, "refused but done anyway")
        body = response.content.decode(errors="replace")
        assert SECRET not in body, (row.name, caller)


# Who may read the community group's note, on the pages each caller can open.
READERS = {"member"} | STAFF


@pytest.mark.parametrize("caller", CALLERS)
def test_a_groups_notes_show_only_to_that_group_and_staff(world, caller):
    pages = [reverse("workshops:participant", args=[world.workshop.join_code]),
             reverse("workshops:participant", args=[world.other.join_code])]
    if caller in STAFF:
        pages += [reverse("workshops:console", args=[world.workshop.pk]),
                  reverse("workshops:projector", args=[world.workshop.pk])]
    shown = any(SECRET in world.clients[caller].get(page).content.decode() for page in pages)
    assert shown == (caller in READERS), caller


def live_audiences(world, caller):
    """Every audience of every live token on the pages this caller can open."""
    pages = [reverse("workshops:participant", args=[code])
             for code in (world.workshop.join_code, world.other.join_code)]
    if caller in STAFF:
        pages += [reverse("workshops:console", args=[world.workshop.pk]),
                  reverse("workshops:projector", args=[world.workshop.pk])]
    heard = set()
    for page in pages:
        html = world.clients[caller].get(page).content.decode()
        for token in re.findall(r'data-live-token="([^"]+)"', html):
            subscription = read_subscription(token)
            heard |= {(subscription.stream, audience) for audience in subscription.audiences}
    return heard


@pytest.mark.parametrize("caller", CALLERS)
def test_no_live_update_reaches_someone_who_may_not_see_it(world, caller):
    stream = world.workshop.stream
    heard = {audience for on, audience in live_audiences(world, caller) if on == stream}
    expected = {
        "member": {"group:community", f"participant:{world.note.participant_id}"},
        "other_group": {"group:government"},
    }
    if caller in STAFF:
        assert heard == {"console", "projector"}, caller
    elif caller in expected:
        assert heard <= expected[caller] | {a for a in heard if a.startswith("participant:")
                                             and caller == "other_group"}, caller
        assert expected[caller] <= heard, caller
        assert ("group:community" in heard) == (caller == "member")
    else:
        assert heard == set(), caller  # not in this workshop: not on its stream at all
