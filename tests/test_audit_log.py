"""What staff do to what others see or take away goes to the audit log — on the console, in
the downloads and through the API — named by numbers, never with a participant's text."""

from django.urls import reverse

from samenspel.accounts.models import AuditEntry
from samenspel.accounts.services import create_staff_user
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.tests.api_client import staff_api

PASSWORD = "een-lang-wachtwoord-42"


def test_hiding_opening_exporting_and_api_changes_are_logged_without_text(client, db):
    anna = create_staff_user("anna", "facilitator", password=PASSWORD)
    workshop = services.create_workshop(created_by=anna, template=default_template(),
                                        title="Samen", case_description="Casus.")
    round_1 = workshop.template.rounds.get(number=1)
    services.open_round(workshop, round_1)
    resident = services.join_workshop(workshop, "community")
    note = services.add_contribution(resident, round_1.prompts.get(kind="desired_behaviour"),
                                     "Mijn buurman Piet de Boer drinkt te veel")
    assert not AuditEntry.objects.exists()  # a participant's own doing is not staff's

    client.login(username="anna", password=PASSWORD)
    client.post(reverse("workshops:hide_note", args=[workshop.pk, note.pk]),
                {"reason": "Noemt Piet de Boer"})
    client.get(reverse("reports:workshop_download", args=[workshop.pk]), {"format": "csv"})
    staff_api(client, anna).post(f"/workshops/{workshop.pk}/rounds/1/close")

    entries = list(AuditEntry.objects.order_by("at", "pk").values_list(
        "username", "action", "target"))
    assert entries == [
        ("anna", "hide_note", f"workshop {workshop.pk}, note_pk {note.pk}"),
        ("anna", "export_workshop", f"workshop {workshop.pk}, format csv"),
        ("anna", "api POST close_round", f"workshop_id {workshop.pk}, number 1"),
    ]
    everything = " ".join(" ".join(entry) for entry in entries)
    assert "Piet" not in everything and "buurman" not in everything
