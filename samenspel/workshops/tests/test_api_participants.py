"""A participant runs their part of the workshop through the JSON API: joins with the code,
reads what the phone shows, writes, changes and takes back notes, proposes activities,
votes, chooses and reacts; and every way of getting it wrong is a 4xx with a stable code,
with nothing stored."""

import pytest

from samenspel.live.subscriptions import read_subscription
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.models import Activity, Contribution, Participant, Reaction, Vote
from samenspel.workshops.tests.api_client import Api, participant_api, refused, staff_api
from samenspel.workshops.tests.steps import prompt_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    """Nobody in particular: no token."""
    return Api(client)


@pytest.fixture
def resident_api(client, resident):
    return participant_api(client, resident)


@pytest.fixture
def civil_servant_api(client, civil_servant):
    return participant_api(client, civil_servant)


def other_workshop():
    return services.create_workshop(
        created_by=None, template=default_template(), title="Elders",
        case_description="Een andere casus.",
    )


# -- Joining ----------------------------------------------------------------------------------


def test_participant_joins_with_the_code_as_read_aloud_and_gets_a_token(api, workshop):
    spoken = f"{workshop.join_code[:3].lower()} {workshop.join_code[3:]}"
    answer = api.post("/join", {"code": spoken, "perspective": "community",
                                "display_name": "  Fien  "})
    assert answer.status_code == 201
    body = answer.json()
    assert body["token"].startswith("spt_")
    assert body["participant"]["perspective"] == "community"
    assert body["participant"]["display_name"] == "Fien"
    assert body["workshop"]["title"] == "Samen in Panningen"
    assert body["workshop"]["state"] == "lobby"
    assert Participant.objects.get().perspective == "community"


def test_joining_with_an_unknown_code_is_404(api, workshop):
    refused(api.post("/join", {"code": "KMT4XH", "perspective": "community"}),
            404, "unknown_code")
    assert not Participant.objects.exists()


def test_joining_with_something_that_is_no_code_is_400(api, workshop):
    refused(api.post("/join", {"code": "12", "perspective": "community"}), 400, "bad_code")


def test_joining_an_unknown_group_is_refused(api, workshop):
    body = refused(api.post("/join", {"code": workshop.join_code, "perspective": "press"}),
                   400, "unknown_perspective")
    assert body["message"] == "Kies een van de drie groepen."
    assert not Participant.objects.exists()


def test_joining_a_closed_workshop_is_a_conflict(api, workshop):
    services.close_workshop(workshop)
    refused(api.post("/join", {"code": workshop.join_code, "perspective": "community"}),
            409, "workshop_closed")


def test_a_request_without_the_fields_is_invalid_input_with_the_detail(api, workshop):
    body = refused(api.post("/join", {"perspective": "community"}), 422, "invalid_input")
    assert body["detail"][0]["loc"] == ["body", "body", "code"]


@pytest.mark.parametrize("body", [
    {"prompt": 10**30, "text": "Een id groter dan de database kent"},
    {"prompt": 1, "text": "Een NUL-teken \x00 kan PostgreSQL niet bewaren"},
    {"prompt": "een", "text": "Geen getal"},
    [1, 2],
])
def test_input_the_database_cannot_take_is_invalid_input_not_a_crash(resident_api, writing, body):
    refused(resident_api.post("/me/notes", body), 422, "invalid_input")
    assert not Contribution.objects.exists()


def test_an_id_too_big_for_the_database_in_the_address_is_invalid_input(resident_api, writing):
    refused(resident_api.delete(f"/me/notes/{10**30}"), 422, "invalid_input")


def test_a_body_that_is_not_json_is_400(client, workshop):
    answer = client.post("/api/v1/join", data="{nope", content_type="application/json")
    refused(answer, 400, "bad_request")


# -- Who may do what --------------------------------------------------------------------------


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nonsense", "Bearer spt_nobody",
                                    "Bearer sst_nobody", "Basic YW5uYTp4"])
def test_no_token_or_a_bad_one_is_401(client, workshop, header):
    headers = {"Authorization": header} if header else {}
    answer = client.get("/api/v1/me", headers=headers)
    refused(answer, 401, "not_authenticated")
    assert answer["WWW-Authenticate"] == "Bearer"


def test_staff_key_is_not_a_participant(client, workshop, anna):
    refused(staff_api(client, anna).get("/me"), 403, "participants_only")


def test_participant_cannot_do_what_a_facilitator_does(resident_api, workshop, round_1):
    refused(resident_api.post(f"/workshops/{workshop.pk}/rounds/1/open"),
            403, "facilitators_only")
    refused(resident_api.get(f"/workshops/{workshop.pk}"), 403, "facilitators_only")
    workshop.refresh_from_db()
    assert workshop.current_round is None


def test_messages_are_dutch_unless_the_client_asks_for_english(client, workshop):
    dutch = Api(client).post("/join", {"code": "KMT4XH", "perspective": "community"})
    english = Api(client, language="en-GB,en;q=0.9,nl;q=0.5").post(
        "/join", {"code": "KMT4XH", "perspective": "community"})
    assert dutch.json()["message"].startswith("Er is geen workshop met deze code")
    assert dutch["Content-Language"] == "nl"
    assert english.json()["message"].startswith("There is no workshop with this code")
    assert english["Content-Language"] == "en"


def test_unknown_address_and_wrong_method_answer_in_json(api):
    refused(api.get("/nothing-here"), 404, "not_found")
    answer = api.delete("/join")
    refused(answer, 405, "method_not_allowed")
    assert answer["Allow"] == "POST"


# -- What the phone shows ---------------------------------------------------------------------


def test_me_shows_the_lobby_before_the_first_round(resident_api, resident):
    body = resident_api.get("/me").json()
    assert body["participant"]["id"] == resident.pk
    assert body["workshop"]["round"] is None
    assert body["prompts"] == []
    assert body["dots_left"] == 3
    assert body["outcome_key"] is None


def test_me_shows_my_round_worded_for_my_group_and_only_my_groups_notes(
    resident_api, writing, resident, civil_servant, social_worker
):
    theirs = services.add_contribution(social_worker, writing["behaviour"], "Andere groep")
    services.add_contribution(civil_servant, writing["behaviour"], "Ook een andere groep")
    mine = services.add_contribution(resident, writing["behaviour"], "We koken samen")
    body = resident_api.get("/me").json()

    assert body["workshop"]["round"]["number"] == 1
    assert body["workshop"]["round_open"] is True
    behaviour = next(p for p in body["prompts"] if p["kind"] == "desired_behaviour")
    assert behaviour["question"] == writing["behaviour"].text_for("community")
    assert [n["text"] for n in behaviour["notes"]] == ["We koken samen"]
    assert [n["id"] for n in behaviour["mine"]] == [mine.pk]
    assert theirs.pk not in {n["id"] for p in body["prompts"] for n in p["notes"]}


def test_while_writing_privately_the_group_sees_how_many_and_only_its_own(
    client, workshop, rounds, resident
):
    services.open_round(workshop, rounds[1])
    workshop.private_rounds.add(rounds[1])
    neighbour = services.join_workshop(workshop, "community")
    behaviour = prompt_of(rounds[1], "desired_behaviour")
    services.add_contribution(neighbour, behaviour, "Van de buurvrouw")
    services.add_contribution(resident, behaviour, "Van mij")

    prompt = next(p for p in participant_api(client, resident).get("/me").json()["prompts"]
                  if p["kind"] == "desired_behaviour")
    assert prompt["private"] is True
    assert prompt["note_count"] == 2
    assert prompt["notes"] == []
    assert [n["text"] for n in prompt["mine"]] == ["Van mij"]

    services.reveal_notes(workshop, rounds[1])
    prompt = next(p for p in participant_api(client, resident).get("/me").json()["prompts"]
                  if p["kind"] == "desired_behaviour")
    assert prompt["private"] is False
    assert {n["text"] for n in prompt["notes"]} == {"Van de buurvrouw", "Van mij"}


# -- Notes ------------------------------------------------------------------------------------


def test_participant_adds_a_note_and_links_a_belief_to_it(resident_api, writing, resident):
    behaviour = resident_api.post("/me/notes", {"prompt": writing["behaviour"].pk,
                                                "text": "  We koken   samen "})
    assert behaviour.status_code == 201
    assert behaviour.json()["text"] == "We koken samen"
    belief = resident_api.post("/me/notes", {"prompt": writing["belief"].pk,
                                             "text": "Iedereen kan iets",
                                             "links_to": behaviour.json()["id"]})
    assert belief.status_code == 201
    assert belief.json()["links_to"] == behaviour.json()["id"]
    assert Contribution.objects.filter(participant=resident).count() == 2


def test_a_retried_note_with_the_same_key_is_stored_once(resident_api, writing):
    note = {"prompt": writing["behaviour"].pk, "text": "Samen", "idempotency_key": "n-1"}
    first, again = resident_api.post("/me/notes", note), resident_api.post("/me/notes", note)
    assert first.json()["id"] == again.json()["id"]
    assert Contribution.objects.count() == 1


@pytest.mark.parametrize(("text", "code"), [("   ", "empty_note"), ("x" * 501, "note_too_long")])
def test_an_empty_or_too_long_note_is_refused_and_not_stored(resident_api, writing, text, code):
    refused(resident_api.post("/me/notes", {"prompt": writing["behaviour"].pk, "text": text}),
            400, code)
    assert not Contribution.objects.exists()


def test_writing_after_the_round_closed_is_a_conflict(resident_api, workshop, writing):
    services.close_round(workshop)
    body = refused(resident_api.post("/me/notes", {"prompt": writing["behaviour"].pk,
                                                   "text": "Te laat"}), 409, "round_closed")
    assert body["message"] == "Deze ronde is gesloten. Je kunt nu geen notities toevoegen."
    assert not Contribution.objects.exists()


def test_writing_on_a_prompt_of_another_round_is_a_conflict(resident_api, writing, rounds):
    refused(resident_api.post("/me/notes", {"prompt": prompt_of(rounds[2], "routine").pk,
                                            "text": "Te vroeg"}), 409, "round_closed")


def test_writing_on_an_unknown_prompt_is_404(resident_api, writing):
    refused(resident_api.post("/me/notes", {"prompt": 999999, "text": "Waar?"}),
            404, "unknown_prompt")


def test_writing_into_another_group_by_linking_to_its_note_is_refused(
    resident_api, writing, civil_servant
):
    theirs = services.add_contribution(civil_servant, writing["behaviour"], "We luisteren")
    refused(resident_api.post("/me/notes", {"prompt": writing["belief"].pk, "text": "Dat lukt",
                                            "links_to": theirs.pk}), 400, "bad_link")
    assert Contribution.objects.count() == 1


def test_participant_changes_and_takes_back_an_own_note(resident_api, writing, resident):
    note = services.add_contribution(resident, writing["behaviour"], "We koken")
    changed = resident_api.patch(f"/me/notes/{note.pk}", {"text": "We koken samen"})
    assert changed.status_code == 200
    assert changed.json()["text"] == "We koken samen"
    assert changed.json()["edited_at"] is not None
    assert resident_api.delete(f"/me/notes/{note.pk}").status_code == 204
    assert not Contribution.objects.exists()


def test_changing_only_the_link_keeps_the_text(resident_api, writing, resident):
    behaviour = services.add_contribution(resident, writing["behaviour"], "We koken")
    belief = services.add_contribution(resident, writing["belief"], "Het kan",
                                       links_to=behaviour)
    answer = resident_api.patch(f"/me/notes/{belief.pk}", {"links_to": None})
    assert answer.json()["text"] == "Het kan"
    assert answer.json()["links_to"] is None


def test_changing_a_note_of_someone_else_is_forbidden(resident_api, writing, workshop):
    neighbour = services.join_workshop(workshop, "community")
    theirs = services.add_contribution(neighbour, writing["behaviour"], "Van de buurvrouw")
    refused(resident_api.patch(f"/me/notes/{theirs.pk}", {"text": "Van mij"}),
            403, "not_your_note")
    refused(resident_api.delete(f"/me/notes/{theirs.pk}"), 403, "not_your_note")
    theirs.refresh_from_db()
    assert theirs.text == "Van de buurvrouw"


def test_a_note_of_another_workshop_is_404(resident_api, writing):
    elsewhere = other_workshop()
    services.open_round(elsewhere, elsewhere.template.rounds.get(number=1))
    stranger = services.join_workshop(elsewhere, "community")
    note = services.add_contribution(stranger, writing["behaviour"], "Elders")
    refused(resident_api.patch(f"/me/notes/{note.pk}", {"text": "Hier"}), 404, "unknown_note")
    refused(resident_api.delete(f"/me/notes/{note.pk}"), 404, "unknown_note")


# -- Activities, dots, the choice -------------------------------------------------------------


def test_participant_proposes_an_activity_serving_a_desired_behaviour(
    resident_api, workshop, rounds, resident
):
    services.open_round(workshop, rounds[1])
    behaviour = services.add_contribution(resident, prompt_of(rounds[1], "desired_behaviour"),
                                          "We koken samen")
    services.open_round(workshop, rounds[3])
    me = resident_api.get("/me").json()
    assert [n["id"] for n in me["desired_behaviours"]] == [behaviour.pk]
    assert me["wanted"] == 2

    answer = resident_api.post("/me/activities", {"title": "Buurtmaaltijd",
                                                  "description": "Elke maand",
                                                  "serves": [behaviour.pk]})
    assert answer.status_code == 201
    assert answer.json()["serves"] == [behaviour.pk]
    assert answer.json()["dots"] == 0


def test_an_activity_cannot_serve_another_groups_note(
    resident_api, workshop, rounds, civil_servant
):
    services.open_round(workshop, rounds[1])
    theirs = services.add_contribution(civil_servant, prompt_of(rounds[1], "desired_behaviour"),
                                       "We luisteren")
    services.open_round(workshop, rounds[3])
    refused(resident_api.post("/me/activities", {"title": "Luisteren", "serves": [theirs.pk]}),
            400, "bad_link")
    assert not Activity.objects.exists()


def test_proposing_outside_the_closing_round_is_a_conflict(resident_api, writing):
    refused(resident_api.post("/me/activities", {"title": "Te vroeg"}), 409, "not_choosing")


def test_an_activity_without_a_title_is_refused(resident_api, closing_round):
    refused(resident_api.post("/me/activities", {"title": "  "}), 400, "empty_title")


def test_dots_stay_within_the_budget(resident_api, closing_round, resident):
    meal = services.propose_activity(resident, "Buurtmaaltijd")
    for left in (2, 1, 0):
        answer = resident_api.post(f"/me/activities/{meal.pk}/dots")
        assert answer.status_code == 200
        assert answer.json()["dots_left"] == left
    body = refused(resident_api.post(f"/me/activities/{meal.pk}/dots"), 409, "no_dots_left")
    assert body["message"] == "Je hebt al je 3 stippen gebruikt. Haal er eerst een terug."
    assert Vote.objects.get().dots == 3

    answer = resident_api.delete(f"/me/activities/{meal.pk}/dots")
    assert answer.json()["activity"]["my_dots"] == 2
    assert answer.json()["dots_left"] == 1


def test_voting_in_another_group_is_forbidden(resident_api, closing_round, civil_servant):
    theirs = services.propose_activity(civil_servant, "Spreekuur")
    refused(resident_api.post(f"/me/activities/{theirs.pk}/dots"), 403, "other_group")
    assert not Vote.objects.exists()


def test_an_activity_of_another_workshop_is_404(resident_api, closing_round):
    elsewhere = other_workshop()
    services.open_round(elsewhere, elsewhere.template.rounds.get(number=3))
    stranger = services.join_workshop(elsewhere, "community")
    theirs = services.propose_activity(stranger, "Elders")
    refused(resident_api.post(f"/me/activities/{theirs.pk}/dots"), 404, "unknown_activity")
    refused(resident_api.put("/me/choice", {"activities": [theirs.pk]}), 404, "unknown_activity")


def test_the_group_confirms_exactly_two_and_a_third_is_refused(
    resident_api, closing_round, resident
):
    meal, walk, fair = (services.propose_activity(resident, t)
                        for t in ("Buurtmaaltijd", "Wandeling", "Markt"))
    body = refused(resident_api.put("/me/choice", {"activities": [meal.pk, walk.pk, fair.pk]}),
                   400, "wrong_number_of_activities")
    assert body["message"] == "Kies precies 2 activiteiten. Je koos er 3."
    assert not Activity.objects.filter(chosen=True).exists()

    answer = resident_api.put("/me/choice", {"activities": [meal.pk, walk.pk]})
    assert answer.status_code == 200
    assert {a["title"] for a in answer.json() if a["chosen"]} == {"Buurtmaaltijd", "Wandeling"}


def test_choosing_another_groups_activity_is_forbidden(
    resident_api, closing_round, resident, civil_servant
):
    ours = services.propose_activity(resident, "Buurtmaaltijd")
    theirs = services.propose_activity(civil_servant, "Spreekuur")
    refused(resident_api.put("/me/choice", {"activities": [ours.pk, theirs.pk]}),
            403, "other_group")


# -- Sharing ----------------------------------------------------------------------------------


@pytest.fixture
def sharing(workshop, closing_round, resident, civil_servant):
    chosen = {}
    for member in (resident, civil_servant):
        proposed = [services.propose_activity(member, f"{member.perspective} {n}")
                    for n in (1, 2, 3)]
        services.choose_activities(workshop, member.perspective, proposed[:2])
        chosen[member.perspective] = proposed
    services.show_activity(workshop, chosen["government"][0])
    return chosen


def test_everyone_reacts_to_another_groups_activity_while_sharing(
    resident_api, civil_servant_api, sharing
):
    spreekuur = sharing["government"][0]
    me = resident_api.get("/me").json()
    assert me["workshop"]["sharing"] is True
    assert [a["title"] for a in me["shared"]] == [
        "government 1", "government 2", "community 1", "community 2"]
    assert me["shared"][0]["shown"] is True

    answer = resident_api.put(f"/me/activities/{spreekuur.pk}/reactions/support")
    assert answer.status_code == 200
    assert answer.json()["mine"] == ["support"]
    civil_servant_api.put(f"/me/activities/{spreekuur.pk}/reactions/support")
    support = next(r for r in answer.json()["reactions"] if r["kind"] == "support")
    assert support["per_perspective"]["community"] == 1

    again = resident_api.put(f"/me/activities/{spreekuur.pk}/reactions/support").json()
    support = next(r for r in again["reactions"] if r["kind"] == "support")
    assert support["total"] == 2
    assert support["per_perspective"] == {"government": 1, "organisations": 0, "community": 1}
    assert Reaction.objects.count() == 2

    taken_back = resident_api.delete(f"/me/activities/{spreekuur.pk}/reactions/support").json()
    assert taken_back["mine"] == []


def test_reacting_before_the_sharing_is_a_conflict(resident_api, closing_round, resident):
    meal = services.propose_activity(resident, "Buurtmaaltijd")
    refused(resident_api.put(f"/me/activities/{meal.pk}/reactions/support"), 409, "not_sharing")


def test_an_unknown_kind_of_reaction_is_refused(resident_api, sharing):
    walk = sharing["community"][0]
    refused(resident_api.put(f"/me/activities/{walk.pk}/reactions/applause"),
            400, "unknown_reaction")


def test_reacting_to_an_activity_that_was_not_chosen_is_a_conflict(resident_api, sharing):
    refused(resident_api.put(f"/me/activities/{sharing['community'][2].pk}/reactions/help"),
            409, "not_chosen")


# -- Live and the end -------------------------------------------------------------------------


def test_my_socket_pass_hears_my_group_and_my_own_notes(resident_api, workshop, resident):
    body = resident_api.get("/me/live").json()
    assert body["url"] == f"ws://testserver/ws/live?token={body['token']}"
    subscription = read_subscription(body["token"])
    assert subscription.stream == f"workshop:{workshop.pk}"
    assert subscription.audiences == {"group:community", f"participant:{resident.pk}"}
    assert sorted(body["audiences"]) == sorted(subscription.audiences)


def test_after_the_end_the_phone_learns_where_the_outcome_is(resident_api, workshop, writing):
    services.close_workshop(workshop)
    body = resident_api.get("/me").json()
    assert body["workshop"]["state"] == "closed"
    assert body["outcome_key"] == workshop.outcome_key
    refused(resident_api.post("/me/notes", {"prompt": writing["behaviour"].pk, "text": "Nog"}),
            409, "round_closed")


def test_every_answer_says_which_version_of_the_workshop_it_reflects(workshop, round_1):
    from django.test import Client

    services.open_round(workshop, round_1)
    client = Client()
    joined = client.post("/api/v1/join", {"code": workshop.join_code, "perspective": "community"},
                         content_type="application/json").json()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {joined['token']}"}
    before = int(client.get("/api/v1/me", **auth)["X-Samenspel-Version"])
    prompt = round_1.prompts.get(kind="desired_behaviour")
    added = client.post("/api/v1/me/notes", {"prompt": prompt.pk, "text": "Samen koken"},
                        content_type="application/json", **auth)
    assert int(added["X-Samenspel-Version"]) == before + 1
    workshop.refresh_from_db()
    assert workshop.version == before + 1
