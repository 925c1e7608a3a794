"""A questionnaire's code is guarded like a workshop's: wrong codes from one address count
together, and past the limit even a right code waits (workshops/code_guessing.py)."""


from django.urls import reverse

from samenspel.compass import services as compass


def test_questionnaire_codes_count_with_workshop_codes(client, db, settings):
    settings.CODE_GUESS_LIMIT = 3
    case = compass.create_case(created_by=None, title="Speelplek", description="Wie zorgt?",
                               owner="community")
    assessment = compass.start_assessment(case, created_by=None)
    client.get(reverse("workshops:participant", args=["AAAAAA"]))
    for wrong in ("CCCCCC", "DDDDDD"):
        client.get(reverse("compass:answer", args=[wrong]))
    assert client.get(reverse("compass:answer", args=[assessment.code])).status_code == 429
    assert client.get(reverse("compass:enter_code"), {"code": assessment.code}).status_code == 429
