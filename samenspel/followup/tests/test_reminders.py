"""The reminder e-mail: to the contact person when a check-in is due, once per due period,
with the owning group's link; a frozen today is passed in."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from samenspel.followup import services
from samenspel.followup.models import TrackedActivity
from samenspel.followup.tests.conftest import check_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_contact(tracked):
    services.change_activity(tracked, title=tracked.title, owner="government",
                             contact_name="Jan", contact_email="jan@example.org")
    TrackedActivity.objects.filter(pk=tracked.pk).update(
        created_on=tracked.created_on - timedelta(days=61))
    tracked.refresh_from_db()
    return tracked


def test_the_contact_person_is_reminded_once_per_due_period(with_contact, links, settings):
    today = with_contact.created_on + timedelta(days=61)
    assert services.send_check_in_reminders(today) == 1
    (sent,) = mail.outbox
    assert sent.to == ["jan@example.org"] and "Spreekuur in het dorpshuis" in sent.subject
    assert f"/terugblik/{links['government'].key}/" in sent.body and "Jan" in sent.body
    assert services.send_check_in_reminders(today + timedelta(days=5)) == 0
    assert len(mail.outbox) == 1


def test_a_check_in_starts_a_new_period(with_contact):
    today = with_contact.created_on + timedelta(days=61)
    services.send_check_in_reminders(today)
    check_in(with_contact, on=today)
    assert services.send_check_in_reminders(today + timedelta(days=59)) == 0
    assert services.send_check_in_reminders(today + timedelta(days=60)) == 1


def test_no_reminder_before_due_without_address_or_when_done(with_contact, tracked, anna):
    assert services.send_check_in_reminders(with_contact.created_on + timedelta(days=59)) == 0
    services.change_status(with_contact, "done", changed_by=anna)
    assert services.send_check_in_reminders(with_contact.created_on + timedelta(days=90)) == 0
    assert mail.outbox == []


def test_the_command_sends_what_is_due(with_contact, capsys):
    call_command("send_check_in_reminders")
    assert "1 reminder(s) sent." in capsys.readouterr().out
