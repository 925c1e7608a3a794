"""Sharing: the facilitator puts each group's chosen activities on the projector one by one;
everyone in the room reacts on their phone (support, a concern, we can help) and sees the
counts per perspective; the outcome keeps the reactions."""

import pytest
from django.urls import reverse

from samenspel.workshops import boards, services
from samenspel.workshops.models import Reaction
from samenspel.workshops.tests.steps import join_by_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def chosen(workshop, rounds, civil_servant, resident):
    """The government and the community have each chosen 2 activities."""
    services.open_round(workshop, rounds[3])
    picked = {}
    for member in (civil_servant, resident):
        proposed = [services.propose_activity(member, f"{member.perspective} {n}")
                    for n in (1, 2, 3)]
        services.choose_activities(workshop, member.perspective, proposed[:2])
        picked[member.perspective] = proposed
    return picked


def test_sharing_starts_with_a_chosen_activity_and_reloads_every_screen(
    workshop, chosen, published, django_capture_on_commit_callbacks
):
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.show_activity(workshop, chosen["government"][0])
    assert workshop.is_sharing
    assert {audience for audience, event in published if event.get("reload")} == {
        "console", "projector", "group:government", "group:organisations", "group:community"}


def test_after_the_start_only_the_now_on_screen_part_changes(
    workshop, chosen, published, django_capture_on_commit_callbacks
):
    services.show_activity(workshop, chosen["government"][0])
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.show_activity(workshop, chosen["community"][1])
    assert not any(event.get("reload") for _a, event in published)
    projector = [event for audience, event in published if audience == "projector"]
    assert "community 2" in projector[0]["html"]


def test_an_activity_that_was_not_chosen_cannot_be_shared(workshop, chosen):
    with pytest.raises(services.WorkshopError) as refused:
        services.show_activity(workshop, chosen["community"][2])
    assert refused.value.code == "not_chosen"


def test_everyone_reacts_and_the_counts_are_kept_per_perspective(
    workshop, chosen, civil_servant, resident, social_worker
):
    walk = chosen["community"][0]
    services.show_activity(workshop, walk)
    services.react_to_activity(civil_servant, walk, "support")
    services.react_to_activity(social_worker, walk, "support")
    services.react_to_activity(social_worker, walk, "help")
    services.react_to_activity(resident, walk, "concern")
    item = next(i for i in boards.shared_activities(workshop) if i["activity"] == walk)
    rows = {row["kind"].value: row for row in item["reactions"]}
    assert rows["support"]["total"] == 2
    assert [n for _p, n in rows["support"]["per_perspective"]] == [1, 1, 0]
    assert [n for _p, n in rows["help"]["per_perspective"]] == [0, 1, 0]
    assert [n for _p, n in rows["concern"]["per_perspective"]] == [0, 0, 1]


def test_reacting_twice_counts_once_and_can_be_taken_back(workshop, chosen, resident):
    walk = chosen["community"][0]
    services.show_activity(workshop, walk)
    services.react_to_activity(resident, walk, "support")
    services.react_to_activity(resident, walk, "support")
    assert Reaction.objects.count() == 1
    services.react_to_activity(resident, walk, "support", on=False)
    assert not Reaction.objects.exists()


def test_reacting_before_sharing_starts_is_refused(workshop, chosen, resident):
    with pytest.raises(services.WorkshopError) as refused:
        services.react_to_activity(resident, chosen["community"][0], "support")
    assert refused.value.code == "not_sharing"
    assert not Reaction.objects.exists()


def test_an_unknown_kind_of_reaction_is_refused(workshop, chosen, resident):
    services.show_activity(workshop, chosen["community"][0])
    with pytest.raises(services.WorkshopError) as refused:
        services.react_to_activity(resident, chosen["community"][0], "applause")
    assert refused.value.code == "unknown_reaction"


def test_every_screen_hears_the_new_totals_once_per_audience(
    workshop, chosen, resident, published, django_capture_on_commit_callbacks
):
    walk = chosen["community"][0]
    services.show_activity(workshop, walk)
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.react_to_activity(resident, walk, "help")
    audiences = [audience for audience, _event in published]
    assert sorted(audiences) == sorted(
        ["console", "projector", "group:government", "group:organisations", "group:community"])
    assert all(event["region"] == f"reactions-{walk.pk}" for _a, event in published)


def test_phone_shows_the_shared_activities_with_pressed_buttons(client, workshop, chosen):
    walk = chosen["community"][0]
    services.show_activity(workshop, walk)
    join_by_form(client, workshop, "organisations")
    code = workshop.join_code
    page = client.get(reverse("workshops:participant", args=[code])).content.decode()
    assert "de groepen delen hun activiteiten" in page
    assert "government 1" in page and "community 2" in page and "community 3" not in page

    response = client.post(reverse("workshops:react", args=[code]),
                           {"activity": walk.pk, "reaction": "help-on"})
    assert response.status_code == 302
    page = client.get(reverse("workshops:participant", args=[code])).content.decode()
    assert 'value="help-off" aria-pressed="true"' in page
    assert "Kan helpen: 1" in page

    bad = client.post(reverse("workshops:react", args=[code]),
                      {"activity": walk.pk, "reaction": "applause-on"})
    assert bad.status_code == 400
    assert "Kies steun, een zorg of hulp." in bad.content.decode()


def test_facilitator_walks_through_the_activities_with_next(client, workshop, chosen, anna):
    client.force_login(anna)
    url = reverse("workshops:show_activity", args=[workshop.pk])
    shown = []
    for _ in range(5):
        client.post(url, {"activity": "next"})
        workshop.refresh_from_db()
        shown.append(workshop.shown_activity.title)
    assert shown == ["government 1", "government 2", "community 1", "community 2",
                     "government 1"]


def test_participant_cannot_put_an_activity_on_the_screen(client, workshop, chosen):
    join_by_form(client, workshop, "community")
    client.post(reverse("workshops:show_activity", args=[workshop.pk]),
                {"activity": chosen["community"][0].pk})
    workshop.refresh_from_db()
    assert workshop.shown_activity is None


def test_outcome_and_projector_show_the_reactions(client, workshop, chosen, resident, anna):
    walk = chosen["community"][0]
    services.show_activity(workshop, walk)
    services.react_to_activity(resident, walk, "support")
    client.force_login(anna)
    projector = client.get(reverse("workshops:projector", args=[workshop.pk])).content.decode()
    assert "Reacties uit de zaal" in projector and "community 1" in projector
    services.close_workshop(workshop)
    outcome = client.get(reverse("workshops:outcome", args=[workshop.outcome_key]))
    assert "Steun: 1" in outcome.content.decode()
    projector = client.get(reverse("workshops:projector", args=[workshop.pk])).content.decode()
    assert "De 4 gekozen activiteiten" in projector
