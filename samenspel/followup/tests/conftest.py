"""The cast of the follow-up tests: the workshop tests' facilitator and observer, a workshop
that chose two activities per group and was closed, and a check-in as a group's link sends
it."""

import pytest

from samenspel.followup import services
from samenspel.followup.models import CheckInLink, TrackedActivity
from samenspel.method.services import default_template
from samenspel.workshops import services as workshops
from samenspel.workshops.tests.conftest import (  # noqa: F401 (the shared cast)
    FACILITATOR_PASSWORD as PASSWORD,
)
from samenspel.workshops.tests.conftest import (  # noqa: F401 (the shared cast)
    anna,
    olaf,
    published,
)

CHOSEN = {
    "government": ["Spreekuur in het dorpshuis", "Regels voor de zaal versoepelen"],
    "organisations": ["Jongerenwerk op vrijdag", "Samen een agenda"],
    "community": ["Vrijwilligersrooster", "Koffieochtend voor iedereen"],
}


def choosing_workshop(title="Samen in Panningen", place="Panningen"):
    """A workshop in its last round in which each group proposed and chose two activities
    (the first serving a desired behaviour of its group)."""
    workshop = workshops.create_workshop(
        created_by=None, template=default_template(), title=title,
        case_description="Hoe houden we het dorpshuis open?", place=place,
    )
    rounds = {r.number: r for r in workshop.template.rounds.all()}
    workshops.open_round(workshop, rounds[1])
    behaviour = rounds[1].prompts.get(kind="desired_behaviour")
    members = {p: workshops.join_workshop(workshop, p) for p in CHOSEN}
    notes = {p: workshops.add_contribution(m, behaviour, f"Wij luisteren ({p})")
             for p, m in members.items()}
    workshops.open_round(workshop, rounds[3])
    for perspective, titles in CHOSEN.items():
        activities = [
            workshops.propose_activity(
                members[perspective], text, serves=[notes[perspective]] if i == 0 else [])
            for i, text in enumerate(titles)
        ]
        workshops.choose_activities(workshop, perspective, activities)
    return workshop


@pytest.fixture
def closed(db, django_capture_on_commit_callbacks):
    """The workshop, closed: the follow-up hears it once the closing commits."""
    workshop = choosing_workshop()
    with django_capture_on_commit_callbacks(execute=True):
        workshops.close_workshop(workshop)
    return workshop


@pytest.fixture
def tracked(closed):
    """The government's first activity."""
    return TrackedActivity.objects.get(workshop=closed, title="Spreekuur in het dorpshuis")


@pytest.fixture
def links(closed):
    return {link.perspective: link for link in CheckInLink.objects.filter(workshop=closed)}


def check_in(tracked, perspective="community", worked="yes", key=None, **extra):
    return services.record_check_in(
        tracked, perspective=perspective, done=extra.pop("done", "We hebben het gedaan."),
        worked=worked, key=key or services.new_check_in_key(), **extra,
    )
