"""A participant joins on a phone with a code, chooses a group, and comes back to it; the
facilitator's console hears how many joined per group, participants do not."""

import pytest
from django.urls import reverse

from samenspel.accounts.services import create_staff_user
from samenspel.live import publish as live_publish
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.models import Participant, Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator():
    return create_staff_user("gespreksleider", "facilitator", password="een-lang-wachtwoord-42")


@pytest.fixture
def workshop(facilitator):
    return services.create_workshop(
        created_by=facilitator,
        template=default_template(),
        title="Samen in Panningen",
        case_description="Hoe houden we het dorpshuis open?",
        place="Panningen",
    )


@pytest.fixture
def published(monkeypatch):
    sent = []
    monkeypatch.setattr(
        live_publish, "publish",
        lambda stream, audience, event, version=None, key=None: sent.append(
            (stream, audience, event)),
    )
    from samenspel.workshops import live_updates
    monkeypatch.setattr(live_updates, "publish", live_publish.publish)
    return sent


def test_facilitator_prepares_a_workshop_and_gets_a_join_code(client, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("workshops:create"), {
        "template": default_template().pk,
        "title": "Samen in Panningen",
        "case_description": "Hoe houden we het dorpshuis open?",
        "dot_budget": 3,
    })
    workshop = Workshop.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("workshops:console", args=[workshop.pk])
    console = client.get(response.url).content.decode()
    assert workshop.join_code[:3] in console
    assert "<svg" in console  # the QR code, inline


def test_preparing_without_a_case_is_refused_and_stores_nothing(client, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("workshops:create"), {
        "template": default_template().pk, "title": "Zonder casus", "dot_budget": 3,
    })
    assert response.status_code == 400
    assert "Er is een probleem" in response.content.decode()
    assert not Workshop.objects.exists()


def test_observer_cannot_prepare_a_workshop(client):
    client.force_login(create_staff_user("kijker", "observer", password="een-lang-wachtwoord-42"))
    assert client.get(reverse("workshops:create")).status_code == 404


def test_participant_joins_with_a_typed_code_and_a_group(client, workshop):
    typed = workshop.join_code.lower()[:3] + " " + workshop.join_code.lower()[3:]
    response = client.get(reverse("workshops:enter_code"), {"code": typed})
    assert response.status_code == 302
    page = client.get(response.url)
    assert "Hoe houden we het dorpshuis open?" in page.content.decode()

    response = client.post(response.url, {"perspective": "community", "display_name": ""})
    assert response.status_code == 302
    participant = Participant.objects.get()
    assert participant.perspective == "community"
    assert participant.display_name == ""

    lobby = client.get(response.url).content.decode()
    assert "Je bent in de groep: Gemeenschap" in lobby


def test_participant_who_closed_the_browser_comes_back_to_the_same_group(client, workshop):
    url = reverse("workshops:participant", args=[workshop.join_code])
    client.post(url, {"perspective": "government"})
    client.get(url)
    assert Participant.objects.count() == 1
    assert "Je bent in de groep: Overheid" in client.get(url).content.decode()


def test_a_tampered_cookie_does_not_make_you_someone_else(client, workshop):
    url = reverse("workshops:participant", args=[workshop.join_code])
    client.cookies[f"samenspel_{workshop.join_code}"] = "someone-elses-key"
    assert "Welke groep" in client.get(url).content.decode()


def test_joining_without_a_group_is_refused_with_a_clear_message(client, workshop):
    url = reverse("workshops:participant", args=[workshop.join_code])
    response = client.post(url, {"perspective": "", "display_name": "Anna"})
    assert response.status_code == 400
    assert "Kies de groep waar je bij hoort." in response.content.decode()
    assert not Participant.objects.exists()


def test_unknown_or_malformed_code_gets_a_clear_message(client, workshop):
    unknown = client.get(reverse("workshops:enter_code"), {"code": "AAAAAA"})
    assert unknown.status_code == 404
    assert "Er is geen workshop met deze code" in unknown.content.decode()
    malformed = client.get(reverse("workshops:enter_code"), {"code": "hallo"})
    assert malformed.status_code == 400
    assert "Dit is geen workshopcode" in malformed.content.decode()
    assert client.get("/w/AAAAAA/").status_code == 404


def test_closed_workshop_cannot_be_joined(client, workshop):
    Workshop.objects.filter(pk=workshop.pk).update(state=Workshop.State.CLOSED)
    url = reverse("workshops:participant", args=[workshop.join_code])
    response = client.post(url, {"perspective": "community"})
    assert response.status_code == 410
    assert "Deze workshop is afgelopen" in response.content.decode()
    assert not Participant.objects.exists()


def test_console_and_projector_hear_the_counts_participants_do_not(
    workshop, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.join_workshop(workshop, "community")
        services.join_workshop(workshop, "community")
        services.join_workshop(workshop, "government")

    audiences = {audience for _stream, audience, _event in published}
    assert audiences == {"console", "projector"}
    last = published[-1][2]
    assert last["region"] == "people"
    assert ">2</span>" in last["html"] and ">1</span>" in last["html"]
    assert last["announce"] == "3 mensen doen mee."
    workshop.refresh_from_db()
    assert workshop.version == 3
