"""Changes to accounts, their API keys and the theme that other code (views, commands,
other apps) may make."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from samenspel.accounts.models import ApiToken, Theme, User

# A script that reads the API often should not turn every read into a write.
API_TOKEN_USE_RECORDED_EVERY = timedelta(minutes=1)


def create_staff_user(
    username: str,
    role: User.Role,
    password: str | None = None,
    *,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
) -> User:
    """A new staff account; without a password it cannot log in until one is set.

    Admin access (is_staff, is_superuser) follows from the role (see User.save).
    """
    return User.objects.create_user(
        username,
        email=email,
        password=password,
        role=role,
        first_name=first_name,
        last_name=last_name,
    )


@transaction.atomic
def set_theme_if_default(
    *, organisation_name: str, primary_colour: str, primary_text_colour: str, accent_colour: str
) -> bool:
    """Give the theme these values, but only while nobody has chosen any yet.

    Returns whether the theme was changed. The values are validated like the admin's.
    """
    theme = Theme.objects.select_for_update().filter(pk=Theme.SINGLETON_PK).first() or Theme()
    if not theme.is_default():
        return False
    theme.organisation_name = organisation_name
    theme.primary_colour = primary_colour
    theme.primary_text_colour = primary_text_colour
    theme.accent_colour = accent_colour
    theme.full_clean()
    theme.save()
    return True


def create_api_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new personal API key for `user`. The key itself is returned this once and never
    stored: only its hash is."""
    token = ApiToken.PREFIX + secrets.token_urlsafe(32)
    api_token = ApiToken.objects.create(
        user=user, name=" ".join(name.split())[:100], token_hash=ApiToken.hash_of(token)
    )
    return api_token, token


def revoke_api_token(user: User, pk: int) -> bool:
    """Revoke one of the user's own keys; whether there was one to revoke."""
    deleted, _kinds = ApiToken.objects.filter(user=user, pk=pk).delete()
    return deleted > 0


def user_for_api_token(token: str) -> User | None:
    """The active staff member whose API key this is (noting when it was used), or None."""
    if not token.startswith(ApiToken.PREFIX):
        return None
    api_token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=ApiToken.hash_of(token))
        .first()
    )
    if api_token is None or not api_token.user.is_active:
        return None
    now = timezone.now()
    last_used = api_token.last_used_at
    if last_used is None or now - last_used >= API_TOKEN_USE_RECORDED_EVERY:
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
    return api_token.user
