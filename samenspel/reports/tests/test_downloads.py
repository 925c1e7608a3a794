"""Where the files are: the outcome page's download buttons (for whoever has its link; the
complete workshop is not among them), the console's (staff only, also while the workshop
runs), the API, and `manage.py export_workshop` / `import_workshop`."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from samenspel.reports.tests.conftest import HIDDEN
from samenspel.workshops.models import Workshop
from samenspel.workshops.tests.api_client import Api, participant_api, refused, staff_api
from samenspel.workshops.tests.conftest import FACILITATOR_PASSWORD

pytestmark = pytest.mark.django_db


def outcome_download(client, workshop, **query):
    return client.get(reverse("reports:outcome_download", args=[workshop.outcome_key]), query)


def console_download(client, workshop, **query):
    return client.get(reverse("reports:workshop_download", args=[workshop.pk]), query)


def test_the_outcome_page_offers_the_report_the_poster_and_the_sheets(client, finished):
    html = client.get(reverse("workshops:outcome", args=[finished.outcome_key])).content.decode()
    assert "De uitkomst downloaden" in html
    for key in ("pdf", "poster", "poster-a4", "xlsx", "csv", "md"):
        assert f'name="format" value="{key}"' in html
    assert 'value="json"' not in html


def test_whoever_has_the_outcome_link_downloads_the_pdf(client, finished):
    answer = outcome_download(client, finished, format="pdf", language="en")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/pdf"
    assert answer["Content-Disposition"] == (
        'attachment; filename="samen-in-panningen-2026-11-12.pdf"')
    assert answer.content.startswith(b"%PDF")


def test_the_complete_workshop_is_not_given_by_the_outcome_link(client, finished):
    answer = outcome_download(client, finished, format="json")
    assert answer.status_code == 400
    assert "Deze download bestaat niet" in answer.content.decode()
    assert HIDDEN not in answer.content.decode()


def test_an_unknown_format_or_language_is_refused_with_a_page(client, finished):
    assert outcome_download(client, finished, format="docx").status_code == 400
    answer = outcome_download(client, finished, format="csv", language="de")
    assert answer.status_code == 400
    assert "Kies Nederlands (nl) of Engels (en)." in answer.content.decode()


def test_the_console_offers_the_complete_workshop_while_it_runs(client, anna, workshop,
                                                               writing, civil_servant):
    client.login(username="anna", password=FACILITATOR_PASSWORD)
    html = client.get(reverse("workshops:console", args=[workshop.pk])).content.decode()
    assert 'name="format" value="json"' in html
    assert "De workshop loopt nog" in html
    answer = console_download(client, workshop, format="json")
    assert answer.status_code == 200
    assert json.loads(answer.content)["workshop"]["state"] == "running"


def test_the_console_download_needs_staff(client, finished):
    answer = console_download(client, finished, format="json")
    assert answer.status_code == 302  # to the login page
    assert reverse("accounts:login") in answer["Location"]


def test_an_observer_may_download_from_the_console(client, olaf, finished):
    client.login(username="olaf", password=FACILITATOR_PASSWORD)
    assert console_download(client, finished, format="xlsx").status_code == 200


def test_a_facilitator_imports_a_workshop_file_and_lands_in_its_console(client, anna,
                                                                       finished):
    client.login(username="anna", password=FACILITATOR_PASSWORD)
    document = console_download(client, finished, format="json").content
    upload = io.BytesIO(document)
    upload.name = "workshop.json"
    answer = client.post(reverse("reports:import"), {"file": upload})
    copy = Workshop.objects.exclude(pk=finished.pk).get()
    assert answer.status_code == 302
    assert answer["Location"] == reverse("workshops:console", args=[copy.pk])
    assert console_download(client, copy, format="json").content == document


def test_a_wrong_file_on_the_import_page_says_why_and_stores_nothing(client, anna, finished):
    client.login(username="anna", password=FACILITATOR_PASSWORD)
    upload = io.BytesIO(b'{"schema": "samenspel.workshop", "schema_version": 7}')
    upload.name = "workshop.json"
    answer = client.post(reverse("reports:import"), {"file": upload})
    assert answer.status_code == 400
    assert "nieuwere versie van Samenspel" in answer.content.decode()
    assert Workshop.objects.count() == 1


def test_an_observer_cannot_import(client, olaf):
    client.login(username="olaf", password=FACILITATOR_PASSWORD)
    assert client.get(reverse("reports:import")).status_code == 404


def test_the_api_gives_every_format_to_staff(client, anna, finished):
    api = staff_api(client, anna)
    answer = api.get(f"/workshops/{finished.pk}/export")
    assert answer.status_code == 200
    assert json.loads(answer.content)["schema"] == "samenspel.workshop"
    sheet = api.get(f"/workshops/{finished.pk}/export?format=xlsx&language=en")
    assert sheet.status_code == 200
    assert sheet.content.startswith(b"PK")


def test_the_api_imports_what_it_exported(client, anna, finished):
    api = staff_api(client, anna)
    document = api.get(f"/workshops/{finished.pk}/export").content
    answer = client.post("/api/v1/imports", data=document,
                         content_type="application/json",
                         headers={"Authorization": f"Bearer {api.token}"})
    assert answer.status_code == 201, answer.content
    copy = answer.json()["workshop"]
    assert copy["id"] != finished.pk
    assert copy["join_code"] != finished.join_code
    assert api.get(f"/workshops/{copy['id']}/export").content == document


def test_the_api_refuses_a_bad_document_with_a_code_in_the_language_asked(client, anna,
                                                                         finished):
    api = staff_api(client, anna)
    api.language = "en"
    body = refused(api.post("/imports", {"schema": "something else"}), 400,
                   "not_a_workshop")
    assert body["message"].startswith("The file is not a Samenspel workshop")
    assert Workshop.objects.count() == 1


def test_the_api_refuses_an_unknown_format(client, anna, finished):
    api = staff_api(client, anna)
    refused(api.get(f"/workshops/{finished.pk}/export?format=docx"), 400, "unknown_format")


def test_a_participant_cannot_export_or_import_through_the_api(client, finished):
    member = participant_api(client, finished.participants.first())
    refused(member.get(f"/workshops/{finished.pk}/export"), 403, "facilitators_only")
    refused(member.post("/imports", {}), 403, "facilitators_only")


def test_the_outcome_link_gives_the_pdf_through_the_api_and_never_the_json(client, finished):
    api = Api(client)
    answer = api.get(f"/outcome/{finished.outcome_key}/export")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/pdf"
    refused(api.get(f"/outcome/{finished.outcome_key}/export?format=json"), 400,
            "unknown_format")
    refused(api.get("/outcome/nothing-here/export"), 404, "unknown_outcome")


def test_export_workshop_writes_the_file_named_after_the_workshop(finished, tmp_path,
                                                                monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("export_workshop", finished.join_code.lower(), "--format", "md")
    text = (tmp_path / "samen-in-panningen-2026-11-12.md").read_text(encoding="utf-8")
    assert text.startswith("# Samen in Panningen")


def test_export_and_import_workshop_on_the_command_line(finished, tmp_path):
    path = tmp_path / "backup.json"
    call_command("export_workshop", finished.join_code, "--format", "json", "-o", str(path))
    out = io.StringIO()
    call_command("import_workshop", str(path), stdout=out)
    assert out.getvalue().startswith("Imported workshop ")
    assert Workshop.objects.count() == 2


def test_the_commands_say_what_is_wrong(finished, tmp_path):
    with pytest.raises(CommandError, match="no workshop with the code"):
        call_command("export_workshop", "NOPE")
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(CommandError, match="geen workshop van Samenspel"):
        call_command("import_workshop", str(bad))
