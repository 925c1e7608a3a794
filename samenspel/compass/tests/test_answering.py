"""A resident gets a code or a link, answers the questions on a phone without an account,
and is thanked; staff answer logged in, once. Bad input gets the reason, stores nothing."""

import pytest

from samenspel.compass import services
from samenspel.compass.models import Answer
from samenspel.compass.questionnaire import QUESTION_KEYS
from samenspel.compass.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def filled_in(perspective="community", role="green", lead="community", key="key-1"):
    return {"perspective": perspective, "lead": lead, "key": key,
            **{question: role for question in QUESTION_KEYS}}


def test_resident_types_the_code_and_reaches_the_questions(client, assessment):
    spoken = f"{assessment.code[:3].lower()} {assessment.code[3:]}"
    response = client.get("/vragenlijst/", {"code": spoken})
    assert response.status_code == 302 and response["Location"] == f"/v/{assessment.code}/"
    page = client.get(response["Location"]).content.decode()
    assert "Dorpshuis De Kern" in page and "Wie beslist wat hier gebeurt?" in page
    assert "Welke groep ben jij?" in page


def test_a_code_that_is_no_code_or_unknown_gets_a_clear_message(client, db):
    assert "Dit is geen code" in client.get("/vragenlijst/", {"code": "12"}).content.decode()
    unknown = client.get("/vragenlijst/", {"code": "KMT4XH"})
    assert unknown.status_code == 404
    assert "Er is geen vragenlijst met deze code" in unknown.content.decode()
    assert client.get("/v/KMT4XH/").status_code == 404


def test_resident_answers_anonymously_and_is_thanked(client, assessment):
    response = client.post(f"/v/{assessment.code}/", filled_in())
    assert response.status_code == 302
    stored = Answer.objects.get()
    assert (stored.perspective, stored.lead, stored.answered_by) == ("community", "community",
                                                                     None)
    assert stored.point == (0, 0, 1)
    thanks = client.get(f"/v/{assessment.code}/").content.decode()
    assert "Bedankt voor je antwoorden" in thanks and "Verstuur mijn antwoorden" not in thanks


def test_a_double_tap_stores_one_answer(client, assessment):
    client.post(f"/v/{assessment.code}/", filled_in(key="same"))
    client.cookies.clear()
    client.post(f"/v/{assessment.code}/", filled_in(key="same"))
    assert Answer.objects.count() == 1


def test_a_question_left_open_is_named_and_nothing_is_stored(client, assessment):
    answers = filled_in()
    del answers["rules"]
    del answers["lead"]
    response = client.post(f"/v/{assessment.code}/", answers)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Er is een probleem" in page and "Kies een antwoord op deze vraag." in page
    assert 'href="#id_rules_0"' in page and "Kies wie de leiding moet hebben." in page
    assert not Answer.objects.exists()


def test_a_made_up_answer_is_refused(client, assessment):
    response = client.post(f"/v/{assessment.code}/", filled_in(role="purple"))
    assert response.status_code == 400 and not Answer.objects.exists()


def test_a_closed_assessment_says_so(client, assessment):
    services.close_assessment(assessment)
    response = client.get(f"/v/{assessment.code}/")
    assert response.status_code == 410
    assert "Deze vragenlijst is gesloten" in response.content.decode()
    assert client.post(f"/v/{assessment.code}/", filled_in()).status_code == 410
    assert not Answer.objects.exists()


def test_staff_answer_logged_in_once(client, anna, assessment):
    client.login(username="anna", password=PASSWORD)
    page = client.get(f"/v/{assessment.code}/").content.decode()
    assert "Je bent ingelogd" in page
    client.post(f"/v/{assessment.code}/", filled_in(perspective="government", role="blue"))
    assert Answer.objects.get().answered_by == anna
    assert "Bedankt" in client.get(f"/v/{assessment.code}/").content.decode()
    client.post(f"/v/{assessment.code}/", filled_in(perspective="government", key="other"))
    assert Answer.objects.count() == 1


def test_the_options_are_not_always_in_the_same_role_order(client, assessment):
    page = client.get(f"/v/{assessment.code}/").content.decode()
    first_options = [page.split(f'name="{q}" value="')[1].split('"')[0] for q in QUESTION_KEYS]
    assert len(set(first_options)) == 3
