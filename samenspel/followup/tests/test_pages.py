"""Who may see and write what: staff follow up, observers only look, strangers see
nothing; a group's link writes for that group only; the progress page is off until staff
publish it, and shows no names or e-mail addresses."""

import re
from datetime import date

import pytest

from samenspel.followup import services
from samenspel.followup.models import CheckIn, FollowUp, StatusChange
from samenspel.followup.tests.conftest import PASSWORD, check_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_anna(client, anna):
    client.login(username="anna", password=PASSWORD)
    return client


@pytest.fixture
def as_olaf(client, olaf):
    client.login(username="olaf", password=PASSWORD)
    return client


def test_the_dashboard_lists_the_activities_of_closed_workshops(as_anna, closed, tracked):
    check_in(tracked, perspective="community", worked="partly")
    page = as_anna.get("/opvolging/").content.decode()
    assert "Spreekuur in het dorpshuis" in page and "Koffieochtend voor iedereen" in page
    assert "Deels" in page and "Statussen door de tijd" in page and "<svg" in page


def test_the_dashboard_filters_by_owner_status_and_place(as_anna, closed, tracked, anna):
    services.change_status(tracked, "started", changed_by=anna)

    def found(query):
        page = as_anna.get("/opvolging/", query).content.decode()
        return set(re.findall(r'href="/opvolging/activiteiten/\d+/">([^<]+)</a>', page))

    assert len(found({})) == 6
    assert found({"perspective": "community"}) == {
        "Vrijwilligersrooster", "Koffieochtend voor iedereen"}
    assert found({"status": "started"}) == {"Spreekuur in het dorpshuis"}
    assert len(found({"place": "Panningen"})) == 6
    assert found({"q": "koffie"}) == {"Koffieochtend voor iedereen"}


def test_an_unknown_filter_value_is_a_400(as_anna, closed):
    assert as_anna.get("/opvolging/", {"status": "lost"}).status_code == 400


def test_overdue_shows_when_the_target_date_passed(as_anna, tracked):
    services.change_activity(tracked, title=tracked.title, owner="government",
                             target_date=date(2020, 1, 1))
    page = as_anna.get("/opvolging/", {"status": "overdue"}).content.decode()
    assert "Spreekuur in het dorpshuis" in page and "Te laat" in page


def test_strangers_see_no_follow_up(client, closed, tracked):
    for address in ("/opvolging/", f"/opvolging/workshops/{closed.pk}/",
                    f"/opvolging/activiteiten/{tracked.pk}/"):
        assert client.get(address).status_code == 302  # to the login page


def test_an_observer_looks_but_cannot_change(as_olaf, closed, tracked):
    assert as_olaf.get(f"/opvolging/workshops/{closed.pk}/").status_code == 200
    page = as_olaf.get(f"/opvolging/activiteiten/{tracked.pk}/").content.decode()
    assert "Status opslaan" not in page
    response = as_olaf.post(f"/opvolging/activiteiten/{tracked.pk}/status/",
                            {"status": "started", "date": "2026-03-01"})
    assert response.status_code == 404 and not StatusChange.objects.exists()
    response = as_olaf.post(f"/opvolging/workshops/{closed.pk}/openbaar/", {"public": "1"})
    assert response.status_code == 404 and not FollowUp.objects.get().is_public


def test_the_review_page_shows_check_ins_per_group_and_the_links(as_anna, closed, tracked,
                                                                  links):
    check_in(tracked, perspective="organisations", done="Folder gemaakt")
    page = as_anna.get(f"/opvolging/workshops/{closed.pk}/").content.decode()
    assert "Folder gemaakt" in page
    assert all(f"/terugblik/{link.key}/" in page for link in links.values())


def test_a_facilitator_changes_the_status_and_it_shows_on_the_timeline(as_anna, tracked):
    response = as_anna.post(f"/opvolging/activiteiten/{tracked.pk}/status/",
                            {"status": "started", "date": "2026-03-01"})
    assert response.status_code == 302
    page = as_anna.get(f"/opvolging/activiteiten/{tracked.pk}/").content.decode()
    assert "1 maart 2026" in page and "Gestart" in page


def test_a_forbidden_status_move_is_a_400_with_the_reason(as_anna, tracked):
    response = as_anna.post(f"/opvolging/activiteiten/{tracked.pk}/status/",
                            {"status": "planned", "date": "2026-03-01"})
    assert response.status_code == 400 and not StatusChange.objects.exists()


def test_staff_record_a_check_in_for_a_group(as_anna, tracked, anna):
    response = as_anna.post(f"/opvolging/activiteiten/{tracked.pk}/terugblik/", {
        "perspective": "government", "date": "2026-03-01", "done": "Spreekuur gehouden",
        "worked": "yes", "key": "abc",
    })
    assert response.status_code == 302
    assert CheckIn.objects.get().recorded_by == anna


def test_a_group_checks_in_through_its_link_without_an_account(client, tracked, links):
    link = links["community"]
    page = client.get(f"/terugblik/{link.key}/").content.decode()
    assert "Spreekuur in het dorpshuis" in page
    response = client.post(f"/terugblik/{link.key}/{tracked.pk}/", {
        "done": "Tien mensen kwamen langs", "worked": "yes", "key": "tik-1",
        "perspective": "government",  # a link cannot be talked into another group
    })
    assert response.status_code == 302
    assert CheckIn.objects.get().perspective == "community"


def test_a_double_tap_on_the_link_stores_one_check_in(client, tracked, links):
    form = {"done": "Gedaan", "worked": "no", "key": "tik-2"}
    client.post(f"/terugblik/{links['community'].key}/{tracked.pk}/", form)
    client.post(f"/terugblik/{links['community'].key}/{tracked.pk}/", form)
    assert CheckIn.objects.count() == 1


def test_a_link_check_in_without_answers_is_a_400_in_dutch(client, tracked, links):
    response = client.post(f"/terugblik/{links['community'].key}/{tracked.pk}/", {"key": "x"})
    assert response.status_code == 400
    assert "Schrijf op wat je hebt gedaan." in response.content.decode()
    assert not CheckIn.objects.exists()


def test_an_unknown_link_or_an_activity_of_another_workshop_is_a_404(client, tracked, links):
    assert client.get("/terugblik/geen-sleutel/").status_code == 404
    assert client.get(f"/terugblik/{links['community'].key}/999999/").status_code == 404


def test_the_progress_page_is_off_until_staff_publish_it(client, closed, tracked):
    follow_up = FollowUp.objects.get(workshop=closed)
    assert client.get(f"/voortgang/{follow_up.public_key}/").status_code == 404
    services.publish_progress(follow_up, True)
    assert client.get(f"/voortgang/{follow_up.public_key}/").status_code == 200


def test_the_progress_page_shows_no_names_or_email_addresses(client, closed, tracked, anna):
    services.change_activity(tracked, title=tracked.title, owner="government",
                             contact_name="Jan Jansen", contact_email="jan@example.org")
    check_in(tracked, perspective="community", done="Spreekuur loopt", recorded_by=anna)
    follow_up = FollowUp.objects.get(workshop=closed)
    services.publish_progress(follow_up, True)
    page = client.get(f"/voortgang/{follow_up.public_key}/").content.decode()
    assert "Spreekuur loopt" in page
    assert "Jan Jansen" not in page and "jan@example.org" not in page and "anna" not in page
