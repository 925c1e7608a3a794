"""The close: the outcome page shows the 6 activities by group and every visible note; it is
read-only and reached by an unguessable link; participants are sent there when it ends."""

import pytest
from django.urls import reverse

from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.models import Contribution, Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished_workshop():
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title="Samen in Panningen",
        case_description="Hoe houden we het dorpshuis open?",
    )
    rounds = {r.number: r for r in workshop.template.rounds.all()}
    members = {p: services.join_workshop(workshop, p)
               for p in ("government", "organisations", "community")}
    services.open_round(workshop, rounds[1])
    behaviour = rounds[1].prompts.get(kind="desired_behaviour")
    for perspective, member in members.items():
        services.add_contribution(member, behaviour, f"Gedrag van {perspective}")
    secret = services.add_contribution(members["community"], behaviour, "Verborgen notitie")
    Contribution.objects.filter(pk=secret.pk).update(hidden=True)
    services.open_round(workshop, rounds[3])
    for perspective, member in members.items():
        proposed = [services.propose_activity(member, f"{perspective} {n}") for n in (1, 2, 3)]
        services.choose_activities(workshop, perspective, proposed[:2])
    services.close_workshop(workshop)
    return workshop


def test_outcome_shows_six_activities_and_visible_notes_only(client, finished_workshop):
    page = client.get(reverse("workshops:outcome", args=[finished_workshop.outcome_key]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "De 6 gekozen activiteiten" in html
    for perspective in ("government", "organisations", "community"):
        assert f"{perspective} 1" in html and f"{perspective} 2" in html
        assert f"{perspective} 3" not in html
        assert f"Gedrag van {perspective}" in html
    assert "Verborgen notitie" not in html


def test_outcome_link_cannot_be_guessed_from_the_join_code(client, finished_workshop):
    assert client.get(f"/uitkomst/{finished_workshop.join_code}/").status_code == 404


def test_participant_of_an_ended_workshop_is_sent_to_the_outcome(client):
    workshop = services.create_workshop(
        created_by=None, template=default_template(), title="Kort",
        case_description="Een korte casus.",
    )
    url = reverse("workshops:participant", args=[workshop.join_code])
    client.post(url, {"perspective": "community"})
    services.close_workshop(workshop)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == reverse("workshops:outcome", args=[workshop.outcome_key])
    workshop.refresh_from_db()
    assert workshop.state == Workshop.State.CLOSED
