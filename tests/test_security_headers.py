"""Every kind of page and answer carries the security headers: a strict CSP (nothing inline,
no eval, no framing), no referrer to other sites, no type sniffing; production settings add
HSTS and secure cookies; /.well-known/security.txt says where to report a vulnerability."""

import json
import os
import subprocess
import sys

import pytest
from django.urls import reverse

from samenspel.accounts.services import create_staff_user
from samenspel.compass import services as compass
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.tests.steps import join_by_form

PASSWORD = "een-lang-wachtwoord-42"


@pytest.fixture
def addresses(client, db):
    """One address of each kind of page, for a visitor who may see it."""
    create_staff_user("anna", "facilitator", password=PASSWORD)
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title="Samen", case_description="Casus.")
    services.open_round(workshop, workshop.template.rounds.get(number=1))
    join_by_form(client, workshop, "community")
    case = compass.create_case(created_by=None, title="Speelplek", description="Wie zorgt?",
                               owner="community")
    assessment = compass.start_assessment(case, created_by=None)
    public = [
        reverse("method:home"), reverse("core:privacy"), reverse("core:accessibility"),
        reverse("core:security_txt"), reverse("workshops:enter_code"),
        reverse("workshops:participant", args=[workshop.join_code]),  # the phone's round
        reverse("workshops:participant", args=["AAAAAA"]),  # a 404 page
        reverse("workshops:outcome", args=[workshop.outcome_key]),
        reverse("compass:answer", args=[assessment.code]), reverse("compass:how_we_measure"),
        reverse("accounts:login"), "/api/v1/questionnaire", "/api/v1/openapi.json",
        "/api/v1/nergens", "/admin/login/",
    ]
    staff = [
        reverse("workshops:list"), reverse("workshops:console", args=[workshop.pk]),
        reverse("workshops:projector", args=[workshop.pk]), reverse("compass:cases"),
        reverse("compass:case", args=[case.pk]), "/api/v1/docs",
    ]
    return public, staff


def assert_safe_headers(response, address):
    csp = response.headers.get("Content-Security-Policy", "")
    for rule in ("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                 "object-src 'none'", "base-uri 'none'"):
        assert rule in csp, (address, csp)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, address
    assert response.headers.get("Referrer-Policy") == "same-origin", address
    assert response.headers.get("X-Content-Type-Options") == "nosniff", address
    assert response.headers.get("X-Frame-Options") == "DENY", address


def test_every_kind_of_page_carries_the_security_headers(client, addresses):
    public, staff = addresses
    for address in public:
        response = client.get(address)
        assert response.status_code < 500, address
        assert_safe_headers(response, address)
    client.login(username="anna", password=PASSWORD)
    for address in staff:
        response = client.get(address)
        assert response.status_code == 200, address
        assert_safe_headers(response, address)


def test_a_refused_post_and_a_wait_page_carry_them_too(client, db, settings):
    settings.CODE_GUESS_LIMIT = 1
    refused = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    assert_safe_headers(refused, "login refused")
    waiting = client.get(reverse("workshops:participant", args=["AAAAAA"]))
    assert waiting.status_code == 429
    assert_safe_headers(waiting, "wait page")


def test_over_https_the_browser_is_told_to_keep_to_https(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get(reverse("method:home"), secure=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


# What settings_test.py sets for the suite; production runs without them.
TEST_ONLY = ("DEBUG", "SECURE_COOKIES", "SECURE_HSTS_SECONDS")


def test_production_settings_send_cookies_only_over_https():
    shown = subprocess.run(
        [sys.executable, "-c", (
            "import json, django; django.setup(); from django.conf import settings as s; "
            "print(json.dumps([s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
            "s.LANGUAGE_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SECURE_HSTS_SECONDS]))"
        )],
        env={**{k: v for k, v in os.environ.items() if k not in TEST_ONLY},
             "DJANGO_SETTINGS_MODULE": "samenspel.settings", "SECRET_KEY": "x" * 50},
        capture_output=True, text=True, check=True,
    )
    debug, session, csrf, language, httponly, hsts = json.loads(shown.stdout.splitlines()[-1])
    assert (debug, session, csrf, language, httponly) == (False, True, True, True, True)
    assert hsts >= 31536000


def test_security_txt_names_a_contact_and_an_expiry(client, db, settings):
    settings.SECURITY_CONTACT = "mailto:cert@peelenmaas.nl"
    response = client.get("/.well-known/security.txt")
    assert response["Content-Type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:cert@peelenmaas.nl"
    assert fields["Expires"].endswith("Z") and fields["Preferred-Languages"] == "nl, en"
    assert fields["Canonical"].endswith("/.well-known/security.txt")
