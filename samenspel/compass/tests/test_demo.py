"""The demo a newcomer sees after `make run`: a case assessed twice whose groups came closer,
one still open for answers, and one not measured yet."""

import pytest

from samenspel.compass import demo, results
from samenspel.compass.models import Answer, Case

pytestmark = pytest.mark.django_db


def test_demo_shows_a_case_whose_groups_came_closer():
    lines = demo.setup_demo()
    kern = Case.objects.get(title="Dorpshuis De Kern")
    before, after = (r for _a, r in results.of_case(kern))
    assert before.index < after.index
    assert all(group.agreement is not None for group in after.groups
               if group.respondents >= 3)
    open_one = Case.objects.get(title="Speelplek Kerkstraat").assessments.get()
    assert open_one.is_open and any(open_one.code in line for line in lines)
    assert not Case.objects.get(title="Veilig naar school in Kessel").assessments.exists()


def test_running_the_demo_again_adds_nothing_and_prints_the_same():
    first = demo.setup_demo()
    counts = (Case.objects.count(), Answer.objects.count())
    assert demo.setup_demo() == first
    assert (Case.objects.count(), Answer.objects.count()) == counts
