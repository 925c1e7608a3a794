"""The follow-up in the exports: the JSON document keeps tracked activities, status changes
and check-ins (export → import → export stays identical, with new links on the copy); the
PDF, the spreadsheet and the Markdown text show statuses and check-ins, never the contact
person."""

import io
import json
from datetime import date

import pytest
from openpyxl import load_workbook

from samenspel.followup import services as followup
from samenspel.followup.models import CheckIn, CheckInLink, FollowUp, TrackedActivity
from samenspel.reports.document import as_json, workshop_document
from samenspel.reports.restore import import_workshop
from samenspel.reports.tests.test_files import made, pdf_text, pdftotext
from samenspel.workshops.services import WorkshopError

pytestmark = pytest.mark.django_db


@pytest.fixture
def followed_up(finished, anna):
    """The finished workshop, months later: one activity started with two check-ins, one
    added by hand, a contact person, the progress page public."""
    follow_up = followup.track_activities(finished)
    first = TrackedActivity.objects.filter(workshop=finished).order_by("pk").first()
    followup.change_activity(first, title=first.title, owner=first.owner,
                             owner_organisation="Wijkteam", contact_name="Jan Jansen",
                             contact_email="jan@example.org", how_we_notice="Meer buren",
                             target_date=date(2027, 3, 1))
    followup.change_status(first, "started", changed_by=anna, on=date(2026, 12, 1))
    followup.record_check_in(first, perspective="community", done="Buren gebeld",
                             worked="partly", key="a", evidence="Tien reacties",
                             evidence_link="https://example.org/verslag",
                             left_to_do="Nog een avond", on=date(2026, 12, 2))
    followup.record_check_in(first, perspective="government", done="Zaal geregeld",
                             worked="yes", key="b", recorded_by=anna, on=date(2026, 12, 2))
    followup.add_activity(finished, title="Bankje bij de kerk", owner="community")
    followup.publish_progress(follow_up, True)
    return finished


def exported(workshop):
    return as_json(workshop_document(workshop))


def test_a_workshop_without_follow_up_has_none_in_its_file(finished):
    assert "follow_up" not in json.loads(exported(finished))


def test_export_import_export_keeps_the_follow_up_identical(followed_up, anna):
    first = exported(followed_up)
    data = json.loads(first)["follow_up"]
    assert data["is_public"] and len(data["activities"]) == 7
    copy = import_workshop(first, created_by=anna)
    assert exported(copy) == first
    assert CheckIn.objects.filter(activity__workshop=copy).count() == 2


def test_the_copy_gets_its_own_links_and_progress_address(followed_up):
    copy = import_workshop(exported(followed_up), created_by=None)
    old = set(CheckInLink.objects.filter(workshop=followed_up).values_list("key", flat=True))
    new = set(CheckInLink.objects.filter(workshop=copy).values_list("key", flat=True))
    assert len(new) == 3 and not old & new
    assert (FollowUp.objects.get(workshop=copy).public_key
            != FollowUp.objects.get(workshop=followed_up).public_key)


def test_the_file_holds_no_link_keys_and_not_who_recorded(followed_up):
    text = exported(followed_up).decode()
    for key in CheckInLink.objects.values_list("key", flat=True):
        assert key not in text
    assert FollowUp.objects.get().public_key not in text
    assert '"recorded_by"' not in text and '"changed_by"' not in text


def test_a_follow_up_of_a_workshop_that_is_not_closed_stores_nothing(followed_up):
    data = json.loads(exported(followed_up))
    data["workshop"]["state"] = "running"
    before = TrackedActivity.objects.count()
    with pytest.raises(WorkshopError) as refused:
        import_workshop(json.dumps(data), created_by=None)
    assert refused.value.code == "invalid_document"
    assert TrackedActivity.objects.count() == before


def test_a_follow_up_pointing_to_a_missing_activity_stores_nothing(followed_up):
    data = json.loads(exported(followed_up))
    data["follow_up"]["activities"][0]["activity"] = "a99"
    with pytest.raises(WorkshopError) as refused:
        import_workshop(json.dumps(data), created_by=None)
    assert "a99" in refused.value.message


def test_markdown_shows_statuses_and_check_ins_not_the_contact(followed_up):
    text = made(followed_up, "md").decode()
    assert "## Opvolging: wat hebben we gedaan, en werkte het?" in text
    assert "Buren gebeld" in text and "Deels" in text and "Gestart" in text
    assert "Bankje bij de kerk" in text and "Nog geen terugblik." in text
    assert "Jan Jansen" not in text and "jan@example.org" not in text


def test_the_spreadsheet_has_a_follow_up_sheet(followed_up):
    book = load_workbook(io.BytesIO(made(followed_up, "xlsx")))
    assert "Opvolging" in book.sheetnames and "Statuswijzigingen" in book.sheetnames
    rows = [[c.value for c in row] for row in book["Opvolging"].iter_rows(min_row=2)]
    assert any("Zaal geregeld" in row for row in rows)
    assert not any("jan@example.org" in str(row) for row in rows)


@pdftotext
def test_the_pdf_has_the_follow_up_chapter(followed_up):
    text = pdf_text(made(followed_up, "pdf"))
    assert "Opvolging: wat hebben we gedaan, en werkte het?" in text
    assert "Buren gebeld" in text and "Jan Jansen" not in text


def test_a_check_in_link_that_is_not_a_web_address_stores_nothing(followed_up):
    data = json.loads(exported(followed_up))
    check_ins = next(t for t in data["follow_up"]["activities"] if t["check_ins"])["check_ins"]
    check_ins[0]["evidence_link"] = "javascript:alert(1)"
    before = TrackedActivity.objects.count()
    with pytest.raises(WorkshopError) as refused:
        import_workshop(json.dumps(data), created_by=None)
    assert refused.value.code == "invalid_document"
    assert TrackedActivity.objects.count() == before
