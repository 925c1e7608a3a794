"""The cast of the compass tests: a facilitator and an observer, a case with an open
assessment, and answers in the form a respondent's phone sends them."""

import pytest

from samenspel.accounts.services import create_staff_user
from samenspel.compass import services
from samenspel.compass.questionnaire import QUESTION_KEYS
from samenspel.workshops.tests.conftest import published  # noqa: F401 (what the room hears)

PASSWORD = "een-lang-wachtwoord-42"


def roles(*chosen):
    """{question: role} for the questions in order; one role given: that role everywhere."""
    if len(chosen) == 1:
        chosen = chosen * len(QUESTION_KEYS)
    return dict(zip(QUESTION_KEYS, chosen, strict=True))


def answer(assessment, perspective, chosen, lead="community", key=None, **extra):
    return services.record_answer(
        assessment, perspective=perspective, roles=chosen, lead=lead,
        key=key or services.new_answer_key(), **extra,
    )


@pytest.fixture
def anna(db):
    """A facilitator."""
    return create_staff_user("anna", "facilitator", password=PASSWORD)


@pytest.fixture
def olaf(db):
    """An observer: staff who may look, not change."""
    return create_staff_user("olaf", "observer", password=PASSWORD)


@pytest.fixture
def case(db, anna):
    return services.create_case(
        created_by=anna, title="Dorpshuis De Kern", owner="government", area="Panningen",
        theme="Ontmoeting", description="Wie houdt het dorpshuis open, en hoe?",
    )


@pytest.fixture
def assessment(case, anna):
    return services.start_assessment(case, created_by=anna)


@pytest.fixture
def answered(assessment):
    """One respondent per perspective: the government blue, the others green."""
    answer(assessment, "government", roles("blue"), lead="government")
    answer(assessment, "organisations", roles("green"))
    answer(assessment, "community", roles("green"))
    return assessment
