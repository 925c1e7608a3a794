"""A slow database (another connection holds the lock longer than we wait) gives a clear
"try again" — 503 with Retry-After, on the page and in the API — stores nothing, and the
retry with the same key is stored exactly once."""

import contextlib
import sqlite3

import psycopg
import pytest
from django.db import connection
from django.urls import reverse

from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.models import Contribution

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@contextlib.contextmanager
def database_locked_by_someone_else(workshop):
    """Another connection holds a write lock; ours gives up after 0.2 s instead of 20."""
    settings_dict = connection.settings_dict
    options = settings_dict.setdefault("OPTIONS", {})
    saved = dict(options)
    if connection.vendor == "sqlite":
        other = sqlite3.connect(settings_dict["NAME"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        options["timeout"] = 0.2
    else:
        other = psycopg.connect(
            host=settings_dict["HOST"] or None, port=settings_dict["PORT"] or None,
            user=settings_dict["USER"], password=settings_dict["PASSWORD"] or None,
            dbname=settings_dict["NAME"], autocommit=False,
        )
        other.execute("SELECT 1 FROM workshops_workshop WHERE id = %s FOR UPDATE",
                      [workshop.pk])
        options["options"] = "-c lock_timeout=200"
    connection.close()  # the next query connects with the short wait
    try:
        yield
    finally:
        other.rollback()
        other.close()
        options.clear()
        options.update(saved)
        connection.close()


@pytest.fixture
def open_round(db):
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title="Druk", case_description="Casus.",
    )
    round_1 = workshop.template.rounds.get(number=1)
    services.open_round(workshop, round_1)
    return workshop, round_1.prompts.get(kind="desired_behaviour")


def test_a_busy_database_gives_the_phone_a_try_again_and_the_retry_counts_once(client,
                                                                                 open_round):
    workshop, prompt = open_round
    client.post(reverse("workshops:participant", args=[workshop.join_code]),
                {"perspective": "community"})
    note = {"prompt": prompt.pk, "key": "tap-1", "text": "We koken samen"}
    with database_locked_by_someone_else(workshop):
        busy = client.post(reverse("workshops:add_note", args=[workshop.join_code]), note)
    assert busy.status_code == 503
    assert busy["Retry-After"] == "5"
    assert "Er is niets bewaard." in busy.content.decode()
    assert not Contribution.objects.exists()

    for _retry in range(2):
        again = client.post(reverse("workshops:add_note", args=[workshop.join_code]), note)
        assert again.status_code == 302
    assert Contribution.objects.count() == 1


def test_a_busy_database_gives_the_api_a_machine_readable_try_again(client, open_round):
    workshop, prompt = open_round
    token = client.post("/api/v1/join", {"code": workshop.join_code, "perspective": "community"},
                        content_type="application/json").json()["token"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    note = {"prompt": prompt.pk, "text": "We koken samen", "idempotency_key": "tap-1"}
    with database_locked_by_someone_else(workshop):
        busy = client.post("/api/v1/me/notes", note, content_type="application/json", **auth)
    assert busy.status_code == 503
    assert busy.json()["code"] == "busy"
    assert not Contribution.objects.exists()
    for _retry in range(2):
        again = client.post("/api/v1/me/notes", note, content_type="application/json", **auth)
        assert again.status_code == 201
    assert Contribution.objects.count() == 1
