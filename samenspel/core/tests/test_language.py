"""Dutch is the default language; English only when the visitor switches to it."""

import pytest

pytestmark = pytest.mark.django_db


def test_english_browser_still_gets_dutch_by_default(client):
    response = client.get("/privacy/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "nl"
    assert '<html lang="nl">' in response.content.decode()


def test_the_language_switch_is_remembered(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/privacy/"})
    response = client.get("/privacy/")
    assert response.headers["Content-Language"] == "en"
    assert "If you take part in a workshop" in response.content.decode()


def test_unknown_language_cookie_falls_back_to_dutch(client):
    client.cookies["django_language"] = "xx"
    assert client.get("/privacy/").headers["Content-Language"] == "nl"
