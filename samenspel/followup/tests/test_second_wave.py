"""A second-wave workshop looks back first: on their phones, the participants say for their
own group, per activity of the earlier workshop, what they did and whether it worked; the
console shows it; the answers are check-ins of those activities."""

import pytest
from django.urls import reverse

from samenspel.followup import services
from samenspel.followup.models import CheckIn, SecondWave, TrackedActivity
from samenspel.followup.tests.conftest import PASSWORD
from samenspel.method.models import WorkshopTemplate
from samenspel.workshops import services as workshops
from samenspel.workshops.tests.steps import join_by_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def template(db):
    return WorkshopTemplate.objects.get(title_nl="Tweede ronde: terugblikken en verder")


@pytest.fixture
def second(template, closed, anna):
    """A new workshop in the same place, with the look-back round open."""
    workshop = workshops.create_workshop(
        created_by=anna, template=template, title="Panningen, een jaar later",
        case_description="Hoe gaat het met het dorpshuis?", place="Panningen",
    )
    workshops.open_round(workshop, template.rounds.get(number=1))
    return workshop


def test_the_template_looks_back_then_runs_the_three_rounds(template):
    assert list(template.rounds.values_list("number", "kind")) == [
        (1, "review"), (2, "reflect"), (3, "reflect"), (4, "choose_activities")]


def test_the_round_looks_back_on_the_latest_closed_workshop_in_the_same_place(second, closed):
    assert services.previous_workshop(second) == closed
    assert SecondWave.objects.get(workshop=second).previous == closed


def test_a_resident_looks_back_for_their_own_group(client, second, tracked, published):
    join_by_form(client, second, "community")
    page = client.get(reverse("workshops:participant", args=[second.join_code])).content.decode()
    assert "Spreekuur in het dorpshuis" in page and "Werkte het?" in page
    response = client.post(reverse("followup:look_back_answer",
                                   args=[second.join_code, tracked.pk]),
                           {"done": "We gingen twee keer", "worked": "partly",
                            "perspective": "government"})
    assert response.status_code == 302
    stored = CheckIn.objects.get()
    assert (stored.perspective, stored.in_workshop, stored.activity) == (
        "community", second, tracked)
    again = client.post(reverse("followup:look_back_answer", args=[second.join_code, tracked.pk]),
                        {"done": "Nog eens", "worked": "yes"})
    assert again.status_code == 302 and CheckIn.objects.count() == 1


def test_an_empty_look_back_is_a_400_and_stores_nothing(client, second, tracked):
    join_by_form(client, second, "community")
    response = client.post(reverse("followup:look_back_answer",
                                   args=[second.join_code, tracked.pk]), {"done": ""})
    assert response.status_code == 400 and "Zeg of het werkte." in response.content.decode()
    assert not CheckIn.objects.exists()


def test_an_activity_of_another_workshop_is_refused(client, second, tracked,
                                                    django_capture_on_commit_callbacks):
    from samenspel.followup.tests.conftest import choosing_workshop

    other = choosing_workshop(title="Baarlo", place="Baarlo")
    with django_capture_on_commit_callbacks(execute=True):
        workshops.close_workshop(other)
    foreign = TrackedActivity.objects.filter(workshop=other).first()
    join_by_form(client, second, "community")
    response = client.post(reverse("followup:look_back_answer",
                                   args=[second.join_code, foreign.pk]),
                           {"done": "x", "worked": "yes"})
    assert response.status_code == 400 and not CheckIn.objects.exists()


def test_the_console_shows_the_answers_per_group(client, second, tracked):
    member = workshops.join_workshop(second, "organisations")
    services.record_room_check_in(member, tracked, done="Folder gemaakt", worked="yes")
    client.login(username="anna", password=PASSWORD)
    page = client.get(reverse("workshops:console", args=[second.pk])).content.decode()
    assert "Folder gemaakt" in page and "Samen in Panningen" in page
    projector = client.get(reverse("workshops:projector", args=[second.pk])).content.decode()
    assert "Folder gemaakt" in projector


def test_the_facilitator_may_pick_another_workshop_until_someone_answered(second, closed,
                                                                         tracked):
    with pytest.raises(services.FollowUpError):
        services.look_back_on(second, second)
    member = workshops.join_workshop(second, "organisations")
    services.record_room_check_in(member, tracked, done="Gedaan", worked="yes")
    with pytest.raises(services.FollowUpError) as refused:
        services.look_back_on(second, closed)
    assert refused.value.code == "answered_already_moved"


def test_after_the_round_closes_no_more_answers(second, tracked):
    member = workshops.join_workshop(second, "community")
    workshops.close_round(second)
    with pytest.raises(services.FollowUpError) as refused:
        services.record_room_check_in(member, tracked, done="Te laat", worked="no")
    assert refused.value.code == "round_closed"
