"""Schemathesis against the OpenAPI document: for every operation, bodies, paths and queries
made from its schema (and broken on purpose) are answered with a refusal or an answer, never
a server error — as staff, as a participant of a running workshop, and without a token."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from samenspel.accounts.services import create_api_token, create_staff_user
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.api_auth import participant_token

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def in_test_transaction():
    """Like Django's test client: a request must not close the test's database connection."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def callers(db, in_test_transaction):
    """A facilitator's API key and a participant's token in a workshop whose round 1 is open."""
    anna = create_staff_user("anna", "facilitator", password="een-lang-wachtwoord-42")
    workshop = services.create_workshop(created_by=anna, template=default_template(),
                                        title="Samen", case_description="Casus.")
    services.open_round(workshop, workshop.template.rounds.get(number=1))
    resident = services.join_workshop(workshop, "community")
    return {"staff": create_api_token(anna, "fuzz")[1], "participant": participant_token(resident)}


@schema.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_no_operation_answers_with_a_server_error(case, callers):
    who = "participant" if case.path.startswith("/api/v1/me") else "staff"
    for headers in ({"Authorization": f"Bearer {callers[who]}"}, {}):
        response = case.call(headers=headers)
        assert response.status_code < 500, (case.method, case.path, response.text[:300])
