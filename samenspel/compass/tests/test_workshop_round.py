"""The role compass as a round of a live workshop: the participants answer on their phones for
their own group, the room sees the triangle fill up, and the answers are an assessment of a
case like any other."""

import re

import pytest
from django.urls import reverse

from samenspel.compass import services
from samenspel.compass.models import Answer, Assessment, Case
from samenspel.compass.questionnaire import QUESTION_KEYS
from samenspel.compass.tests.conftest import PASSWORD, roles
from samenspel.method.models import Round, WorkshopTemplate
from samenspel.workshops import services as workshops
from samenspel.workshops.live_updates import CONSOLE, PROJECTOR, group
from samenspel.workshops.tests.api_client import Api, refused, staff_api
from samenspel.workshops.tests.steps import join_by_form


@pytest.fixture
def template(db):
    return WorkshopTemplate.objects.get(title_nl="Synchroniciteit met het rollenkompas")


@pytest.fixture
def workshop(template, anna):
    return workshops.create_workshop(
        created_by=anna, template=template, title="Werkconferentie Kessel",
        case_description="Inwoners willen de oude school als ontmoetingsplek.", place="Kessel",
    )


@pytest.fixture
def compass_round(workshop):
    round_ = workshop.template.rounds.get(number=1)
    workshops.open_round(workshop, round_)
    return round_


def sent(answers):
    return {**{key: answers[key] for key in QUESTION_KEYS}, "lead": "community", "key": "k1"}


def phone(client, workshop):
    return client.get(reverse("workshops:participant", args=[workshop.join_code]))


def test_the_compass_template_starts_with_the_role_compass_then_the_three_rounds(template):
    kinds = list(template.rounds.values_list("number", "kind"))
    assert kinds == [(1, "role_compass"), (2, "reflect"), (3, "reflect"),
                     (4, "choose_activities")]
    assert template.rounds.get(number=2).prompts.filter(links_to__isnull=False).count() == 1


def test_a_resident_answers_on_their_phone_for_their_own_group(client, workshop, compass_round):
    me = join_by_form(client, workshop, "community")
    page = phone(client, workshop)
    assert "Inwoners willen de oude school als ontmoetingsplek." in page.content.decode()
    assert 'name="perspective"' not in page.content.decode()  # the group is known

    answered = client.post(reverse("compass:workshop_answer", args=[workshop.join_code]),
                           sent(roles("green")))

    assert answered.status_code == 302
    stored = Answer.objects.get()
    assert (stored.perspective, stored.participant, stored.lead) == ("community", me, "community")
    assert stored.assessment.case.title == "Werkconferentie Kessel"
    thanks = phone(client, workshop).content.decode()
    assert "je antwoorden zijn binnen" in thanks
    assert 'data-live-region="compass"' in thanks


def test_sending_twice_stores_one_answer_and_an_unanswered_question_is_named(
    client, workshop, compass_round
):
    join_by_form(client, workshop, "government")
    url = reverse("compass:workshop_answer", args=[workshop.join_code])
    incomplete = {k: v for k, v in sent(roles("red")).items() if k != "rules"}

    refused = client.post(url, incomplete)
    assert refused.status_code == 400
    assert 'id="error-summary"' in refused.content.decode()
    kept = re.search(r'<input[^>]*name="decides"[^>]*value="red"[^>]*>', refused.content.decode())
    assert kept is not None and "checked" in kept.group(0)  # what was chosen stays chosen
    assert not Answer.objects.exists()

    client.post(url, sent(roles("red")))
    client.post(url, {**sent(roles("blue")), "key": "another"})
    assert list(Answer.objects.values_list("roles__decides", flat=True)) == ["red"]


def test_no_answers_once_the_round_is_closed(client, workshop, compass_round):
    join_by_form(client, workshop, "organisations")
    workshops.close_round(workshop)

    refused = client.post(reverse("compass:workshop_answer", args=[workshop.join_code]),
                          sent(roles("blue")))

    assert refused.status_code == 400
    assert not Answer.objects.exists()
    assert "De vragen zijn gesloten." in refused.content.decode()
    assert "Hier zie je hoe de zaal heeft geantwoord." in phone(client, workshop).content.decode()


def test_a_phone_that_has_not_joined_is_sent_to_join(client, workshop, compass_round):
    answered = client.post(reverse("compass:workshop_answer", args=[workshop.join_code]),
                           sent(roles("blue")))
    assert answered.url == reverse("workshops:participant", args=[workshop.join_code])
    assert not Answer.objects.exists()


def test_the_link_of_a_workshop_round_is_closed_the_room_answers_on_its_phones(
    workshop, compass_round, anna
):
    assessment = services.assessment_in_workshop(workshop, compass_round)
    assert not assessment.is_open
    with pytest.raises(services.CompassError):
        services.record_answer(assessment, perspective="community", roles=roles("green"),
                               lead="community", key="x")


def test_every_answer_reaches_the_console_the_projector_and_the_groups(
    client, workshop, compass_round, published, django_capture_on_commit_callbacks
):
    join_by_form(client, workshop, "community")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("compass:workshop_answer", args=[workshop.join_code]),
                    sent(roles("green")))

    regions = {audience: event for audience, event in published
               if event.get("region") == "compass"}
    assert set(regions) == {CONSOLE, PROJECTOR, group("community"), group("government"),
                            group("organisations")}
    assert regions[PROJECTOR]["announce"] == "1 persoon heeft het rollenkompas ingevuld."
    assert "<svg" in regions[PROJECTOR]["html"]
    assert "compass-case" not in regions[PROJECTOR]["html"]  # the choice of case: console only
    assert "<table" in regions[PROJECTOR]["html"]
    phone = regions[group("government")]["html"]
    assert "<svg" in phone and "<table" not in phone  # a phone: the picture and its words


def test_the_console_and_projector_show_the_triangle_during_the_round(
    client, workshop, compass_round, anna
):
    client.login(username="anna", password=PASSWORD)
    for name in ("workshops:console", "workshops:projector"):
        page = client.get(reverse(name, args=[workshop.pk])).content.decode()
        assert 'data-live-region="compass"' in page
        assert "samenspel-compass-picture" in page


def test_the_facilitator_can_let_the_round_assess_a_case_they_have(
    client, workshop, compass_round, anna, case
):
    client.login(username="anna", password=PASSWORD)
    client.get(reverse("workshops:console", args=[workshop.pk]))
    made = Assessment.objects.get(workshop=workshop).case

    client.post(reverse("compass:workshop_case", args=[workshop.pk]), {"case": case.pk})

    assert Assessment.objects.get(workshop=workshop).case == case
    assert not Case.objects.filter(pk=made.pk).exists()  # the made one had nothing else


def test_once_people_have_answered_the_answers_stay_with_their_case(
    client, workshop, compass_round, anna, case
):
    join_by_form(client, workshop, "community")
    client.post(reverse("compass:workshop_answer", args=[workshop.join_code]),
                sent(roles("green")))
    client.login(username="anna", password=PASSWORD)

    client.post(reverse("compass:workshop_case", args=[workshop.pk]), {"case": case.pk})

    assert Assessment.objects.get(workshop=workshop).case.title == "Werkconferentie Kessel"


def test_the_case_made_by_a_workshop_has_no_owner_until_staff_say(
    client, workshop, compass_round, anna
):
    case = services.assessment_in_workshop(workshop, compass_round).case
    assert (case.owner, case.area) == ("", "Kessel")
    client.login(username="anna", password=PASSWORD)
    assert client.get(reverse("compass:case", args=[case.pk])).status_code == 200

    client.post(reverse("compass:case_change", args=[case.pk]), {
        "title": case.title, "description": case.description, "area": "Kessel",
        "theme": "Ontmoeting", "date": "2026-11-20", "owner": "community",
    })

    case.refresh_from_db()
    assert (case.owner, case.theme, str(case.date)) == ("community", "Ontmoeting", "2026-11-20")


def test_a_second_compass_round_of_the_workshop_assesses_the_same_case(
    workshop, compass_round, template
):
    later = Round.objects.create(template=template, number=9, kind="role_compass",
                                 title_nl="Nog eens het rollenkompas")
    first = services.assessment_in_workshop(workshop, compass_round)
    second = services.assessment_in_workshop(workshop, later)
    assert first.pk != second.pk
    assert first.case == second.case


def test_the_workshop_goes_on_after_the_compass_round(client, workshop, compass_round):
    join_by_form(client, workshop, "community")
    workshops.open_round(workshop, workshop.template.rounds.get(number=2))
    page = phone(client, workshop).content.decode()
    assert 'name="prompt"' in page  # the note forms of the next round


def test_a_participant_answers_the_compass_round_over_the_api(client, workshop, compass_round):
    phone = Api(client).join(workshop, "organisations")
    body = {"roles": roles("green"), "lead": "community", "key": "api-1"}

    answered = phone.post("/me/role-compass", body)
    again = phone.post("/me/role-compass", {**body, "roles": roles("red"), "key": "api-2"})

    assert answered.status_code == 201, answered.content
    assert answered.json()["point"] == {"red": 0, "blue": 0, "green": 1}
    assert again.status_code == 201 and again.json()["point"]["green"] == 1  # the first stays
    assert Answer.objects.get().perspective == "organisations"
    workshops.close_round(workshop)
    assert phone.post("/me/role-compass", body).status_code == 201  # answered: given back
    other = Api(client).join(workshop, "community")
    refused(other.post("/me/role-compass", body), 409, "round_closed")


def test_the_api_refuses_a_compass_answer_outside_a_compass_round(client, workshop):
    phone = Api(client).join(workshop, "community")
    body = {"roles": roles("green"), "lead": "community"}
    refused(phone.post("/me/role-compass", body), 409, "not_a_compass_round")
    half = {"roles": {"decides": "green"}, "lead": "community"}
    workshops.open_round(workshop, workshop.template.rounds.get(number=1))
    refused(phone.post("/me/role-compass", half), 400, "unanswered_questions")
    assert not Answer.objects.exists()


def test_staff_complete_the_case_a_workshop_made_over_the_api(
    client, workshop, compass_round, anna
):
    case = services.assessment_in_workshop(workshop, compass_round).case
    api = staff_api(client, anna)
    changed = api.put(f"/cases/{case.pk}", {
        "title": "School Kessel", "description": case.description, "owner": "community"})
    assert changed.status_code == 200, changed.content
    assert changed.json()["owner"] == "community"
    detail = api.get(f"/cases/{case.pk}").json()
    assert detail["assessments"][0]["workshop_id"] == workshop.pk


def test_after_the_retention_period_an_answer_no_longer_points_to_its_participant(
    client, workshop, compass_round
):
    join_by_form(client, workshop, "community")
    client.post(reverse("compass:workshop_answer", args=[workshop.join_code]),
                sent(roles("green")))
    workshops.anonymise_participants(workshop)
    answer = Answer.objects.get()
    assert answer.participant is None and answer.perspective == "community"
