"""A case's answers and results go along as CSV and JSON: anonymous, with the same numbers
as the pages."""

import csv
import io
import json

import pytest

from samenspel.compass.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_olaf(client, olaf):
    client.login(username="olaf", password=PASSWORD)
    return client


def test_csv_has_one_row_per_answer_with_percentages_that_add_up(as_olaf, answered):
    response = as_olaf.get(f"/kompas/{answered.case.pk}/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 3
    assert [r["perspective"] for r in rows] == ["government", "organisations", "community"]
    assert rows[0]["decides"] == "blue" and rows[0]["blue_percent"] == "100"
    for row in rows:
        assert sum(int(row[f"{c}_percent"]) for c in ("red", "blue", "green")) == 100


def test_json_has_the_results_and_the_anonymous_answers(as_olaf, answered, anna):
    data = json.loads(as_olaf.get(f"/kompas/{answered.case.pk}/export.json").content)
    assert data["case"]["title"] == "Dorpshuis De Kern"
    (assessment,) = data["assessments"]
    assert assessment["synchronicity_index"] == pytest.approx(1 / 3, abs=1e-4)
    assert [g["respondents"] for g in assessment["groups"]] == [1, 1, 1]
    assert assessment["groups"][0]["point"] == {"red": 0, "blue": 1, "green": 0}
    assert assessment["groups"][0]["agreement"] is None  # fewer than 3 respondents
    assert len(assessment["answers"]) == 3
    assert "anna" not in json.dumps(data)
