"""The demo's follow-up: check-ins from several groups, an overdue activity, a public page."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenspel.followup.models import CheckIn, FollowUp, TrackedActivity
from samenspel.followup.progress import rows

pytestmark = pytest.mark.django_db


def test_demo_shows_the_follow_up_of_the_finished_workshop():
    call_command("setup_demo", verbosity=0)
    assert len(set(CheckIn.objects.values_list("perspective", flat=True))) >= 2
    overview = rows(TrackedActivity.objects.prefetch_related("check_ins"), timezone.localdate())
    assert any(row.overdue for row in overview)
    assert FollowUp.objects.get().is_public


def test_running_the_demo_again_adds_nothing():
    call_command("setup_demo", verbosity=0)
    count = CheckIn.objects.count()
    call_command("setup_demo", verbosity=0)
    assert CheckIn.objects.count() == count
