"""The public pages explain the meervoudige overheid in Dutch by default."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_page_is_dutch_and_draws_the_three_roles(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "De meervoudige overheid" in html
    for name in ("Autoritaire overheid", "Regelgestuurde overheid", "Communicatieve overheid"):
        assert name in html
    assert html.count('class="samenspel-role-drawing"') == 3
    assert 'role="img"' in html
    # The text alternative: the comparison table and the three perspectives.
    assert "<table" in html
    for perspective in ("Overheid", "Maatschappelijke organisaties", "Gemeenschap"):
        assert perspective in html


def test_home_page_shows_the_rounds_of_the_default_template(client):
    html = client.get("/").content.decode()
    assert "Gewoontes en remmende gedachten" in html
    assert "6 activiteiten" in html


def test_each_role_has_its_own_page(client):
    roles = (("rood", "Autoritaire"), ("blauw", "Regelgestuurde"), ("groen", "Communicatieve"))
    for slug, name in roles:
        response = client.get(reverse("method:role", args=[slug]))
        assert response.status_code == 200
        assert name in response.content.decode()


def test_unknown_role_is_a_404(client):
    assert client.get("/rollen/paars/").status_code == 404


def test_english_is_one_switch_away(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "The multiple government" in html


def test_pages_send_a_strict_content_security_policy(client):
    for url in ("/", "/rollen/groen/", "/toegankelijkheid/", "/privacy/"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "frame-ancestors 'none'" in csp
