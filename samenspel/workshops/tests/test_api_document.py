"""The OpenAPI document describes every operation of the API, and the docs page shows them."""

import pytest

pytestmark = pytest.mark.django_db

OPERATIONS = {
    ("post", "/api/v1/join"),
    ("get", "/api/v1/me"),
    ("post", "/api/v1/me/notes"),
    ("patch", "/api/v1/me/notes/{note_id}"),
    ("delete", "/api/v1/me/notes/{note_id}"),
    ("post", "/api/v1/me/activities"),
    ("post", "/api/v1/me/activities/{activity_id}/dots"),
    ("delete", "/api/v1/me/activities/{activity_id}/dots"),
    ("put", "/api/v1/me/choice"),
    ("put", "/api/v1/me/activities/{activity_id}/reactions/{kind}"),
    ("delete", "/api/v1/me/activities/{activity_id}/reactions/{kind}"),
    ("get", "/api/v1/me/live"),
    ("get", "/api/v1/workshops"),
    ("post", "/api/v1/workshops"),
    ("get", "/api/v1/workshops/{workshop_id}"),
    ("post", "/api/v1/workshops/{workshop_id}/rounds/{number}/open"),
    ("post", "/api/v1/workshops/{workshop_id}/rounds/{number}/close"),
    ("post", "/api/v1/workshops/{workshop_id}/rounds/{number}/reveal"),
    ("post", "/api/v1/workshops/{workshop_id}/close"),
    ("put", "/api/v1/workshops/{workshop_id}/timer"),
    ("delete", "/api/v1/workshops/{workshop_id}/timer"),
    ("post", "/api/v1/workshops/{workshop_id}/notes"),
    ("post", "/api/v1/workshops/{workshop_id}/notes/{note_id}/hide"),
    ("post", "/api/v1/workshops/{workshop_id}/notes/{note_id}/merge"),
    ("post", "/api/v1/workshops/{workshop_id}/notes/{note_id}/move"),
    ("put", "/api/v1/workshops/{workshop_id}/groups/{perspective}/choice"),
    ("put", "/api/v1/workshops/{workshop_id}/shown-activity"),
    ("get", "/api/v1/workshops/{workshop_id}/live"),
    ("get", "/api/v1/outcome/{key}"),
    ("get", "/api/v1/workshops/{workshop_id}/export"),
    ("post", "/api/v1/imports"),
    ("get", "/api/v1/outcome/{key}/export"),
    ("get", "/api/v1/cases"),
    ("post", "/api/v1/cases"),
    ("get", "/api/v1/cases/{case_id}"),
    ("put", "/api/v1/cases/{case_id}"),
    ("get", "/api/v1/cases/{case_id}/export"),
    ("post", "/api/v1/cases/{case_id}/assessments"),
    ("get", "/api/v1/assessments/{assessment_id}"),
    ("post", "/api/v1/assessments/{assessment_id}/close"),
    ("post", "/api/v1/assessments/{assessment_id}/open"),
    ("get", "/api/v1/questionnaire"),
    ("post", "/api/v1/answers"),
    ("post", "/api/v1/me/role-compass"),
    ("get", "/api/v1/follow-up/activities"),
    ("get", "/api/v1/follow-up/activities/{activity_id}"),
    ("put", "/api/v1/follow-up/activities/{activity_id}"),
    ("post", "/api/v1/follow-up/activities/{activity_id}/status"),
    ("post", "/api/v1/follow-up/activities/{activity_id}/check-ins"),
    ("get", "/api/v1/follow-up/workshops/{workshop_id}"),
    ("post", "/api/v1/follow-up/workshops/{workshop_id}/activities"),
    ("get", "/api/v1/check-in/{key}"),
    ("post", "/api/v1/check-in/{key}/activities/{activity_id}"),
}


def test_openapi_document_lists_every_operation_with_its_refusals(client):
    document = client.get("/api/v1/openapi.json").json()
    assert (document["info"]["title"], document["info"]["version"]) == ("Samenspel API", "1")
    listed = {(method, path) for path, item in document["paths"].items() for method in item}
    assert listed == OPERATIONS
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation["summary"], (method, path)
            assert operation["responses"]["404"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorOut"}
    schemes = document["components"]["securitySchemes"]
    assert {scheme["scheme"] for scheme in schemes.values()} == {"bearer"}


def test_only_joining_the_outcome_answering_and_checking_in_by_link_need_no_token(client):
    document = client.get("/api/v1/openapi.json").json()
    open_to_all = {(method, path) for path, item in document["paths"].items()
                   for method, operation in item.items() if not operation.get("security")}
    assert open_to_all == {("post", "/api/v1/join"), ("get", "/api/v1/outcome/{key}"),
                           ("get", "/api/v1/outcome/{key}/export"),
                           ("get", "/api/v1/questionnaire"), ("post", "/api/v1/answers"),
                           ("get", "/api/v1/check-in/{key}"),
                           ("post", "/api/v1/check-in/{key}/activities/{activity_id}")}


def test_docs_page_is_rendered_on_the_server_with_every_operation(client):
    page = client.get("/api/v1/docs")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<script" not in html
    assert 'lang="nl"' in html
    for method, path in OPERATIONS:
        assert f'{method.upper()}</span> <code>{path}</code>' in html
    assert 'id="schema-NoteIn"' in html
