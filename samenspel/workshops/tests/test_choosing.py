"""Round 3: members propose activities, vote with a dot budget, and the group - or the
facilitator for it - confirms exactly 2, so the room ends with 6."""

import pytest
from django.urls import reverse

from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.models import Activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title="Samen in Panningen",
        case_description="Hoe houden we het dorpshuis open?",
    )
    services.open_round(workshop, workshop.template.rounds.get(number=3))
    return workshop


def propose(participant, *titles):
    return [services.propose_activity(participant, title) for title in titles]


def test_activities_can_only_be_proposed_in_the_open_closing_round(workshop, resident):
    services.open_round(workshop, workshop.template.rounds.get(number=1))
    with pytest.raises(services.WorkshopError) as refused:
        propose(resident, "Buurtmaaltijd")
    assert refused.value.code == "not_choosing"


def test_votes_stay_within_the_dot_budget(workshop, resident):
    meal, walk = propose(resident, "Buurtmaaltijd", "Wandeling")
    services.place_dot(resident, meal)
    services.place_dot(resident, meal)
    services.place_dot(resident, walk)
    with pytest.raises(services.WorkshopError) as refused:
        services.place_dot(resident, walk)
    assert refused.value.code == "no_dots_left"
    services.place_dot(resident, meal, add=False)
    services.place_dot(resident, walk)
    assert services.dots_used(resident) == 3


def test_participant_cannot_vote_in_another_group(workshop, resident):
    civil_servant = services.join_workshop(workshop, "government")
    (theirs,) = propose(civil_servant, "Spreekuur")
    with pytest.raises(services.WorkshopError) as refused:
        services.place_dot(resident, theirs)
    assert refused.value.code == "other_group"


def test_group_cannot_finish_round_3_with_three_activities(workshop, resident):
    activities = propose(resident, "Buurtmaaltijd", "Wandeling", "Repair café")
    with pytest.raises(services.WorkshopError) as refused:
        services.choose_activities(workshop, "community", activities)
    assert refused.value.code == "wrong_number_of_activities"
    assert refused.value.message == "Kies precies 2 activiteiten. Je koos er 3."
    assert not Activity.objects.filter(chosen=True).exists()


def test_group_cannot_finish_round_3_with_one_activity(workshop, resident):
    activities = propose(resident, "Buurtmaaltijd", "Wandeling")
    with pytest.raises(services.WorkshopError):
        services.choose_activities(workshop, "community", activities[:1])


def test_three_groups_choosing_two_each_make_six_activities(workshop):
    for perspective in ("government", "organisations", "community"):
        member = services.join_workshop(workshop, perspective)
        activities = propose(member, "Een", "Twee", "Drie")
        services.choose_activities(workshop, perspective, activities[:2])
    assert Activity.objects.filter(chosen=True).count() == 6


def test_a_tie_is_shown_as_a_tie(client, workshop, resident):
    meal, walk = propose(resident, "Buurtmaaltijd", "Wandeling")
    services.place_dot(resident, meal)
    services.place_dot(resident, walk)
    from samenspel.workshops.boards import group_activities

    ranked = group_activities(workshop, "community")
    assert [item["tied"] for item in ranked] == [True, True]


def test_member_votes_and_confirms_through_the_forms(client, workshop):
    url = reverse("workshops:participant", args=[workshop.join_code])
    client.post(url, {"perspective": "community"})
    code = workshop.join_code
    client.post(reverse("workshops:propose_activity", args=[code]), {"title": "Buurtmaaltijd"})
    client.post(reverse("workshops:propose_activity", args=[code]), {"title": "Wandeling"})
    meal, walk = Activity.objects.order_by("pk")
    response = client.post(reverse("workshops:place_dot", args=[code]), {"dot": f"add-{meal.pk}"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "1 stip" in page and "Je hebt nog 2 stippen" in page

    third = client.post(reverse("workshops:choose_activities", args=[code]),
                        {"activities": [meal.pk]})
    assert third.status_code == 400
    assert "Kies precies 2 activiteiten" in third.content.decode()
    client.post(reverse("workshops:choose_activities", args=[code]),
                {"activities": [meal.pk, walk.pk]})
    assert Activity.objects.filter(chosen=True).count() == 2


def test_empty_activity_title_gets_a_clear_message(client, workshop):
    url = reverse("workshops:participant", args=[workshop.join_code])
    client.post(url, {"perspective": "community"})
    response = client.post(reverse("workshops:propose_activity", args=[workshop.join_code]),
                           {"title": "  "})
    assert response.status_code == 400
    assert "Geef de activiteit een korte titel." in response.content.decode()
    assert not Activity.objects.exists()


def test_a_hidden_behaviour_is_not_shown_under_the_activity_it_serves(
    workshop, resident, published, django_capture_on_commit_callbacks
):
    rounds = {r.number: r for r in workshop.template.rounds.all()}
    services.open_round(workshop, rounds[1])
    behaviour = services.add_contribution(
        resident, rounds[1].prompts.get(kind="desired_behaviour"), "Iets kwetsends")
    services.open_round(workshop, rounds[3])
    services.propose_activity(resident, "Buurtmaaltijd", serves=[behaviour])
    services.hide_note(workshop, behaviour, "Kwetsend")
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.propose_activity(resident, "Wandeling")
    assert published and all("Iets kwetsends" not in event.get("html", "")
                             for _audience, event in published)
