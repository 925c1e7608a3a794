"""What the services accept as an answer, and what they refuse with a reason; a refusal
stores nothing, and the same answer sent twice is stored once."""

import pytest

from samenspel.compass import services
from samenspel.compass.models import Answer
from samenspel.compass.tests.conftest import answer, roles

pytestmark = pytest.mark.django_db


def refused(code, **kwargs):
    with pytest.raises(services.CompassError) as error:
        kwargs.setdefault("key", "k1")
        services.record_answer(**kwargs)
    assert error.value.code == code
    assert error.value.message
    assert not Answer.objects.exists()


def test_every_question_must_be_answered(assessment):
    half = roles("red")
    del half["rules"]
    refused("unanswered_questions", assessment=assessment, perspective="community",
            roles=half, lead="community")


def test_an_unknown_role_or_question_is_refused(assessment):
    refused("unanswered_questions", assessment=assessment, perspective="community",
            roles={**roles("red"), "decides": "purple"}, lead="community")
    refused("unanswered_questions", assessment=assessment, perspective="community",
            roles={**roles("red"), "extra": "red"}, lead="community")


def test_the_perspective_and_the_lead_must_be_one_of_the_three(assessment):
    refused("unknown_perspective", assessment=assessment, perspective="press",
            roles=roles("red"), lead="community")
    refused("unknown_lead", assessment=assessment, perspective="community",
            roles=roles("red"), lead="nobody")


def test_a_closed_assessment_takes_no_answers(assessment):
    services.close_assessment(assessment)
    refused("assessment_closed", assessment=assessment, perspective="community",
            roles=roles("red"), lead="community")


def test_the_same_answer_sent_twice_is_stored_once(assessment):
    first = answer(assessment, "community", roles("green"), key="same")
    again = answer(assessment, "community", roles("green"), key="same")
    assert first.pk == again.pk and Answer.objects.count() == 1


def test_a_staff_member_answers_once(assessment, anna):
    answer(assessment, "government", roles("blue"), answered_by=anna)
    with pytest.raises(services.CompassError) as error:
        answer(assessment, "government", roles("red"), answered_by=anna)
    assert error.value.code == "answered_already"


def test_a_case_is_assessed_again_later_with_a_new_code(case, assessment, anna):
    import datetime as dt

    later = services.start_assessment(case, created_by=anna, date=dt.date(2030, 1, 1))
    assert later.code != assessment.code
    assert list(case.assessments.all()) == [assessment, later]
