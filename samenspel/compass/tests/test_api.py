"""The compass over the JSON API: a facilitator adds a case and starts an assessment, three
respondents answer with the code and no token, and the results say what the pages say."""

import pytest

from samenspel.compass.models import Answer, Case
from samenspel.compass.questionnaire import QUESTION_KEYS
from samenspel.workshops.tests.api_client import Api, refused, staff_api

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna_api(client, anna):
    return staff_api(client, anna)


def everything(role):
    return dict.fromkeys(QUESTION_KEYS, role)


def test_a_whole_assessment_over_the_api(client, anna_api):
    created = anna_api.post("/cases", {"title": "Speelplek", "description": "Wie zorgt?",
                                       "owner": "community", "area": "Baarlo"})
    assert created.status_code == 201, created.content
    case_id = created.json()["id"]
    started = anna_api.post(f"/cases/{case_id}/assessments", {"date": "2026-05-01"})
    assert started.status_code == 201
    code = started.json()["code"]

    anyone = Api(client)
    questions = anyone.get("/questionnaire").json()
    assert [q["key"] for q in questions["questions"]] == list(QUESTION_KEYS)
    for perspective, role, lead in (("government", "blue", "government"),
                                    ("organisations", "green", "community"),
                                    ("community", "green", "community")):
        answered = anyone.post("/answers", {"code": code.lower(), "perspective": perspective,
                                            "roles": everything(role), "lead": lead})
        assert answered.status_code == 201, answered.content

    detail = anna_api.get(f"/cases/{case_id}").json()
    (assessment,) = detail["assessments"]
    assert assessment["synchronicity_index"] == pytest.approx(1 / 3, abs=1e-4)
    assert assessment["groups"][0]["point"] == {"red": 0, "blue": 1, "green": 0}
    exported = anna_api.get(f"/cases/{case_id}/export").json()
    assert len(exported["assessments"][0]["answers"]) == 3
    listed = anna_api.get("/cases?area=Baarlo").json()
    assert [c["title"] for c in listed] == ["Speelplek"]
    assert listed[0]["latest"]["respondents"] == 3

    closed = anna_api.post(f"/assessments/{assessment['id']}/close")
    assert closed.json()["open"] is False
    late = anyone.post("/answers", {"code": code, "perspective": "community",
                                    "roles": everything("red"), "lead": "community"})
    refused(late, 409, "assessment_closed")


def test_bad_answers_are_refused_with_a_code_and_nothing_is_stored(client, assessment):
    anyone = Api(client)
    half = dict(list(everything("red").items())[:3])
    refused(anyone.post("/answers", {"code": assessment.code, "perspective": "community",
                                     "roles": half, "lead": "community"}),
            400, "unanswered_questions")
    refused(anyone.post("/answers", {"code": assessment.code, "perspective": "press",
                                     "roles": everything("red"), "lead": "community"}),
            400, "unknown_perspective")
    refused(anyone.post("/answers", {"code": "KMT4XH", "perspective": "community",
                                     "roles": everything("red"), "lead": "community"}),
            404, "unknown_code")
    refused(anyone.post("/answers", {"code": assessment.code}), 422, "invalid_input")
    assert not Answer.objects.exists()


def test_english_messages_when_asked(client, assessment):
    english = Api(client, language="en")
    body = refused(english.post("/answers", {"code": "nonsense", "perspective": "community",
                                             "roles": everything("red"), "lead": "x"}),
                   404, "unknown_code")
    assert body["message"].startswith("There is no questionnaire")
    assert english.get("/questionnaire").json()["lead"]["text"] == "Who should lead in this case?"


def test_observer_reads_but_does_not_change(client, olaf, case):
    olaf_api = staff_api(client, olaf)
    assert olaf_api.get(f"/cases/{case.pk}").status_code == 200
    refused(olaf_api.post("/cases", {"title": "x", "description": "y", "owner": "community"}),
            403, "not_allowed")
    refused(olaf_api.post(f"/cases/{case.pk}/assessments", {}), 403, "not_allowed")
    assert Case.objects.count() == 1


def test_staff_calls_need_a_token_and_unknown_numbers_are_404(client, anna_api):
    refused(Api(client).get("/cases"), 401, "not_authenticated")
    refused(anna_api.get("/cases/999"), 404, "unknown_case")
    refused(anna_api.get("/assessments/999"), 404, "unknown_assessment")
