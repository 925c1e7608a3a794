"""Who may do what, as named rules. Each takes the request's user, signed in or not."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from samenspel.accounts.models import User

AnyUser = AbstractBaseUser | AnonymousUser


def _staff(user: AnyUser) -> User | None:
    if isinstance(user, User) and user.is_active:
        return user
    return None


def can_manage_accounts(user: AnyUser) -> bool:
    staff = _staff(user)
    return staff is not None and staff.is_administrator


def can_edit_theme(user: AnyUser) -> bool:
    staff = _staff(user)
    return staff is not None and staff.is_administrator


def can_edit_templates(user: AnyUser) -> bool:
    """Workshop templates: facilitators adapt the format for their own cases."""
    staff = _staff(user)
    return staff is not None and (staff.is_administrator or staff.is_facilitator)


def can_run_workshops(user: AnyUser) -> bool:
    staff = _staff(user)
    return staff is not None and (staff.is_administrator or staff.is_facilitator)


def can_view_workshops(user: AnyUser) -> bool:
    """Every staff role, observers too, may look at workshops and their outcomes."""
    return _staff(user) is not None


def can_view_cases(user: AnyUser) -> bool:
    """The role compass: every staff role may look at cases and their assessments."""
    return _staff(user) is not None


def can_assess_cases(user: AnyUser) -> bool:
    """Adding cases and starting or closing their assessments."""
    staff = _staff(user)
    return staff is not None and (staff.is_administrator or staff.is_facilitator)


def can_view_follow_up(user: AnyUser) -> bool:
    """The follow-up of workshops: every staff role may look at activities and check-ins."""
    return _staff(user) is not None


def can_follow_up(user: AnyUser) -> bool:
    """Changing tracked activities, recording check-ins as staff, sharing the links and
    publishing the progress page."""
    staff = _staff(user)
    return staff is not None and (staff.is_administrator or staff.is_facilitator)
