"""A participant changes or takes back their own notes while the round is open, and only
their own; in a round with private writing the group sees the notes once the facilitator
shows them."""

import pytest
from django.urls import reverse

from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.models import Contribution, Workshop
from samenspel.workshops.tests.steps import fragment, join_by_form, prompt_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def behaviour(round_1):
    return prompt_of(round_1, "desired_behaviour")


@pytest.fixture
def belief(round_1):
    return prompt_of(round_1, "activating_belief")


def test_participant_rewrites_their_own_note(workshop, round_1, resident, behaviour):
    services.open_round(workshop, round_1)
    note = services.add_contribution(resident, behaviour, "We koken samen")
    services.edit_contribution(resident, note, "  We koken samen op vrijdag ")
    note.refresh_from_db()
    assert note.text == "We koken samen op vrijdag"
    assert note.edited_at is not None


def test_participant_cannot_change_a_note_of_someone_else_in_the_group(
    workshop, round_1, resident, behaviour
):
    services.open_round(workshop, round_1)
    neighbour = services.join_workshop(workshop, "community")
    note = services.add_contribution(neighbour, behaviour, "Van de buurman")
    for change in (lambda: services.edit_contribution(resident, note, "Van mij"),
                   lambda: services.delete_contribution(resident, note)):
        with pytest.raises(services.WorkshopError) as refused:
            change()
        assert refused.value.code == "not_your_note"
    note.refresh_from_db()
    assert note.text == "Van de buurman"


def test_own_notes_are_fixed_once_the_round_closes(workshop, round_1, resident, behaviour):
    services.open_round(workshop, round_1)
    note = services.add_contribution(resident, behaviour, "We koken samen")
    services.close_round(workshop)
    with pytest.raises(services.WorkshopError) as refused:
        services.edit_contribution(resident, note, "Later bedacht")
    assert refused.value.code == "round_closed"
    with pytest.raises(services.WorkshopError):
        services.delete_contribution(resident, note)
    assert Contribution.objects.get().text == "We koken samen"


def test_an_edit_to_empty_text_is_refused_and_keeps_the_note(
    workshop, round_1, resident, behaviour
):
    services.open_round(workshop, round_1)
    note = services.add_contribution(resident, behaviour, "We koken samen")
    with pytest.raises(services.WorkshopError) as refused:
        services.edit_contribution(resident, note, "   ")
    assert refused.value.code == "empty_note"
    note.refresh_from_db()
    assert note.text == "We koken samen"


def test_deleting_a_behaviour_keeps_the_belief_that_belonged_to_it(
    workshop, round_1, resident, behaviour, belief
):
    services.open_round(workshop, round_1)
    cooking = services.add_contribution(resident, behaviour, "We koken samen")
    linked = services.add_contribution(resident, belief, "Iedereen kan iets", links_to=cooking)
    services.delete_contribution(resident, cooking)
    linked.refresh_from_db()
    assert linked.links_to is None
    assert list(Contribution.objects.values_list("text", flat=True)) == ["Iedereen kan iets"]


def test_the_writer_alone_hears_their_own_notes_with_the_buttons_to_change_them(
    workshop, round_1, resident, behaviour, published, django_capture_on_commit_callbacks
):
    services.open_round(workshop, round_1)
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.add_contribution(resident, behaviour, "We koken samen")
    own = [event for audience, event in published if audience == f"participant:{resident.pk}"]
    assert own and all(event["region"].startswith("mine-") for event in own)
    assert any("Verwijderen" in fragment(event) for event in own)
    group = [event for audience, event in published if audience == "group:community"]
    assert all("Verwijderen" not in fragment(event) for event in group)


def test_participant_changes_and_deletes_a_note_through_the_phone_forms(
    client, workshop, round_1, behaviour
):
    services.open_round(workshop, round_1)
    me = join_by_form(client, workshop, "community")
    note = services.add_contribution(me, behaviour, "We koken samen")
    code = workshop.join_code
    page = client.get(reverse("workshops:participant", args=[code])).content.decode()
    assert "Jouw notities: wijzigen of verwijderen" in page

    changed = client.post(reverse("workshops:edit_note", args=[code, note.pk]),
                          {"text": "We koken elke vrijdag"})
    assert changed.status_code == 302
    assert Contribution.objects.get().text == "We koken elke vrijdag"

    empty = client.post(reverse("workshops:edit_note", args=[code, note.pk]), {"text": ""})
    assert empty.status_code == 400
    assert "Schrijf eerst iets op." in empty.content.decode()

    client.post(reverse("workshops:delete_note", args=[code, note.pk]))
    assert not Contribution.objects.exists()


def test_a_belief_can_be_moved_to_another_behaviour_of_the_group_from_the_phone(
    client, workshop, round_1, behaviour, belief, civil_servant
):
    services.open_round(workshop, round_1)
    me = join_by_form(client, workshop, "community")
    neighbour = services.join_workshop(workshop, "community")
    cooking = services.add_contribution(me, behaviour, "We koken <samen>")
    garden = services.add_contribution(neighbour, behaviour, "De tuin & het plein")
    services.add_contribution(civil_servant, behaviour, "Niet van onze groep")
    services.add_contribution(me, belief, "Iedereen kan iets", links_to=cooking)
    page = client.get(reverse("workshops:participant", args=[workshop.join_code])).content.decode()
    assert ('<option value="">(geen)</option>'
            f'<option value="{cooking.pk}" selected>We koken &lt;samen&gt;</option>'
            f'<option value="{garden.pk}">De tuin &amp; het plein</option>') in page
    assert "Niet van onze groep" not in page


def test_deleting_a_note_of_another_workshop_gets_a_clear_message(client, workshop, round_1):
    other = services.create_workshop(created_by=None, template=default_template(),
                                     title="Elders", case_description="Een andere casus.")
    services.open_round(other, other.template.rounds.get(number=1))
    stranger = services.join_workshop(other, "community")
    elsewhere = prompt_of(other.template.rounds.get(number=1), "desired_behaviour")
    theirs = services.add_contribution(stranger, elsewhere, "Niet van jou")
    services.open_round(workshop, round_1)
    join_by_form(client, workshop, "community")
    response = client.post(reverse("workshops:delete_note", args=[workshop.join_code, theirs.pk]))
    assert response.status_code == 400
    assert "Deze notitie hoort niet bij deze workshop." in response.content.decode()
    assert Contribution.objects.filter(pk=theirs.pk).exists()


# -- Private writing ----------------------------------------------------------------------


@pytest.fixture
def private_workshop(rounds):
    return services.create_workshop(
        created_by=None, template=default_template(), title="Eerst alleen",
        case_description="Iedereen schrijft eerst voor zichzelf.", private_rounds=[rounds[1]],
    )


def test_in_a_private_round_the_group_hears_only_how_many_notes_there_are(
    private_workshop, published, django_capture_on_commit_callbacks
):
    round_1 = private_workshop.template.rounds.get(number=1)
    services.open_round(private_workshop, round_1)
    writer = services.join_workshop(private_workshop, "community")
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.add_contribution(writer, prompt_of(round_1, "desired_behaviour"), "Stil idee")
    heard_it = {audience for audience, event in published if "Stil idee" in fragment(event)}
    assert heard_it == {"console", f"participant:{writer.pk}"}
    assert any("1 notitie geschreven" in fragment(event)
               for audience, event in published if audience == "group:community")


def test_the_group_sees_private_notes_once_the_facilitator_shows_them(client, private_workshop):
    round_1 = private_workshop.template.rounds.get(number=1)
    services.open_round(private_workshop, round_1)
    writer = services.join_workshop(private_workshop, "community")
    services.add_contribution(writer, prompt_of(round_1, "desired_behaviour"), "Stil idee")
    join_by_form(client, private_workshop, "community")
    url = reverse("workshops:participant", args=[private_workshop.join_code])
    assert "Stil idee" not in client.get(url).content.decode()
    services.reveal_notes(private_workshop, round_1)
    assert "Stil idee" in client.get(url).content.decode()


def test_a_private_belief_can_only_belong_to_ones_own_behaviour(private_workshop):
    round_1 = private_workshop.template.rounds.get(number=1)
    services.open_round(private_workshop, round_1)
    one, other = (services.join_workshop(private_workshop, "community") for _ in range(2))
    theirs = services.add_contribution(other, prompt_of(round_1, "desired_behaviour"), "Van hen")
    with pytest.raises(services.WorkshopError) as refused:
        services.add_contribution(one, prompt_of(round_1, "activating_belief"), "Dus",
                                  links_to=theirs)
    assert refused.value.code == "bad_link"


def test_revealing_a_round_without_private_writing_is_refused(workshop, round_1):
    with pytest.raises(services.WorkshopError) as refused:
        services.reveal_notes(workshop, round_1)
    assert refused.value.code == "not_private"


def test_facilitator_chooses_private_writing_when_preparing(client, anna, rounds):
    client.force_login(anna)
    response = client.post(reverse("workshops:create"), {
        "template": default_template().pk, "title": "Eerst alleen",
        "case_description": "Iedereen schrijft eerst voor zichzelf.", "dot_budget": 3,
        "private_rounds": [2],
    })
    assert response.status_code == 302
    created = Workshop.objects.get(title="Eerst alleen")
    assert list(created.private_rounds.all()) == [rounds[2]]


def test_private_writing_in_the_closing_round_is_refused_with_a_message(client, anna):
    client.force_login(anna)
    response = client.post(reverse("workshops:create"), {
        "template": default_template().pk, "title": "Fout", "case_description": "Casus.",
        "dot_budget": 3, "private_rounds": [3],
    })
    assert response.status_code == 400
    assert "Eerst alleen schrijven kan alleen in de schrijfrondes." in response.content.decode()
    assert not Workshop.objects.filter(title="Fout").exists()


def test_a_post_sent_in_the_background_is_answered_with_only_the_phones_own_regions(
    client, workshop, round_1, behaviour, civil_servant
):
    services.open_round(workshop, round_1)
    me = join_by_form(client, workshop, "community")
    neighbour = services.join_workshop(workshop, "community")
    services.add_contribution(neighbour, behaviour, "De buurman schrijft ook")
    answer = client.post(reverse("workshops:add_note", args=[workshop.join_code]),
                         {"prompt": behaviour.pk, "text": "We koken samen"},
                         headers={"X-Samenspel-Answer": "mine"}, follow=True)
    page = answer.content.decode()
    assert answer.status_code == 200
    # Its own note with the buttons to change it; the group's list comes through the socket.
    assert "data-live-partial" in page and f'data-live-region="mine-{behaviour.pk}"' in page
    assert "We koken samen" in page and "De buurman schrijft ook" not in page
    assert Contribution.objects.get(participant=me).text == "We koken samen"
    # Without the header (the socket is down) the whole page, with the group's notes.
    full = client.get(reverse("workshops:participant", args=[workshop.join_code]))
    assert "De buurman schrijft ook" in full.content.decode()


def test_a_belief_in_a_background_answer_can_still_be_moved_to_any_behaviour_of_the_group(
    client, workshop, round_1, behaviour, belief
):
    services.open_round(workshop, round_1)
    me = join_by_form(client, workshop, "community")
    neighbours = services.add_contribution(services.join_workshop(workshop, "community"),
                                           behaviour, "De buurman kookt")
    answer = client.post(reverse("workshops:add_note", args=[workshop.join_code]),
                         {"prompt": belief.pk, "text": "Iedereen kan iets"},
                         headers={"X-Samenspel-Answer": "mine"}, follow=True)
    page = answer.content.decode()
    assert "data-live-partial" in page and "Iedereen kan iets" in page
    assert f'<option value="{neighbours.pk}">De buurman kookt</option>' in page
    assert Contribution.objects.get(participant=me).prompt == belief
