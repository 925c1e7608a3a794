"""Participants' data lives only as long as the organisation decided: after the retention
period, nothing of a workshop points to a person any more, and what the room made together
stays without names."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.models import Theme
from samenspel.workshops import services
from samenspel.workshops.models import Contribution, Participant, Submission, Workshop
from samenspel.workshops.retention import due_for_anonymising, kept_until, months_later
from samenspel.workshops.tests.steps import join_by_form


def test_a_period_in_months_ends_on_the_same_day_or_the_months_last():
    assert months_later(date(2026, 3, 15), 24) == date(2028, 3, 15)
    assert months_later(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert months_later(date(2027, 12, 5), 2) == date(2028, 2, 5)


def test_the_workshops_own_period_wins_over_the_organisations(workshop):
    workshop.date = date(2026, 1, 10)
    assert kept_until(workshop, 24) == date(2028, 1, 10)
    workshop.retention_months = 6
    assert kept_until(workshop, 24) == date(2026, 7, 10)


def test_only_workshops_past_their_period_are_due(db, workshop):
    Theme.objects.update_or_create(pk=Theme.SINGLETON_PK, defaults={"retention_months": 12})
    Workshop.objects.filter(pk=workshop.pk).update(date=date(2025, 6, 1))
    assert due_for_anonymising(date(2026, 5, 31)) == []
    assert due_for_anonymising(date(2026, 6, 1)) == [workshop]


@pytest.fixture
def written(client, workshop, writing):
    """Anna wrote a note under her name; one of her notes was hidden by the facilitator."""
    anna = join_by_form(client, workshop, "community")
    Participant.objects.filter(pk=anna.pk).update(display_name="Anna de Vries")
    anna.refresh_from_db()
    kept = services.add_contribution(anna, writing["behaviour"], "We koken samen",
                                     idempotency_key="k1")
    hidden = services.add_contribution(anna, writing["behaviour"], "Bel mij: 06-12345678")
    services.hide_note(workshop, hidden, "Telefoonnummer")
    return anna, kept


def test_after_the_period_nothing_points_to_a_person(client, workshop, written):
    anna, _kept = written
    services.anonymise_participants(workshop)

    anna.refresh_from_db()
    assert anna.display_name == "" and anna.join_key is None
    assert list(Contribution.objects.values_list("text", "participant")) == [
        ("We koken samen", None)]  # the hidden note with the phone number is gone
    assert not Submission.objects.exists()
    workshop.refresh_from_db()
    assert workshop.state == Workshop.State.CLOSED and workshop.anonymised_at is not None
    # The phone's cookie no longer finds anyone: it sees the ended workshop, not her notes.
    page = client.get(reverse("workshops:participant", args=[workshop.join_code]))
    assert page.status_code == 410
    assert "Anna de Vries" not in page.content.decode()


def test_the_command_lists_first_and_then_makes_anonymous(workshop, written):
    Workshop.objects.filter(pk=workshop.pk).update(
        date=timezone.localdate() - timedelta(days=800))
    listed = StringIO()
    call_command("apply_retention", "--dry-run", stdout=listed)
    assert f"Would make anonymous: workshop {workshop.pk}" in listed.getvalue()
    assert Participant.objects.filter(display_name="Anna de Vries").exists()

    done = StringIO()
    call_command("apply_retention", stdout=done)
    assert f"Made anonymous: workshop {workshop.pk}" in done.getvalue()
    assert not Participant.objects.filter(display_name="Anna de Vries").exists()
    again = StringIO()
    call_command("apply_retention", stdout=again)
    assert "0 workshop(s)" in again.getvalue()


def test_a_participant_sees_what_is_stored_and_deletes_all_their_notes_even_later(
    client, workshop, written, writing, civil_servant
):
    other = services.add_contribution(civil_servant, writing["behaviour"], "Van de gemeente")
    services.close_workshop(workshop)
    address = reverse("workshops:my_data", args=[workshop.join_code])

    page = client.get(address).content.decode()
    assert "Anna de Vries" in page and "We koken samen" in page
    assert "Bel mij: 06-12345678" in page  # hidden for the room, still hers to see
    assert "Van de gemeente" not in page

    client.post(address, {"action": "delete_notes"})

    assert list(Contribution.objects.values_list("pk", flat=True)) == [other.pk]


def test_a_phone_that_is_nobody_in_the_workshop_is_sent_to_join(client, workshop):
    answer = client.get(reverse("workshops:my_data", args=[workshop.join_code]))
    assert answer.url == reverse("workshops:participant", args=[workshop.join_code])
