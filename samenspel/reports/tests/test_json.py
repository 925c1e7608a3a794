"""The complete workshop as JSON: export → import → export gives the same document, here
and on another installation; a file that is not right is refused with a reason, and then
nothing at all is stored."""

import json

import pytest

from samenspel.method.models import WorkshopTemplate
from samenspel.reports.document import as_json, workshop_document
from samenspel.reports.restore import import_workshop
from samenspel.workshops.models import Contribution, Participant, Workshop
from samenspel.workshops.services import WorkshopError

pytestmark = pytest.mark.django_db


def exported(workshop):
    return as_json(workshop_document(workshop))


def test_export_import_export_gives_the_same_document(finished, anna):
    first = exported(finished)
    copy = import_workshop(first, created_by=anna)
    assert copy.pk != finished.pk
    assert exported(copy) == first


def test_the_copy_gets_its_own_join_code_and_outcome_link_and_new_keys(finished):
    copy = import_workshop(exported(finished), created_by=None)
    assert copy.join_code != finished.join_code
    assert copy.outcome_key != finished.outcome_key
    old_keys = set(finished.participants.values_list("key", flat=True))
    assert not old_keys & set(copy.participants.values_list("key", flat=True))
    assert copy.template_id == finished.template_id  # the same template is used


def test_a_workshop_moves_to_another_installation_with_its_template(finished):
    document = exported(finished)
    # Another installation: neither this workshop nor its template is there.
    template = finished.template
    Workshop.objects.all().delete()
    WorkshopTemplate.objects.filter(pk=template.pk).update(title_nl="Een andere werkvorm")
    copy = import_workshop(document, created_by=None)
    assert copy.template_id != template.pk
    assert copy.template.title_nl == json.loads(document)["template"]["title_nl"]
    assert exported(copy) == document


def test_the_document_keeps_hidden_notes_merged_notes_and_the_reason(finished):
    document = json.loads(exported(finished))
    assert document["schema"] == "samenspel.workshop"
    assert document["schema_version"] == 1
    hidden = [n for n in document["notes"] if n["hidden"]]
    assert [n["hidden_reason"] for n in hidden] == ["Een naam van een buurman"]
    merged = [n for n in document["notes"] if n["merged_into"]]
    assert len(merged) == 1
    assert {p["display_name"] for p in document["participants"]} == {
        "", "Wethouder Jansen", "Marieke"}
    assert "key" not in document["participants"][0]


def test_the_document_holds_no_ids_of_this_installation(finished):
    text = exported(finished).decode()
    assert finished.join_code not in text
    assert finished.outcome_key not in text
    assert '"id"' not in text


def refusal(raw):
    counts = (Workshop.objects.count(), Participant.objects.count(),
              Contribution.objects.count(), WorkshopTemplate.objects.count())
    with pytest.raises(WorkshopError) as refused:
        import_workshop(raw, created_by=None)
    assert (Workshop.objects.count(), Participant.objects.count(),
            Contribution.objects.count(), WorkshopTemplate.objects.count()) == counts
    return refused.value


def changed(workshop, change):
    document = json.loads(exported(workshop))
    change(document)
    return json.dumps(document)


def test_a_file_that_is_not_json_is_refused(finished):
    assert refusal(b"\x89PNG\r\n").code == "not_json"


def test_a_json_file_that_is_not_a_workshop_is_refused(finished):
    assert refusal(b'{"hello": "world"}').code == "not_a_workshop"
    assert refusal(b"[1, 2]").code == "not_a_workshop"


def test_a_file_of_a_newer_samenspel_says_so(finished):
    error = refusal(changed(finished, lambda d: d.update(schema_version=2)))
    assert error.code == "newer_version"
    assert "nieuwere versie" in error.message


def test_a_missing_field_is_named(finished):
    error = refusal(changed(finished, lambda d: d["notes"][3].pop("text")))
    assert error.code == "invalid_document"
    assert "notes → 3 → text" in error.message


def test_an_unknown_field_is_refused(finished):
    error = refusal(changed(finished, lambda d: d["workshop"].update(colour="red")))
    assert "workshop → colour" in error.message


def test_a_reference_to_a_note_that_is_not_there_stores_nothing(finished):
    def dangle(document):
        document["notes"][1]["links_to"] = "n999"

    error = refusal(changed(finished, dangle))
    assert error.code == "invalid_document"
    assert "n999" in error.message


def test_a_note_on_a_question_the_template_does_not_have_stores_nothing(finished):
    error = refusal(changed(finished, lambda d: d["notes"][0].update(prompt=9)))
    assert "n1" in error.message


def test_two_votes_of_one_participant_on_one_activity_store_nothing(finished):
    def twice(document):
        votes = document["activities"][0]["votes"]
        votes.append(dict(votes[0]))

    assert refusal(changed(finished, twice)).code == "invalid_document"


def test_a_nul_character_is_refused(finished):
    error = refusal(changed(finished, lambda d: d["workshop"].update(title="a\u0000b")))
    assert "workshop → title" in error.message


def test_the_refusal_speaks_english_when_asked(finished, settings):
    from django.utils import translation

    with translation.override("en"):
        error = refusal(b"{}")
    assert error.message.startswith("The file is not a Samenspel workshop")
