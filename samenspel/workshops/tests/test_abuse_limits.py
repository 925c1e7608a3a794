"""Abuse limits a room never notices: guessing codes from one address is slowed down, and a
phone that floods its group with notes has to wait. Each says why, in Dutch, with a 4xx."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.workshops import code_guessing, services
from samenspel.workshops.models import Contribution, WrongCode
from samenspel.workshops.tests.api_client import Api, refused
from samenspel.workshops.tests.steps import join_by_form


@pytest.fixture
def limit(settings):
    settings.CODE_GUESS_LIMIT = 3
    settings.CODE_GUESS_MINUTES = 10
    return 3


@pytest.fixture
def clock(monkeypatch):
    now = [timezone.now()]
    monkeypatch.setattr(code_guessing, "clock", lambda: now[0])
    return now


def guess(client, code, address="203.0.113.7"):
    return client.get(reverse("workshops:participant", args=[code]), REMOTE_ADDR=address)


def test_an_address_that_guesses_too_many_codes_waits_even_for_a_right_one(
    client, workshop, limit, clock
):
    for wrong in ("AAAAAA", "CCCCCC"):
        assert guess(client, wrong).status_code == 404
    third = guess(client, "DDDDDD")
    assert third.status_code == 429
    assert "kun je over 10 minuten weer een code proberen" in third.content.decode()

    right = guess(client, workshop.join_code)
    assert right.status_code == 429  # else the guesser would learn which codes exist
    assert int(right["Retry-After"]) == 10 * 60
    assert guess(client, workshop.join_code, address="198.51.100.2").status_code == 200

    clock[0] += timedelta(minutes=10, seconds=1)
    assert guess(client, workshop.join_code).status_code == 200


def test_a_participant_who_joined_is_never_slowed_by_their_network(
    client, workshop, limit, clock
):
    join_by_form(client, workshop, "community")
    for wrong in ("AAAAAA", "CCCCCC", "DDDDDD"):
        guess(client, wrong, address="127.0.0.1")
    assert guess(client, workshop.join_code, address="127.0.0.1").status_code == 200


def test_the_code_box_and_the_api_count_wrong_codes_too(client, workshop, limit, clock):
    box = reverse("workshops:enter_code")
    assert client.get(box, {"code": "AAAAAA"}).status_code == 404
    assert client.get(box, {"code": "CCCCCC"}).status_code == 404
    api = Api(client)
    answer = api.post("/join", {"code": "DDDDDD", "perspective": "community"})
    body = refused(answer, 429, "too_many_wrong_codes")
    assert "minuten" in body["message"]
    refused(api.post("/join", {"code": workshop.join_code, "perspective": "community"}),
            429, "too_many_wrong_codes")
    assert not workshop.participants.exists()


def test_only_a_hash_of_the_address_is_kept_and_only_for_the_window(client, db, limit, clock):
    guess(client, "AAAAAA", address="203.0.113.7")
    (kept,) = WrongCode.objects.all()
    assert "203.0.113.7" not in kept.address
    clock[0] += timedelta(minutes=11)
    guess(client, "CCCCCC", address="198.51.100.2")
    assert WrongCode.objects.count() == 1


def test_a_phone_writing_faster_than_anyone_can_type_has_to_wait(
    settings, workshop, writing, resident
):
    settings.NOTES_PER_MINUTE = 3
    for n in range(3):
        services.add_contribution(resident, writing["behaviour"], f"Notitie {n}")
    with pytest.raises(services.WorkshopError) as refusal:
        services.add_contribution(resident, writing["behaviour"], "Nog een")
    assert refusal.value.code == "too_many_notes"
    assert Contribution.objects.count() == 3

    Contribution.objects.update(created_at=timezone.now() - timedelta(minutes=2))
    services.add_contribution(resident, writing["behaviour"], "Na een minuut")
    assert Contribution.objects.count() == 4


def test_flooding_over_the_api_is_a_429(client, settings, workshop, writing):
    settings.NOTES_PER_MINUTE = 1
    phone = Api(client).join(workshop, "community")
    note = {"prompt": writing["behaviour"].pk, "text": "Een"}
    assert phone.post("/me/notes", note).status_code == 201
    refused(phone.post("/me/notes", {**note, "text": "Twee"}), 429, "too_many_notes")
