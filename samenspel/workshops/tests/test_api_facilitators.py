"""A facilitator runs the room through the JSON API with a personal API key: prepares a
workshop, opens and closes rounds, keeps the timer, moderates the notes, chooses for a group,
walks through the sharing and closes; an observer may read all of it and change nothing."""

import pytest
from django.urls import reverse

from samenspel.live.subscriptions import read_subscription
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.models import Contribution, Workshop
from samenspel.workshops.tests.api_client import Api, refused, staff_api

pytestmark = pytest.mark.django_db


@pytest.fixture
def olaf_api(client, olaf):
    return staff_api(client, olaf)


def url(workshop, rest=""):
    return f"/workshops/{workshop.pk}{rest}"


# -- Preparing --------------------------------------------------------------------------------


def test_facilitator_prepares_a_workshop_with_private_writing_in_round_1(anna_api, anna):
    answer = anna_api.post("/workshops", {
        "title": "Samen in Helden", "case_description": "Het dorpshuis",
        "date": "2026-03-12", "place": "Helden", "dot_budget": 4, "private_rounds": [1],
    })
    assert answer.status_code == 201
    body = answer.json()
    workshop = Workshop.objects.get(pk=body["id"])
    assert workshop.created_by == anna
    assert body["state"] == "lobby"
    assert body["dot_budget"] == 4
    assert body["join_url"] == f"http://testserver/w/{workshop.join_code}/"
    assert body["outcome_url"].endswith(f"/uitkomst/{workshop.outcome_key}/")
    assert [r.number for r in workshop.private_rounds.all()] == [1]

    console = anna_api.get(url(workshop)).json()
    assert [(r["number"], r["private"]) for r in console["rounds"]] == [
        (1, True), (2, False), (3, False)]
    assert anna_api.get("/workshops").json()[0]["title"] == "Samen in Helden"


def test_private_writing_in_the_closing_round_is_refused(anna_api):
    refused(anna_api.post("/workshops", {"title": "T", "case_description": "C",
                                         "private_rounds": [3]}), 400, "not_a_writing_round")
    assert not Workshop.objects.exists()


def test_a_workshop_without_a_title_is_invalid_input(anna_api):
    refused(anna_api.post("/workshops", {"title": "   ", "case_description": "C"}),
            422, "invalid_input")


def test_an_unknown_workshop_is_404(anna_api):
    refused(anna_api.get("/workshops/999999"), 404, "unknown_workshop")


# -- Observers --------------------------------------------------------------------------------


def test_observer_reads_the_console_but_changes_nothing(olaf_api, workshop, round_1):
    assert olaf_api.get("/workshops").status_code == 200
    assert olaf_api.get(url(workshop)).status_code == 200
    assert olaf_api.get(url(workshop, "/live")).status_code == 200
    body = refused(olaf_api.post(url(workshop, "/rounds/1/open")), 403, "not_allowed")
    assert body["message"] == (
        "Je mag workshops bekijken, niet wijzigen. Vraag om de rol van gespreksleider.")
    refused(olaf_api.post("/workshops", {"title": "T", "case_description": "C"}),
            403, "not_allowed")
    refused(olaf_api.post(url(workshop, "/close")), 403, "not_allowed")
    workshop.refresh_from_db()
    assert workshop.current_round is None
    assert workshop.state == "lobby"


def test_a_revoked_key_no_longer_works(client, anna):
    from samenspel.accounts.services import create_api_token, revoke_api_token

    token, secret = create_api_token(anna, "laptop")
    assert Api(client, secret).get("/workshops").status_code == 200
    revoke_api_token(anna, token.pk)
    refused(Api(client, secret).get("/workshops"), 401, "not_authenticated")


def test_the_key_of_a_deactivated_account_no_longer_works(client, anna):
    api = staff_api(client, anna)
    anna.is_active = False
    anna.save()
    refused(api.get("/workshops"), 401, "not_authenticated")


# -- Rounds, timer, close ---------------------------------------------------------------------


def test_facilitator_opens_and_closes_a_round_and_goes_back(anna_api, workshop):
    opened = anna_api.post(url(workshop, "/rounds/1/open")).json()
    assert opened["state"] == "running"
    assert opened["round"]["number"] == 1
    assert opened["round_open"] is True
    closed = anna_api.post(url(workshop, "/rounds/1/close")).json()
    assert closed["round_open"] is False
    assert closed["version"] > opened["version"]
    anna_api.post(url(workshop, "/rounds/2/open"))
    back = anna_api.post(url(workshop, "/rounds/1/open")).json()
    assert back["round"]["number"] == 1


def test_closing_a_round_that_is_not_open_is_a_conflict(anna_api, workshop, rounds):
    services.open_round(workshop, rounds[2])
    refused(anna_api.post(url(workshop, "/rounds/1/close")), 409, "round_not_open")
    workshop.refresh_from_db()
    assert workshop.round_open


def test_an_unknown_round_is_404(anna_api, workshop):
    refused(anna_api.post(url(workshop, "/rounds/9/open")), 404, "unknown_round")


def test_timer_starts_and_stops_and_keeps_within_two_hours(anna_api, workshop):
    started = anna_api.put(url(workshop, "/timer"), {"minutes": 5}).json()
    assert started["timer_ends_at"] is not None
    refused(anna_api.put(url(workshop, "/timer"), {"minutes": 500}), 400, "bad_timer")
    stopped = anna_api.delete(url(workshop, "/timer")).json()
    assert stopped["timer_ends_at"] is None


def test_closing_the_workshop_ends_the_writing(anna_api, workshop, round_1):
    services.open_round(workshop, round_1)
    closed = anna_api.post(url(workshop, "/close")).json()
    assert closed["state"] == "closed"
    assert closed["round_open"] is False
    refused(anna_api.post(url(workshop, "/rounds/1/open")), 409, "workshop_closed")


# -- The console and moderation ---------------------------------------------------------------


def test_console_shows_every_group_with_its_private_notes(
    anna_api, workshop, round_1, writing, resident, civil_servant
):
    workshop.private_rounds.add(round_1)
    services.add_contribution(resident, writing["behaviour"], "Van de gemeenschap")
    services.add_contribution(civil_servant, writing["behaviour"], "Van de overheid")
    body = anna_api.get(url(workshop)).json()

    assert body["counts"] == {"government": 1, "organisations": 0, "community": 1}
    assert body["workshop"]["private"] is True
    groups = {g["perspective"]: g for g in body["groups"]}
    behaviour = next(p for p in groups["community"]["prompts"]
                     if p["kind"] == "desired_behaviour")
    assert behaviour["private"] is True
    assert [n["text"] for n in behaviour["notes"]] == ["Van de gemeenschap"]
    assert groups["community"]["people"] == 1


def test_facilitator_types_in_a_paper_note_for_a_group(anna_api, workshop, writing):
    answer = anna_api.post(url(workshop, "/notes"), {
        "perspective": "organisations", "prompt": writing["behaviour"].pk, "text": "Van papier"})
    assert answer.status_code == 201
    assert answer.json()["from_paper"] is True
    assert answer.json()["perspective"] == "organisations"
    refused(anna_api.post(url(workshop, "/notes"), {
        "perspective": "press", "prompt": writing["behaviour"].pk, "text": "Van papier"}),
        400, "unknown_perspective")
    assert Contribution.objects.count() == 1


def test_a_hidden_note_disappears_from_every_screen(
    client, anna_api, workshop, writing, resident
):
    note = services.add_contribution(resident, writing["behaviour"], "Iets kwetsends")
    refused(anna_api.post(url(workshop, f"/notes/{note.pk}/hide"), {"reason": " "}),
            400, "reason_needed")
    assert anna_api.post(url(workshop, f"/notes/{note.pk}/hide"),
                         {"reason": "Kwetsend"}).status_code == 204
    note.refresh_from_db()
    assert note.hidden and note.hidden_reason == "Kwetsend"

    from samenspel.workshops.tests.api_client import participant_api

    phone = participant_api(client, resident).get("/me").json()
    assert all(not p["notes"] and not p["mine"] for p in phone["prompts"])
    console = anna_api.get(url(workshop)).json()
    assert not any(p["notes"] for g in console["groups"] for p in g["prompts"])


def test_facilitator_merges_a_duplicate_into_a_note_that_says_the_same(
    anna_api, workshop, writing, resident
):
    kept = services.add_contribution(resident, writing["behaviour"], "Samen koken")
    duplicate = services.add_contribution(resident, writing["behaviour"], "Samen eten koken")
    belief = services.add_contribution(resident, writing["belief"], "Het lukt")
    answer = anna_api.post(url(workshop, f"/notes/{duplicate.pk}/merge"), {"into": kept.pk})
    assert answer.status_code == 200
    assert answer.json()["merged_count"] == 1
    refused(anna_api.post(url(workshop, f"/notes/{belief.pk}/merge"), {"into": kept.pk}),
            400, "bad_merge")
    refused(anna_api.post(url(workshop, f"/notes/{duplicate.pk}/merge"), {"into": kept.pk}),
            404, "unknown_note")


def test_facilitator_moves_a_note_to_the_question_it_answers(
    anna_api, workshop, writing, resident, rounds
):
    note = services.add_contribution(resident, writing["behaviour"], "Ik geloof dat het kan")
    answer = anna_api.post(url(workshop, f"/notes/{note.pk}/move"),
                           {"prompt": writing["belief"].pk})
    assert answer.json()["prompt"] == writing["belief"].pk
    closing = rounds[3].prompts.first()
    refused(anna_api.post(url(workshop, f"/notes/{note.pk}/move"), {"prompt": closing.pk}),
            404, "unknown_prompt")


def test_moderating_a_note_of_another_workshop_is_404(anna_api, workshop, writing):
    elsewhere = services.create_workshop(
        created_by=None, template=default_template(), title="Elders", case_description="C")
    services.open_round(elsewhere, elsewhere.template.rounds.get(number=1))
    stranger = services.join_workshop(elsewhere, "community")
    note = services.add_contribution(stranger, writing["behaviour"], "Elders")
    refused(anna_api.post(url(workshop, f"/notes/{note.pk}/hide"), {"reason": "x"}),
            404, "unknown_note")
    note.refresh_from_db()
    assert not note.hidden


def test_facilitator_reveals_the_private_notes(anna_api, workshop, round_1, writing):
    refused(anna_api.post(url(workshop, "/rounds/1/reveal")), 409, "not_private")
    workshop.private_rounds.add(round_1)
    body = anna_api.post(url(workshop, "/rounds/1/reveal")).json()
    assert body["private"] is False
    assert body["round"]["revealed"] is True


# -- Choosing and sharing ---------------------------------------------------------------------


def test_facilitator_confirms_the_choice_for_a_group(
    anna_api, workshop, closing_round, resident
):
    meal, walk, fair = (services.propose_activity(resident, t)
                        for t in ("Buurtmaaltijd", "Wandeling", "Markt"))
    path = url(workshop, "/groups/community/choice")
    refused(anna_api.put(path, {"activities": [meal.pk]}), 400, "wrong_number_of_activities")
    answer = anna_api.put(path, {"activities": [meal.pk, walk.pk]})
    assert [a["title"] for a in answer.json() if a["chosen"]] == ["Buurtmaaltijd", "Wandeling"]
    refused(anna_api.put(url(workshop, "/groups/government/choice"),
                         {"activities": [meal.pk, fair.pk]}), 403, "other_group")
    refused(anna_api.put(url(workshop, "/groups/press/choice"), {"activities": []}),
            404, "unknown_group")


def test_facilitator_walks_through_the_chosen_activities(
    anna_api, workshop, closing_round, resident
):
    meal, walk, fair = (services.propose_activity(resident, t)
                        for t in ("Buurtmaaltijd", "Wandeling", "Markt"))
    services.choose_activities(workshop, "community", [meal, walk])
    refused(anna_api.put(url(workshop, "/shown-activity"), {"activity": fair.pk}),
            409, "not_chosen")
    shown = anna_api.put(url(workshop, "/shown-activity"), {"activity": walk.pk}).json()
    assert shown["sharing"] is True
    assert shown["shown_activity"] == walk.pk
    console = anna_api.get(url(workshop)).json()
    assert [(a["title"], a["shown"]) for a in console["shared"]] == [
        ("Buurtmaaltijd", False), ("Wandeling", True)]


def test_sharing_an_unknown_activity_is_404(anna_api, workshop, closing_round):
    refused(anna_api.put(url(workshop, "/shown-activity"), {"activity": 999999}),
            404, "unknown_activity")


def test_sharing_outside_the_closing_round_is_a_conflict(
    anna_api, workshop, closing_round, round_1, resident
):
    meal, walk = (services.propose_activity(resident, t) for t in ("Buurtmaaltijd", "Wandeling"))
    services.choose_activities(workshop, "community", [meal, walk])
    services.open_round(workshop, round_1)
    refused(anna_api.put(url(workshop, "/shown-activity"), {"activity": meal.pk}),
            409, "not_choosing")


# -- Live and the outcome ---------------------------------------------------------------------


@pytest.mark.parametrize(("screen", "audience"), [("", "console"),
                                                  ("?screen=projector", "projector")])
def test_socket_pass_for_the_console_and_the_projector(anna_api, workshop, screen, audience):
    body = anna_api.get(url(workshop, f"/live{screen}")).json()
    assert read_subscription(body["token"]).audiences == {audience}
    assert body["stream"] == workshop.stream


def test_anyone_with_the_outcome_key_reads_the_outcome_without_a_token(client, workshop):
    services.close_workshop(workshop)
    answer = Api(client).get(f"/outcome/{workshop.outcome_key}")
    assert answer.status_code == 200
    assert answer.json()["title"] == "Samen in Panningen"
    assert [g["perspective"] for g in answer.json()["groups"]] == [
        "government", "organisations", "community"]
    refused(Api(client).get(f"/outcome/{workshop.join_code}"), 404, "unknown_outcome")


def test_the_console_page_and_the_api_agree_on_where_to_join(anna_api, workshop):
    body = anna_api.get(url(workshop)).json()
    assert body["workshop"]["join_url"].endswith(
        reverse("workshops:participant", args=[workshop.join_code]))
