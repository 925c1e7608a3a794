"""The cast of the workshop tests: one workshop from the default template, a member of each
group, a facilitator, and what the live layer was asked to publish."""

import pytest

from samenspel.accounts.services import create_staff_user
from samenspel.method.services import default_template
from samenspel.workshops import live_updates, services

FACILITATOR_PASSWORD = "een-lang-wachtwoord-42"


@pytest.fixture
def workshop(db):
    return services.create_workshop(
        created_by=None, template=default_template(), title="Samen in Panningen",
        case_description="Hoe houden we het dorpshuis open?",
    )


@pytest.fixture
def rounds(workshop):
    return {r.number: r for r in workshop.template.rounds.all()}


@pytest.fixture
def round_1(rounds):
    return rounds[1]


@pytest.fixture
def writing(workshop, round_1):
    """Round 1 is open: its two prompts, the behaviour and the belief that belongs to it."""
    services.open_round(workshop, round_1)
    return {"behaviour": round_1.prompts.get(kind="desired_behaviour"),
            "belief": round_1.prompts.get(kind="activating_belief")}


@pytest.fixture
def closing_round(workshop, rounds):
    """Round 3 is open: the groups propose, vote and choose."""
    services.open_round(workshop, rounds[3])
    return rounds[3]


@pytest.fixture
def civil_servant(workshop):
    return services.join_workshop(workshop, "government")


@pytest.fixture
def social_worker(workshop):
    return services.join_workshop(workshop, "organisations")


@pytest.fixture
def resident(workshop):
    return services.join_workshop(workshop, "community")


@pytest.fixture
def anna(db):
    """A facilitator."""
    return create_staff_user("anna", "facilitator", password=FACILITATOR_PASSWORD)


@pytest.fixture
def published(monkeypatch):
    """(audience, event) for everything announced, in order."""
    sent = []
    monkeypatch.setattr(
        live_updates, "publish",
        lambda stream, audience, event, version=None, key=None: sent.append((audience, event)),
    )
    return sent



@pytest.fixture
def olaf(db):
    """An observer: staff who may look at workshops, not run them."""
    return create_staff_user("olaf", "observer", password=FACILITATOR_PASSWORD)


@pytest.fixture
def anna_api(client, anna):
    """Anna on the JSON API, with a personal API key."""
    from samenspel.workshops.tests.api_client import staff_api

    return staff_api(client, anna)
