"""When a workshop closes, its six chosen activities become tracked activities, each owned
by the group that chose it; asking again adds nothing; statuses move by the rules."""

from datetime import date

import pytest

from samenspel.followup import services
from samenspel.followup.models import CheckInLink, FollowUp, StatusChange, TrackedActivity
from samenspel.followup.tests.conftest import choosing_workshop
from samenspel.workshops import services as workshops
from samenspel.workshops.models import Workshop

pytestmark = pytest.mark.django_db


def test_closing_a_workshop_tracks_its_six_chosen_activities(closed):
    tracked = TrackedActivity.objects.filter(workshop=closed)
    assert tracked.count() == 6
    assert set(tracked.filter(owner="community").values_list("title", flat=True)) == {
        "Vrijwilligersrooster", "Koffieochtend voor iedereen"}
    assert {t.status for t in tracked} == {"planned"}
    assert CheckInLink.objects.filter(workshop=closed).count() == 3


def test_a_tracked_activity_serves_the_behaviours_its_activity_served(tracked):
    assert [note.text for note in tracked.serves.all()] == ["Wij luisteren (government)"]


def test_tracking_again_adds_nothing(closed):
    services.track_activities(closed)
    services.track_activities(closed)
    assert TrackedActivity.objects.filter(workshop=closed).count() == 6
    assert FollowUp.objects.filter(workshop=closed).count() == 1
    assert CheckInLink.objects.filter(workshop=closed).count() == 3


def test_a_workshop_closed_without_the_signal_is_tracked_when_a_page_asks(db):
    workshop = choosing_workshop()
    Workshop.objects.filter(pk=workshop.pk).update(state=Workshop.State.CLOSED)
    workshop.refresh_from_db()
    assert not TrackedActivity.objects.exists()
    services.track_closed_workshops()
    assert TrackedActivity.objects.filter(workshop=workshop).count() == 6


def test_an_open_workshop_has_no_follow_up_yet(db):
    workshop = choosing_workshop()
    assert services.follow_up_of(workshop) is None
    with pytest.raises(services.FollowUpError) as refused:
        services.track_activities(workshop)
    assert refused.value.code == "workshop_not_closed"


def test_closing_without_commit_tracks_nothing(db):
    workshop = choosing_workshop()
    workshops.close_workshop(workshop)  # the test's transaction never commits
    assert not TrackedActivity.objects.exists()


def test_a_status_change_is_kept_with_who_and_when(tracked, anna):
    services.change_status(tracked, "started", changed_by=anna, on=date(2026, 3, 1))
    services.change_status(tracked, "done", changed_by=anna, on=date(2026, 4, 1))
    services.change_status(tracked, "started", changed_by=None, on=date(2026, 5, 1))
    tracked.refresh_from_db()
    assert tracked.status == "started"
    assert [(c.from_status, c.to_status, c.changed_by) for c in StatusChange.objects.all()] == [
        ("planned", "started", anna), ("started", "done", anna), ("done", "started", None)]


def test_a_status_cannot_go_back_to_planned(tracked, anna):
    services.change_status(tracked, "started", changed_by=anna)
    with pytest.raises(services.FollowUpError) as refused:
        services.change_status(tracked, "planned", changed_by=anna)
    assert refused.value.code == "bad_status_change"
    assert "Gepland" in refused.value.message or "planned" in refused.value.message.lower()
    assert StatusChange.objects.count() == 1


def test_staff_add_an_activity_by_hand(closed):
    added = services.add_activity(closed, title=" Bankje  bij de kerk ", owner="community",
                                  contact_email="dorpsraad@example.org")
    assert added.title == "Bankje bij de kerk" and added.activity is None
    services.track_activities(closed)
    assert TrackedActivity.objects.filter(workshop=closed).count() == 7


def test_a_bad_contact_email_is_refused(closed):
    with pytest.raises(services.FollowUpError) as refused:
        services.add_activity(closed, title="Bankje", owner="community", contact_email="nee")
    assert refused.value.code == "bad_email"
    assert TrackedActivity.objects.filter(workshop=closed).count() == 6


def test_a_status_change_cannot_be_in_the_future(tracked, anna):
    from datetime import timedelta

    from django.utils import timezone

    with pytest.raises(services.FollowUpError) as refused:
        services.change_status(tracked, "started", changed_by=anna,
                               on=timezone.localdate() + timedelta(days=1))
    assert refused.value.code == "future_status_change"
    assert not StatusChange.objects.exists()
