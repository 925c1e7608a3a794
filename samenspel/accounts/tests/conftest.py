"""Staff users for the accounts tests, and a clock the lockout tests can move."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from samenspel.accounts import lockout, services
from samenspel.accounts.models import User

PASSWORD = "correct horse battery staple"


class FakeClock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **kwargs):
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock(timezone.now())
    monkeypatch.setattr(lockout, "clock", fake)
    return fake


@pytest.fixture
def client(client):
    # The source language, so the tests read the English messages. Only the language switch's
    # cookie changes the language (the browser's Accept-Language is ignored on purpose).
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def facilitator(db):
    return services.create_staff_user("gespreksleider", User.Role.FACILITATOR, PASSWORD)


@pytest.fixture
def administrator(db):
    return services.create_staff_user("beheerder", User.Role.ADMINISTRATOR, PASSWORD)


@pytest.fixture
def observer(db):
    return services.create_staff_user("meekijker", User.Role.OBSERVER, PASSWORD)
