"""Each group checks in for itself: a link writes for its own perspective only, a double
tap stores one check-in, bad input is refused with nothing stored."""

from datetime import timedelta

import pytest
from django.utils import timezone

from samenspel.followup import services
from samenspel.followup.models import CheckIn
from samenspel.followup.tests.conftest import check_in, choosing_workshop
from samenspel.workshops import services as workshops

pytestmark = pytest.mark.django_db


def test_a_link_checks_in_for_its_own_perspective(tracked, links):
    stored = services.record_check_in_by_link(
        links["organisations"], tracked, done="Twee avonden gedraaid", worked="partly",
        key="k1",
    )
    assert stored.perspective == "organisations" and stored.recorded_by is None


def test_a_link_cannot_write_for_another_workshops_activity(
    tracked, links, django_capture_on_commit_callbacks
):
    other = choosing_workshop(title="Samen in Baarlo", place="Baarlo")
    with django_capture_on_commit_callbacks(execute=True):
        workshops.close_workshop(other)
    foreign = other.tracked_activities.first()
    with pytest.raises(services.FollowUpError) as refused:
        services.record_check_in_by_link(links["community"], foreign, done="x", worked="yes",
                                         key="k")
    assert refused.value.code == "unknown_activity"
    assert not CheckIn.objects.exists()


def test_the_same_key_twice_stores_one_check_in(tracked):
    first = check_in(tracked, key="dubbel")
    again = check_in(tracked, key="dubbel", done="Iets anders")
    assert first.pk == again.pk and CheckIn.objects.count() == 1


@pytest.mark.parametrize(("changes", "code"), [
    ({"done": "  "}, "empty_check_in"),
    ({"worked": "maybe"}, "unknown_worked"),
    ({"perspective": "press"}, "unknown_perspective"),
    ({"evidence_link": "javascript:alert(1)"}, "bad_link"),
    ({"on": timezone.localdate() + timedelta(days=1)}, "future_check_in"),
])
def test_bad_check_ins_are_refused_and_nothing_is_stored(tracked, changes, code):
    with pytest.raises(services.FollowUpError) as refused:
        check_in(tracked, **changes)
    assert refused.value.code == code
    assert not CheckIn.objects.exists()
