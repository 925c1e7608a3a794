"""A facilitator adds a case, finds it again, starts an assessment and reads the results;
observers may look, not change; strangers see nothing."""

import datetime as dt
import re

import pytest

from samenspel.compass import services
from samenspel.compass.models import Assessment, Case
from samenspel.compass.tests.conftest import PASSWORD, answer, roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_anna(client, anna):
    client.login(username="anna", password=PASSWORD)
    return client


def test_facilitator_adds_a_case_and_lands_on_its_page(as_anna):
    response = as_anna.post("/kompas/nieuw/", {
        "title": "Speelplek Kerkstraat", "description": "Wie zorgt voor de speelplek?",
        "area": "Baarlo", "theme": "Spelen", "date": "2026-03-01", "owner": "community",
    })
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/kompas/{case.pk}/"
    page = as_anna.get(response["Location"]).content.decode()
    assert "Speelplek Kerkstraat" in page and "Baarlo" in page and "Gemeenschap" in page
    assert "nog niet gemeten" in page.lower()


def test_a_case_without_title_or_owner_is_refused_with_the_reasons(as_anna):
    response = as_anna.post("/kompas/nieuw/", {"title": "", "description": "x", "date": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Er is een probleem" in page and "Kies wie de casus nu in handen heeft." in page
    assert not Case.objects.exists()


def test_cases_are_found_by_words_theme_area_and_owner(as_anna, case, anna):
    services.create_case(created_by=anna, title="Jongerenplek", description="Hangplek",
                         owner="community", area="Baarlo", theme="Jeugd")

    def found(query):
        page = as_anna.get("/kompas/", query).content.decode()
        return set(re.findall(r'href="/kompas/\d+/">([^<]+)</a>', page))

    assert found({}) == {"Dorpshuis De Kern", "Jongerenplek"}
    assert found({"q": "dorpshuis"}) == {"Dorpshuis De Kern"}
    assert found({"theme": "Jeugd"}) == {"Jongerenplek"}
    assert found({"area": "Panningen"}) == {"Dorpshuis De Kern"}
    assert found({"owner": "community"}) == {"Jongerenplek"}
    assert found({"q": "zwembad"}) == set()


def test_an_unknown_filter_value_is_a_400_not_a_500(as_anna, case):
    response = as_anna.get("/kompas/", {"owner": "press"})
    assert response.status_code == 400
    assert "Er is een probleem" in response.content.decode()


def test_facilitator_starts_an_assessment_and_sees_its_code(as_anna, case):
    response = as_anna.post(f"/kompas/{case.pk}/meting/", {"date": "2026-04-01"})
    assessment = Assessment.objects.get()
    assert response["Location"] == f"/kompas/metingen/{assessment.pk}/"
    page = as_anna.get(response["Location"]).content.decode()
    assert f"/v/{assessment.code}/" in page and "<svg" in page
    assert assessment.date == dt.date(2026, 4, 1)


def test_an_assessment_without_a_valid_date_is_refused(as_anna, case):
    response = as_anna.post(f"/kompas/{case.pk}/meting/", {"date": "gisteren"})
    assert response.status_code == 400
    assert not Assessment.objects.exists()


def test_the_case_page_shows_the_triangle_the_index_and_a_table(as_anna, answered):
    page = as_anna.get(f"/kompas/{answered.case.pk}/").content.decode()
    assert 'role="img"' in page and "<desc" in page
    assert "Overheid (1 persoon): 0% rood, 100% blauw, 0% groen." in page
    assert "0,33" in page  # the index, in Dutch notation
    assert "<table" in page and "Synchroniciteit door de tijd" in page


def test_the_index_waits_until_all_three_groups_answered(as_anna, assessment):
    answer(assessment, "community", roles("green"))
    page = as_anna.get(f"/kompas/{assessment.case.pk}/").content.decode()
    assert "zodra alle drie de groepen" in page


def test_the_portfolio_puts_every_measured_case_in_one_triangle(as_anna, answered, anna):
    services.create_case(created_by=anna, title="Nog niet gemeten", description="x",
                         owner="government")
    page = as_anna.get("/kompas/overzicht/").content.decode()
    assert page.count('class="samenspel-dot-number"') == 1
    assert "Dorpshuis De Kern" in page and "Nog niet gemeten" in page


def test_observer_looks_but_cannot_add_or_start(client, olaf, case):
    client.login(username="olaf", password=PASSWORD)
    assert client.get(f"/kompas/{case.pk}/").status_code == 200
    assert "Voeg een casus toe" not in client.get("/kompas/").content.decode()
    assert client.get("/kompas/nieuw/").status_code == 404
    assert client.post(f"/kompas/{case.pk}/meting/", {"date": "2026-04-01"}).status_code == 404
    assert not Assessment.objects.exists()


def test_strangers_are_sent_to_log_in(client, case):
    for path in ("/kompas/", f"/kompas/{case.pk}/", "/kompas/overzicht/",
                 f"/kompas/{case.pk}/export.csv"):
        response = client.get(path)
        assert response.status_code == 302 and "/inloggen/" in response["Location"], path


def test_how_we_measure_is_public_and_has_the_formulas(client):
    page = client.get("/kompas/zo-meten-we/").content.decode()
    assert "Fleiss" in page and "P̄<sub>e</sub>" in page and "d(p, q)" in page


def test_facilitator_closes_and_reopens_an_assessment(as_anna, assessment):
    as_anna.post(f"/kompas/metingen/{assessment.pk}/wijzigen/", {"action": "close"})
    assessment.refresh_from_db()
    assert not assessment.is_open
    as_anna.post(f"/kompas/metingen/{assessment.pk}/wijzigen/", {"action": "open"})
    assessment.refresh_from_db()
    assert assessment.is_open
