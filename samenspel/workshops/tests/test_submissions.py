"""A phone's form post is carried out once per key: a double tap, or the same post sent
again after the Wi-Fi dropped, changes nothing more; a new tap (a new key) counts again."""

import pytest
from django.urls import reverse

from samenspel.workshops import services
from samenspel.workshops.models import Activity, Participant, Submission, Vote
from samenspel.workshops.tests.steps import join_by_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def choosing(workshop, rounds):
    services.open_round(workshop, rounds[3])
    return workshop


def post(client, workshop, name, data):
    return client.post(reverse(f"workshops:{name}", args=[workshop.join_code]), data)


def test_a_double_tapped_dot_counts_once_and_a_new_tap_counts_again(client, choosing):
    join_by_form(client, choosing, "community")
    post(client, choosing, "propose_activity", {"title": "Burendag", "key": "p1"})
    meal = Activity.objects.get()
    for _tap in range(2):
        response = post(client, choosing, "place_dot", {"dot": f"add-{meal.pk}", "key": "d1"})
        assert response.status_code == 302
    assert sum(Vote.objects.values_list("dots", flat=True)) == 1
    post(client, choosing, "place_dot", {"dot": f"add-{meal.pk}", "key": "d2"})
    assert sum(Vote.objects.values_list("dots", flat=True)) == 2


def test_a_proposal_sent_again_after_a_drop_is_stored_once(client, choosing):
    join_by_form(client, choosing, "community")
    for _attempt in range(3):
        post(client, choosing, "propose_activity", {"title": "Burendag", "key": "p1"})
    assert Activity.objects.count() == 1
    assert Submission.objects.count() == 1


def test_a_refused_post_keeps_no_key_so_the_corrected_one_goes_through(client, choosing):
    join_by_form(client, choosing, "community")
    refused = post(client, choosing, "propose_activity", {"title": "  ", "key": "p1"})
    assert refused.status_code == 400
    assert not Submission.objects.exists()
    post(client, choosing, "propose_activity", {"title": "Burendag", "key": "p1"})
    assert Activity.objects.count() == 1


def test_keys_are_per_participant(client, choosing):
    join_by_form(client, choosing, "community")
    post(client, choosing, "propose_activity", {"title": "Burendag", "key": "same"})
    client.cookies.clear()
    join_by_form(client, choosing, "community")
    post(client, choosing, "propose_activity", {"title": "Wandeling", "key": "same"})
    assert Activity.objects.count() == 2


def test_a_double_tapped_join_joins_once(client, workshop):
    url = reverse("workshops:participant", args=[workshop.join_code])
    for _tap in range(2):
        client.cookies.clear()  # the second tap left before the first one's cookie came back
        response = client.post(url, {"perspective": "community", "key": "j1"})
        assert response.status_code == 302
    assert Participant.objects.count() == 1
    assert services.join_workshop(workshop, "community", join_key="j1") == Participant.objects.get()
