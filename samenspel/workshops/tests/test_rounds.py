"""Rounds 1 and 2: the facilitator opens a round, each participant writes notes for their own
group on the prompts worded for that group, and only that group (and the console) hears them."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.services import create_staff_user
from samenspel.workshops import services
from samenspel.workshops.models import Contribution
from samenspel.workshops.tests.steps import fragment, prompt_of

pytestmark = pytest.mark.django_db


def test_participant_cannot_write_before_the_round_opens(workshop, round_1, resident):
    with pytest.raises(services.WorkshopError) as refused:
        services.add_contribution(resident, prompt_of(round_1, "desired_behaviour"), "Samen koken")
    assert refused.value.code == "round_closed"
    assert not Contribution.objects.exists()


def test_note_is_stored_for_the_writers_group(workshop, round_1, resident):
    services.open_round(workshop, round_1)
    note = services.add_contribution(
        resident, prompt_of(round_1, "desired_behaviour"), "  We koken   samen op vrijdag "
    )
    assert note.perspective == "community"
    assert note.text == "We koken samen op vrijdag"


@pytest.mark.parametrize(("text", "code"), [("   ", "empty_note"), ("x" * 501, "note_too_long")])
def test_empty_or_too_long_note_is_refused(workshop, round_1, resident, text, code):
    services.open_round(workshop, round_1)
    with pytest.raises(services.WorkshopError) as refused:
        services.add_contribution(resident, prompt_of(round_1, "desired_behaviour"), text)
    assert refused.value.code == code
    assert not Contribution.objects.exists()


def test_belief_links_to_a_behaviour_of_the_same_group_only(workshop, round_1, resident,
                                                             civil_servant):
    services.open_round(workshop, round_1)
    behaviour = prompt_of(round_1, "desired_behaviour")
    belief = prompt_of(round_1, "activating_belief")
    ours = services.add_contribution(resident, behaviour, "We koken samen")
    theirs = services.add_contribution(civil_servant, behaviour, "We luisteren eerst")

    linked = services.add_contribution(resident, belief, "Iedereen kan iets", links_to=ours)
    assert linked.links_to == ours
    with pytest.raises(services.WorkshopError) as refused:
        services.add_contribution(resident, belief, "Dat lukt", links_to=theirs)
    assert refused.value.code == "bad_link"


def test_a_double_tap_stores_the_note_once(workshop, round_1, resident):
    services.open_round(workshop, round_1)
    prompt = prompt_of(round_1, "desired_behaviour")
    first = services.add_contribution(resident, prompt, "We koken samen", idempotency_key="k1")
    again = services.add_contribution(resident, prompt, "We koken samen", idempotency_key="k1")
    assert first == again
    assert Contribution.objects.count() == 1


def test_closed_round_refuses_new_notes(workshop, round_1, resident):
    services.open_round(workshop, round_1)
    services.close_round(workshop)
    with pytest.raises(services.WorkshopError):
        services.add_contribution(resident, prompt_of(round_1, "desired_behaviour"), "Te laat")


def test_only_the_writers_group_the_console_the_projector_and_the_writer_hear_a_note(
    workshop, round_1, resident, published, django_capture_on_commit_callbacks
):
    services.open_round(workshop, round_1)
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.add_contribution(resident, prompt_of(round_1, "desired_behaviour"), "Samen koken")
    audiences = {audience for audience, _event in published}
    assert audiences == {"group:community", "console", "projector", f"participant:{resident.pk}"}
    assert any("Samen koken" in fragment(event) for _a, event in published)


def test_opening_a_round_tells_every_screen_to_load_it(
    workshop, round_1, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.open_round(workshop, round_1)
    audiences = {audience for audience, _event in published}
    assert audiences == {"console", "projector", "group:government", "group:organisations",
                         "group:community"}
    assert published[0][1]["reload"] is True


def test_participant_sees_the_prompts_worded_for_their_group_and_only_its_notes(
    client, workshop, round_1, civil_servant
):
    services.open_round(workshop, round_1)
    services.add_contribution(civil_servant, prompt_of(round_1, "desired_behaviour"),
                              "Geheim van de gemeente")
    url = reverse("workshops:participant", args=[workshop.join_code])
    client.post(url, {"perspective": "community"})
    page = client.get(url).content.decode()
    assert "wij als inwoners" in page
    assert "wij als gemeente" not in page
    assert "Geheim van de gemeente" not in page


def test_note_posted_through_the_form_reaches_the_group_page(client, workshop, round_1):
    services.open_round(workshop, round_1)
    url = reverse("workshops:participant", args=[workshop.join_code])
    client.post(url, {"perspective": "community"})
    prompt = prompt_of(round_1, "desired_behaviour")
    response = client.post(reverse("workshops:add_note", args=[workshop.join_code]),
                           {"prompt": prompt.pk, "key": "abc", "text": "We koken samen"})
    assert response.status_code == 302
    assert "We koken samen" in client.get(url).content.decode()


def test_empty_note_through_the_form_gets_a_clear_message(client, workshop, round_1):
    services.open_round(workshop, round_1)
    url = reverse("workshops:participant", args=[workshop.join_code])
    client.post(url, {"perspective": "community"})
    prompt = prompt_of(round_1, "desired_behaviour")
    response = client.post(reverse("workshops:add_note", args=[workshop.join_code]),
                           {"prompt": prompt.pk, "key": "abc", "text": ""})
    assert response.status_code == 400
    assert "Schrijf eerst iets op." in response.content.decode()
    assert not Contribution.objects.exists()


def test_participant_cannot_open_a_round(client, workshop, round_1):
    response = client.post(reverse("workshops:change_round", args=[workshop.pk]),
                           {"round": round_1.pk, "action": "open"})
    assert response.status_code == 302  # to the staff login
    workshop.refresh_from_db()
    assert workshop.current_round is None


def test_facilitator_opens_and_closes_a_round_from_the_console(client, workshop, round_1):
    client.force_login(create_staff_user("anna", "facilitator", password="een-lang-wachtwoord-42"))
    url = reverse("workshops:change_round", args=[workshop.pk])
    client.post(url, {"round": round_1.pk, "action": "open"})
    workshop.refresh_from_db()
    assert workshop.current_round == round_1 and workshop.round_open
    client.post(url, {"round": round_1.pk, "action": "close"})
    workshop.refresh_from_db()
    assert not workshop.round_open


def test_timer_counts_down_to_one_server_end_time_on_every_screen(
    workshop, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.start_timer(workshop, 10)
    workshop.refresh_from_db()
    assert workshop.timer_ends_at is not None
    audiences = {audience for audience, _event in published}
    assert audiences == {"console", "projector", "group:government", "group:organisations",
                         "group:community"}
    ends = timezone.localtime(workshop.timer_ends_at).isoformat(timespec="seconds")
    assert f'data-timer-ends="{ends[:19]}' in published[0][1]["html"]
    services.stop_timer(workshop)
    workshop.refresh_from_db()
    assert workshop.timer_ends_at is None


@pytest.mark.parametrize("minutes", [0, 121])
def test_timer_outside_1_to_120_minutes_is_refused(workshop, minutes):
    with pytest.raises(services.WorkshopError) as refused:
        services.start_timer(workshop, minutes)
    assert refused.value.code == "bad_timer"


def test_hidden_note_disappears_from_every_screen_and_keeps_its_reason(
    workshop, round_1, resident, published, django_capture_on_commit_callbacks
):
    services.open_round(workshop, round_1)
    behaviour = prompt_of(round_1, "desired_behaviour")
    note = services.add_contribution(resident, behaviour, "Scheldwoord")
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.hide_note(workshop, note, "  Kwetsend  ")
    note.refresh_from_db()
    assert note.hidden and note.hidden_reason == "Kwetsend"
    assert {audience for audience, _e in published} == {
        "group:community", "console", "projector", f"participant:{resident.pk}"}
    assert all("Scheldwoord" not in event["html"] for _a, event in published)


def test_hiding_needs_a_reason(workshop, round_1, resident):
    services.open_round(workshop, round_1)
    note = services.add_contribution(resident, prompt_of(round_1, "desired_behaviour"), "Tekst")
    with pytest.raises(services.WorkshopError) as refused:
        services.hide_note(workshop, note, "   ")
    assert refused.value.code == "reason_needed"
    note.refresh_from_db()
    assert not note.hidden


def test_participant_cannot_hide_a_note(client, workshop, round_1, resident):
    services.open_round(workshop, round_1)
    note = services.add_contribution(resident, prompt_of(round_1, "desired_behaviour"), "Tekst")
    url = reverse("workshops:hide_note", args=[workshop.pk, note.pk])
    client.post(url, {"reason": "weg"})
    note.refresh_from_db()
    assert not note.hidden


def test_facilitator_types_in_a_paper_note_for_a_group(client, workshop, round_1):
    services.open_round(workshop, round_1)
    client.force_login(create_staff_user("anna", "facilitator", password="een-lang-wachtwoord-42"))
    prompt = prompt_of(round_1, "desired_behaviour")
    client.post(reverse("workshops:add_paper_note", args=[workshop.pk]),
                {"perspective": "organisations", "prompt": prompt.pk, "text": "Van papier"})
    note = Contribution.objects.get()
    assert (note.perspective, note.participant, note.text) == ("organisations", None, "Van papier")
    console = client.get(reverse("workshops:console", args=[workshop.pk])).content.decode()
    assert "Van papier" in console


def test_paper_note_for_an_unknown_group_is_refused(workshop, round_1):
    services.open_round(workshop, round_1)
    with pytest.raises(services.WorkshopError) as refused:
        services.add_paper_note(workshop, "aliens", prompt_of(round_1, "desired_behaviour"), "x")
    assert refused.value.code == "unknown_perspective"
    assert not Contribution.objects.exists()


def test_a_new_note_travels_alone_and_becomes_a_choice_for_the_beliefs(
    workshop, round_1, resident, published, django_capture_on_commit_callbacks
):
    services.open_round(workshop, round_1)
    behaviour = prompt_of(round_1, "desired_behaviour")
    belief = prompt_of(round_1, "activating_belief")
    services.add_contribution(resident, behaviour, "Samen koken")
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        note = services.add_contribution(resident, behaviour, "Samen de tuin doen")
    to_group = [event for audience, event in published if audience == "group:community"]
    notes = next(e for e in to_group if e["region"] == f"notes-community-{behaviour.pk}")
    # Only the new note, not the list again: a group writes hundreds of them.
    assert "Samen de tuin doen" in notes["add"] and "Samen koken" not in notes["add"]
    assert f'id="note-{note.pk}"' in notes["add"]
    choice = next(e for e in to_group if e["region"] == f"links-{belief.pk}")
    assert choice["add"].strip() == f'<option value="{note.pk}">Samen de tuin doen</option>'
    console = next(e for a, e in published if a == "console")
    assert "Beheren…" in console["add"] and "Samen koken" not in console["add"]
