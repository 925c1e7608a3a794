"""The demo a newcomer sees after `make run`: one workshop in progress with notes in the
writing rounds and activities in round 3, and one finished workshop with its 6 activities."""

import pytest

from samenspel.workshops import demo
from samenspel.workshops.models import Activity, Contribution, Reaction, Workshop

pytestmark = pytest.mark.django_db


def test_demo_has_a_workshop_in_progress_and_a_finished_one():
    lines = demo.setup_demo()
    running = Workshop.objects.get(title=demo.DE_KERN.title)
    finished = Workshop.objects.get(title=demo.SPEELPLEK.title)

    assert running.state == Workshop.State.RUNNING and running.round_open
    assert running.current_round.number == 3
    kinds = set(Contribution.objects.filter(workshop=running).values_list("prompt__kind",
                                                                          flat=True))
    assert kinds == {"desired_behaviour", "activating_belief", "routine", "hindering_thought"}
    assert Activity.objects.filter(workshop=running).count() == 9
    assert Activity.objects.filter(workshop=running, chosen=True).count() == 2

    assert finished.state == Workshop.State.CLOSED
    assert Activity.objects.filter(workshop=finished, chosen=True).count() == 6
    assert Reaction.objects.filter(activity__workshop=finished).exists()
    assert any(running.join_code in line for line in lines)
    assert any(finished.outcome_key in line for line in lines)


def test_running_the_demo_again_adds_nothing_and_prints_the_same():
    first = demo.setup_demo()
    counts = (Workshop.objects.count(), Contribution.objects.count())
    assert demo.setup_demo() == first
    assert (Workshop.objects.count(), Contribution.objects.count()) == counts
