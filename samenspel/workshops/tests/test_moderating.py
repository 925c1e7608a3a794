"""The facilitator tidies the groups' notes from the console: merges duplicates and moves a
note to the question it answers. Participants cannot."""

import pytest
from django.urls import reverse

from samenspel.workshops import services
from samenspel.workshops.models import Activity, Contribution
from samenspel.workshops.tests.steps import join_by_form, prompt_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_alike(workshop, round_1, resident):
    services.open_round(workshop, round_1)
    behaviour = prompt_of(round_1, "desired_behaviour")
    neighbour = services.join_workshop(workshop, "community")
    kept = services.add_contribution(resident, behaviour, "Samen koken")
    duplicate = services.add_contribution(neighbour, behaviour, "Samen eten koken")
    return kept, duplicate


def test_a_merged_duplicate_disappears_and_counts_for_the_note_kept(client, workshop, two_alike,
                                                                     anna):
    kept, duplicate = two_alike
    services.merge_notes(workshop, duplicate, kept)
    notes = list(Contribution.objects.of_group(workshop, "community"))
    assert [(n.text, n.merged_count) for n in notes] == [("Samen koken", 1)]
    client.force_login(anna)
    console = client.get(reverse("workshops:console", args=[workshop.pk])).content.decode()
    assert "2 keer genoemd" in console
    assert "Samen eten koken" not in console


def test_merging_moves_links_and_activities_to_the_note_kept(workshop, rounds, two_alike,
                                                             resident):
    kept, duplicate = two_alike
    belief = services.add_contribution(
        resident, prompt_of(rounds[1], "activating_belief"), "Iedereen kan iets",
        links_to=duplicate)
    services.open_round(workshop, rounds[3])
    meal = services.propose_activity(resident, "Buurtmaaltijd", serves=[duplicate])
    services.merge_notes(workshop, duplicate, kept)
    belief.refresh_from_db()
    assert belief.links_to == kept
    assert list(Activity.objects.get(pk=meal.pk).serves.all()) == [kept]


def test_notes_of_different_groups_cannot_be_merged(workshop, round_1, two_alike, civil_servant):
    kept, _duplicate = two_alike
    theirs = services.add_contribution(
        civil_servant, prompt_of(round_1, "desired_behaviour"), "Samen koken")
    with pytest.raises(services.WorkshopError) as refused:
        services.merge_notes(workshop, theirs, kept)
    assert refused.value.code == "bad_merge"


def test_facilitator_moves_a_belief_written_as_a_behaviour(client, workshop, round_1, resident,
                                                           anna):
    services.open_round(workshop, round_1)
    behaviour, belief = prompt_of(round_1, "desired_behaviour"), prompt_of(round_1,
                                                                            "activating_belief")
    misplaced = services.add_contribution(resident, behaviour, "Iedereen kan iets bijdragen")
    client.force_login(anna)
    response = client.post(reverse("workshops:move_note", args=[workshop.pk, misplaced.pk]),
                           {"prompt": belief.pk})
    assert response.status_code == 302
    misplaced.refresh_from_db()
    assert misplaced.prompt == belief


def test_moving_a_behaviour_drops_the_links_that_no_longer_fit(workshop, rounds, resident):
    services.open_round(workshop, rounds[1])
    behaviour = services.add_contribution(
        resident, prompt_of(rounds[1], "desired_behaviour"), "We luisteren")
    belief = services.add_contribution(
        resident, prompt_of(rounds[1], "activating_belief"), "Dat werkt", links_to=behaviour)
    services.move_note(workshop, behaviour, prompt_of(rounds[2], "routine"))
    belief.refresh_from_db()
    assert belief.links_to is None
    assert belief.text == "Dat werkt"


def test_moving_to_a_question_of_another_template_is_refused_with_a_message(
    client, workshop, two_alike, anna
):
    kept, _duplicate = two_alike
    from samenspel.method.services import copy_template

    foreign = copy_template(workshop.template).rounds.get(number=1).prompts.first()
    client.force_login(anna)
    response = client.post(reverse("workshops:move_note", args=[workshop.pk, kept.pk]),
                           {"prompt": foreign.pk})
    assert response.status_code == 400
    assert "Deze vraag hoort niet bij deze workshop." in response.content.decode()
    kept.refresh_from_db()
    assert kept.prompt.round.template == workshop.template


def test_participant_cannot_merge_or_move_notes(client, workshop, round_1, two_alike):
    kept, duplicate = two_alike
    join_by_form(client, workshop, "community")
    client.post(reverse("workshops:merge_note", args=[workshop.pk, duplicate.pk]),
                {"into": kept.pk})
    client.post(reverse("workshops:move_note", args=[workshop.pk, kept.pk]),
                {"prompt": prompt_of(round_1, "activating_belief").pk})
    assert not Contribution.objects.filter(merged_into__isnull=False).exists()
    kept.refresh_from_db()
    assert kept.prompt.kind == "desired_behaviour"


def test_merge_through_the_console_form(client, workshop, two_alike, anna):
    kept, duplicate = two_alike
    client.force_login(anna)
    page = client.get(reverse("workshops:merge_note", args=[workshop.pk, duplicate.pk]))
    assert f'value="{kept.pk}"' in page.content.decode()
    assert f'value="{duplicate.pk}"' not in page.content.decode()
    response = client.post(reverse("workshops:merge_note", args=[workshop.pk, duplicate.pk]),
                           {"into": kept.pk})
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == kept
    nonsense = client.post(reverse("workshops:merge_note", args=[workshop.pk, kept.pk]),
                           {"into": "x"})
    assert nonsense.status_code == 400
