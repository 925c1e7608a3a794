"""The follow-up through the JSON API: staff with their key read and change; observers only
read; a group's link key checks in for that group only, without a token."""

import pytest

from samenspel.followup.models import CheckIn, StatusChange
from samenspel.workshops.tests.api_client import Api, staff_api

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna_api(client, anna):
    return staff_api(client, anna)


@pytest.fixture
def olaf_api(client, olaf):
    return staff_api(client, olaf)


def test_staff_list_the_activities_with_filters(anna_api, closed):
    listed = anna_api.get("/follow-up/activities").json()
    assert len(listed) == 6 and {a["status"] for a in listed} == {"planned"}
    community = anna_api.get("/follow-up/activities?perspective=community").json()
    assert {a["title"] for a in community} == {"Vrijwilligersrooster",
                                               "Koffieochtend voor iedereen"}


def test_a_status_move_and_a_refused_one(anna_api, tracked):
    moved = anna_api.post(f"/follow-up/activities/{tracked.pk}/status", {"status": "started"})
    assert moved.status_code == 200 and moved.json()["status"] == "started"
    assert moved.json()["next_statuses"] == ["done", "stopped"]
    back = anna_api.post(f"/follow-up/activities/{tracked.pk}/status", {"status": "planned"})
    assert back.status_code == 409 and back.json()["code"] == "bad_status_change"
    assert StatusChange.objects.count() == 1


def test_an_observer_reads_but_cannot_change(olaf_api, tracked):
    assert olaf_api.get(f"/follow-up/activities/{tracked.pk}").status_code == 200
    refused = olaf_api.post(f"/follow-up/activities/{tracked.pk}/status", {"status": "done"})
    assert refused.status_code == 403 and refused.json()["code"] == "not_allowed"
    review = olaf_api.get(f"/follow-up/workshops/{tracked.workshop_id}").json()
    assert review["links"] == [] and review["public_key"] == ""


def test_without_a_token_staff_operations_are_refused(client, tracked):
    assert Api(client).get("/follow-up/activities").status_code == 401


def test_a_link_key_checks_in_for_its_own_group_only(client, tracked, links):
    api = Api(client)
    key = links["organisations"].key
    overview = api.get(f"/check-in/{key}").json()
    assert overview["perspective"] == "organisations" and len(overview["activities"]) == 6
    body = {"done": "Folder rondgebracht", "worked": "partly", "key": "tik",
            "perspective": "government"}  # not part of the link's body: ignored
    stored = api.post(f"/check-in/{key}/activities/{tracked.pk}", body)
    assert stored.status_code == 201 and stored.json()["perspective"] == "organisations"
    again = api.post(f"/check-in/{key}/activities/{tracked.pk}", body)
    assert again.json()["id"] == stored.json()["id"] and CheckIn.objects.count() == 1


def test_bad_check_ins_through_the_api_are_4xx_in_dutch(client, tracked, links):
    api = Api(client)
    key = links["community"].key
    bad = api.post(f"/check-in/{key}/activities/{tracked.pk}", {"done": " ", "worked": "yes"})
    assert bad.status_code == 400 and bad.json()["message"] == "Schrijf op wat je hebt gedaan."
    assert api.post("/check-in/nope/activities/1", {"done": "x", "worked": "yes"}
                    ).status_code == 404
    assert not CheckIn.objects.exists()


def test_staff_record_a_check_in_for_a_group(anna_api, tracked, anna):
    stored = anna_api.post(f"/follow-up/activities/{tracked.pk}/check-ins", {
        "perspective": "community", "done": "Gebeld met de dorpsraad", "worked": "unknown"})
    assert stored.status_code == 201
    assert CheckIn.objects.get().recorded_by == anna
