import re

import pytest
from django.urls import reverse

from samenspel.live import views
from samenspel.live.subscriptions import read_subscription, sign_subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(monkeypatch):
    calls = []
    monkeypatch.setattr(views, "publish", lambda *args: calls.append(args))
    return calls


def page_token(client):
    response = client.get(reverse("live:check"))
    assert response.status_code == 200
    return re.search(r'data-live-token="([^"]+)"', response.text).group(1)


def test_check_page_gives_a_private_check_stream(client):
    first = read_subscription(page_token(client))
    second = read_subscription(page_token(client))

    assert first.stream.startswith("check:")
    assert first.audiences == {"check"}
    assert first.stream != second.stream


def test_check_page_says_it_needs_javascript(client):
    response = client.get(reverse("live:check"))

    assert "<noscript>" in response.text
    assert response.headers["Cache-Control"].startswith("max-age=0")


def test_ping_publishes_the_pong_on_the_pages_own_stream(client, published):
    token = page_token(client)

    response = client.post(reverse("live:check_ping"), {"token": token, "sent": "123.5"})

    assert response.status_code == 204
    stream = read_subscription(token).stream
    assert published == [(stream, "check", {"type": "check.pong", "sent": 123.5})]


def test_ping_cannot_inject_events_into_a_workshop(client, published):
    token = sign_subscription("workshop:42", ["check", "console"])

    response = client.post(reverse("live:check_ping"), {"token": token, "sent": "1"})

    assert response.status_code == 400
    assert published == []


def test_ping_with_tampered_token_or_bad_time_is_refused(client, published):
    token = page_token(client)

    def ping(data):
        return client.post(reverse("live:check_ping"), data).status_code

    assert ping({"token": token + "x", "sent": "1"}) == 400
    assert ping({"token": token, "sent": "nan"}) == 400
    assert ping({"token": token, "sent": "soon"}) == 400
    assert published == []


def test_ping_only_accepts_post(client):
    assert client.get(reverse("live:check_ping")).status_code == 405
