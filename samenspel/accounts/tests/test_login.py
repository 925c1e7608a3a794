"""The staff login page and the Django admin's login, with the lockout."""

import re

import pytest
from django.urls import reverse

from samenspel.accounts.models import LoginFailure

from .conftest import PASSWORD

LOGIN_URL = reverse("accounts:login")
ADMIN_LOGIN_URL = reverse("admin:login")
LOCKED_MESSAGE = "Too many failed attempts. Try again in 15 minutes."


def log_in(client, username, password, url=LOGIN_URL):
    return client.post(url, {"username": username, "password": password})


def is_logged_in(client):
    return "_auth_user_id" in client.session


def fail(client, username, times, url=LOGIN_URL):
    return [log_in(client, username, "wrong password", url) for _ in range(times)]


def test_login_page_has_labelled_fields_for_password_managers(client, db):
    page = client.get(LOGIN_URL).content.decode()
    assert '<label class="utrecht-form-label" for="id_username">' in page
    assert '<label class="utrecht-form-label" for="id_password">' in page
    assert 'autocomplete="username"' in page
    assert 'autocomplete="current-password"' in page
    assert "utrecht-button utrecht-button--primary-action" in page


def test_login_page_has_no_inline_script_or_style(client, db):
    page = client.get(LOGIN_URL).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert "<style" not in page
    assert " style=" not in page


def test_right_password_logs_in(client, facilitator, clock):
    response = log_in(client, "gespreksleider", PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_wrong_password_shows_error_summary_linked_to_the_fields(client, facilitator, clock):
    response = log_in(client, "gespreksleider", "wrong password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Log in" in page
    assert 'id="error-summary"' in page
    assert "The username or password is not right." in page
    assert 'aria-describedby="login-error"' in page


def test_empty_fields_are_named_in_the_summary_and_at_the_field(client, db):
    page = client.post(LOGIN_URL, {"username": "", "password": ""}).content.decode()
    assert 'href="#id_username"' in page
    assert 'href="#id_password"' in page
    assert 'aria-invalid="true" aria-describedby="id_username-error"' in page
    assert 'id="id_username-error"' in page


def test_account_locks_after_five_failed_logins(client, facilitator, clock):
    responses = fail(client, "gespreksleider", 5)
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 429]
    assert LOCKED_MESSAGE not in responses[3].content.decode()
    assert LOCKED_MESSAGE in responses[4].content.decode()
    assert responses[4]["Retry-After"] == str(15 * 60)
    assert LoginFailure.objects.count() == 5


def test_locked_account_refuses_right_password_until_window_passes(client, facilitator, clock):
    fail(client, "gespreksleider", 5)

    response = log_in(client, "gespreksleider", PASSWORD)
    assert response.status_code == 429
    assert LOCKED_MESSAGE in response.content.decode()
    assert not is_logged_in(client)

    clock.advance(minutes=14, seconds=1)
    response = log_in(client, "gespreksleider", PASSWORD)
    assert "Too many failed attempts. Try again in 1 minute." in response.content.decode()
    assert not is_logged_in(client)

    clock.advance(seconds=59)
    assert log_in(client, "gespreksleider", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_attempts_while_locked_do_not_extend_the_lock(client, facilitator, clock):
    fail(client, "gespreksleider", 5)
    clock.advance(minutes=10)
    fail(client, "gespreksleider", 3)
    clock.advance(minutes=5)
    assert log_in(client, "gespreksleider", PASSWORD).status_code == 302


def test_failures_spread_over_more_than_the_window_do_not_lock(client, facilitator, clock):
    fail(client, "gespreksleider", 4)
    clock.advance(minutes=16)
    response = fail(client, "gespreksleider", 1)[0]
    assert response.status_code == 200
    assert LOCKED_MESSAGE not in response.content.decode()


def test_successful_login_clears_failures(client, facilitator, clock):
    fail(client, "gespreksleider", 4)
    assert log_in(client, "gespreksleider", PASSWORD).status_code == 302
    assert not LoginFailure.objects.filter(username="gespreksleider").exists()

    client.logout()
    fail(client, "gespreksleider", 4)
    assert log_in(client, "gespreksleider", PASSWORD).status_code == 302


def test_lockout_counts_a_username_however_it_is_typed(client, facilitator, clock):
    for username in ["Gespreksleider", "GESPREKSLEIDER", " gespreksleider", "gespreksleider "]:
        fail(client, username, 1)
    response = fail(client, "gespreksleider", 1)[0]
    assert response.status_code == 429


def test_unknown_username_locks_too_so_the_lockout_reveals_no_accounts(client, db, clock):
    responses = fail(client, "nobody", 5)
    assert responses[-1].status_code == 429


def test_other_accounts_are_not_locked(client, facilitator, administrator, clock):
    fail(client, "beheerder", 5)
    assert log_in(client, "gespreksleider", PASSWORD).status_code == 302


def test_failure_records_client_ip_and_old_failures_are_forgotten(client, facilitator, clock):
    fail(client, "gespreksleider", 1)
    assert LoginFailure.objects.get().ip_address == "127.0.0.1"
    clock.advance(minutes=15)
    fail(client, "someone-else", 1)
    assert list(LoginFailure.objects.values_list("username", flat=True)) == ["someone-else"]


def test_admin_login_uses_lockout_too(client, administrator, clock):
    responses = fail(client, "beheerder", 5, url=ADMIN_LOGIN_URL)
    assert LOCKED_MESSAGE in responses[-1].content.decode()

    response = log_in(client, "beheerder", PASSWORD, url=ADMIN_LOGIN_URL)
    assert LOCKED_MESSAGE in response.content.decode()
    assert not is_logged_in(client)

    clock.advance(minutes=15)
    response = log_in(client, "beheerder", PASSWORD, url=ADMIN_LOGIN_URL)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_failures_on_either_login_page_count_together(client, administrator, clock):
    fail(client, "beheerder", 3, url=ADMIN_LOGIN_URL)
    responses = fail(client, "beheerder", 2)
    assert responses[-1].status_code == 429


def test_admin_login_still_refuses_non_staff_without_counting_a_failure(client, facilitator, clock):
    response = log_in(client, "gespreksleider", PASSWORD, url=ADMIN_LOGIN_URL)
    assert "staff account" in response.content.decode()
    assert not is_logged_in(client)
    assert not LoginFailure.objects.exists()


def test_logout_only_by_post(client, facilitator):
    client.force_login(facilitator)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert is_logged_in(client)
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert not is_logged_in(client)


@pytest.mark.parametrize("path", ["/inloggen/", "/uitloggen/", "/thema.css", "/thema/logo"])
def test_dutch_urls(path):
    assert path in {
        reverse("accounts:login"),
        reverse("accounts:logout"),
        reverse("accounts:theme_css"),
        reverse("accounts:theme_logo"),
    }
