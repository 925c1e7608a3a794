"""Changes to accounts and the theme that other code (commands, other apps) may make."""

from __future__ import annotations

from django.db import transaction

from samenspel.accounts.models import Theme, User


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
