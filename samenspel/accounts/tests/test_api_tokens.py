"""Personal API keys: a staff member makes one on the profile page, sees it once, and can
revoke it; only its hash is stored, and it works only while the account is active."""

from datetime import timedelta

import pytest
from django.urls import reverse

from samenspel.accounts import services
from samenspel.accounts.models import ApiToken
from samenspel.accounts.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_new_key_is_shown_once_and_only_its_hash_is_stored(facilitator):
    api_token, secret = services.create_api_token(facilitator, "  rapportage   script ")
    assert secret.startswith("sst_")
    assert api_token.name == "rapportage script"
    stored = ApiToken.objects.get()
    assert stored.token_hash == ApiToken.hash_of(secret)
    assert secret not in {str(value) for value in vars(stored).values()}


def test_the_key_finds_its_owner_and_notes_when_it_was_used(facilitator):
    _api_token, secret = services.create_api_token(facilitator, "laptop")
    assert services.user_for_api_token(secret) == facilitator
    first_use = ApiToken.objects.get().last_used_at
    assert first_use is not None
    # Used again within the minute: no write.
    assert services.user_for_api_token(secret) == facilitator
    assert ApiToken.objects.get().last_used_at == first_use


def test_a_key_that_was_used_a_while_ago_is_noted_again(facilitator):
    api_token, secret = services.create_api_token(facilitator, "laptop")
    long_ago = api_token.created_at - timedelta(hours=1)
    ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=long_ago)
    services.user_for_api_token(secret)
    assert ApiToken.objects.get().last_used_at > long_ago


@pytest.mark.parametrize("typed", ["", "sst_", "sst_wrong", "spt_x", "nonsense"])
def test_an_unknown_key_finds_nobody(facilitator, typed):
    services.create_api_token(facilitator, "laptop")
    assert services.user_for_api_token(typed) is None


def test_a_deactivated_account_has_no_working_key(facilitator):
    _api_token, secret = services.create_api_token(facilitator, "laptop")
    facilitator.is_active = False
    facilitator.save()
    assert services.user_for_api_token(secret) is None


def test_nobody_revokes_another_persons_key(facilitator, observer):
    api_token, secret = services.create_api_token(facilitator, "laptop")
    assert not services.revoke_api_token(observer, api_token.pk)
    assert services.user_for_api_token(secret) == facilitator
    assert services.revoke_api_token(facilitator, api_token.pk)
    assert services.user_for_api_token(secret) is None


def test_profile_page_makes_a_key_and_shows_it_once(client, facilitator):
    client.login(username=facilitator.username, password=PASSWORD)
    made = client.post(reverse("accounts:profile"), {"name": "Rapportage"})
    assert made.status_code == 200
    assert "no-store" in made["Cache-Control"]
    secret = made.context["new_token"]
    assert secret.startswith("sst_")
    assert secret in made.content.decode()

    again = client.get(reverse("accounts:profile"))
    html = again.content.decode()
    assert "Rapportage" in html
    assert secret not in html


def test_a_key_needs_a_name(client, facilitator):
    client.login(username=facilitator.username, password=PASSWORD)
    answer = client.post(reverse("accounts:profile"), {"name": " "})
    assert answer.status_code == 400
    assert "Give the key a name." in answer.content.decode()
    assert not ApiToken.objects.exists()


def test_profile_page_revokes_a_key(client, facilitator):
    api_token, _secret = services.create_api_token(facilitator, "Oud")
    client.login(username=facilitator.username, password=PASSWORD)
    answer = client.post(reverse("accounts:revoke_token", args=[api_token.pk]), follow=True)
    assert answer.status_code == 200
    assert "The API key has been revoked" in answer.content.decode()
    assert not ApiToken.objects.exists()


def test_revoking_another_persons_key_changes_nothing(client, facilitator, observer):
    api_token, _secret = services.create_api_token(observer, "Van een ander")
    client.login(username=facilitator.username, password=PASSWORD)
    client.post(reverse("accounts:revoke_token", args=[api_token.pk]))
    assert ApiToken.objects.filter(pk=api_token.pk).exists()


def test_profile_page_needs_a_login(client):
    answer = client.get(reverse("accounts:profile"))
    assert answer.status_code == 302
    assert answer.url.startswith(reverse("accounts:login"))
