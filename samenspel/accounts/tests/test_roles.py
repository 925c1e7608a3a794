"""Roles: who gets the admin, and the named permission rules."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from samenspel.accounts import permissions
from samenspel.accounts.models import User


def test_administrator_gets_the_admin_and_others_do_not(administrator, facilitator, observer):
    assert administrator.is_staff and administrator.is_superuser
    assert not facilitator.is_staff and not facilitator.is_superuser
    assert not observer.is_staff and not observer.is_superuser


def test_demoted_administrator_loses_admin_access(administrator):
    administrator.role = User.Role.FACILITATOR
    administrator.save()
    administrator.refresh_from_db()
    assert not administrator.is_staff
    assert not administrator.is_superuser


def test_staff_flag_cannot_be_given_without_the_role(facilitator):
    facilitator.is_staff = True
    facilitator.save()
    facilitator.refresh_from_db()
    assert not facilitator.is_staff


def test_createsuperuser_makes_an_administrator(db):
    call_command(
        "createsuperuser", username="root", email="root@example.org", interactive=False, verbosity=0
    )
    user = User.objects.get(username="root")
    assert user.role == User.Role.ADMINISTRATOR
    assert user.is_staff and user.is_superuser


def test_superuser_with_another_role_is_refused(db):
    with pytest.raises(ValueError):
        User.objects.create_superuser("root", role=User.Role.OBSERVER)


def test_new_accounts_are_observers_unless_told_otherwise(db):
    assert User.objects.create_user("nieuw").role == User.Role.OBSERVER


RULES = {
    # rule: (administrator, facilitator, observer)
    permissions.can_manage_accounts: (True, False, False),
    permissions.can_edit_theme: (True, False, False),
    permissions.can_edit_templates: (True, True, False),
    permissions.can_run_workshops: (True, True, False),
    permissions.can_view_workshops: (True, True, True),
}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_permission_rules_per_role(rule, administrator, facilitator, observer):
    assert (rule(administrator), rule(facilitator), rule(observer)) == RULES[rule]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_anonymous_and_inactive_users_may_do_nothing(rule, administrator):
    administrator.is_active = False
    assert not rule(AnonymousUser())
    assert not rule(administrator)
