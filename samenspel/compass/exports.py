"""A case's assessments to take away: every answer (anonymous: no names, no accounts) and
each assessment's results, as JSON and as CSV with one row per answer."""

from __future__ import annotations

import csv
import io
from typing import Any

from samenspel.compass import results
from samenspel.compass.models import Assessment, Case
from samenspel.compass.pictures import percentages
from samenspel.compass.questionnaire import QUESTION_KEYS
from samenspel.compass.scoring import LEAD_KEYS, ROLE_KEYS


def shares(values: Any, keys: tuple[str, ...]) -> dict[str, float] | None:
    return None if values is None else {k: round(v, 4) for k, v in zip(keys, values, strict=True)}


def case_fields(case: Case) -> dict[str, Any]:
    return {
        "id": case.pk, "title": case.title, "description": case.description,
        "area": case.area, "theme": case.theme, "date": case.date.isoformat(),
        "owner": case.owner,
    }


def result_fields(result: results.Result) -> dict[str, Any]:
    return {
        "synchronicity_index": round_or_none(result.index),
        "lead_agreement": round_or_none(result.lead_agreement),
        "respondents": result.respondents,
        "groups": [
            {
                "perspective": group.perspective.value,
                "respondents": group.respondents,
                "point": shares(group.point, ROLE_KEYS),
                "dominant_role": group.dominant_role,
                "agreement": round_or_none(group.agreement),
                "pairs_agreeing": round_or_none(group.pairs_agreeing),
                "lead": shares(group.lead, LEAD_KEYS),
                "most_named_lead": group.most_named_lead,
            }
            for group in result.groups
        ],
    }


def assessment_fields(assessment: Assessment, result: results.Result) -> dict[str, Any]:
    return {
        "id": assessment.pk, "date": assessment.date.isoformat(), "code": assessment.code,
        "open": assessment.is_open, "workshop_id": assessment.workshop_id,
        **result_fields(result),
    }


def round_or_none(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def case_export(case: Case) -> dict[str, Any]:
    return {
        "case": case_fields(case),
        "assessments": [
            {
                **assessment_fields(assessment, result),
                "answers": [
                    {
                        "perspective": answer.perspective,
                        "roles": {k: answer.roles[k] for k in QUESTION_KEYS},
                        "point": shares(answer.point, ROLE_KEYS),
                        "lead": answer.lead,
                        "answered_on": answer.created_at.date().isoformat(),
                    }
                    for answer in assessment.answers.all()
                ],
            }
            for assessment, result in results.of_case(case)
        ],
    }


CSV_COLUMNS = [
    "assessment_date", "perspective", *QUESTION_KEYS, "red_percent", "blue_percent",
    "green_percent", "lead", "answered_on",
]


def case_csv(case: Case) -> str:
    """One row per answer; the percentages add up to 100 in each row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for assessment in case.assessments.prefetch_related("answers"):
        for answer in assessment.answers.all():
            writer.writerow([
                assessment.date.isoformat(), answer.perspective,
                *answer.role_list, *percentages(answer.point), answer.lead,
                answer.created_at.date().isoformat(),
            ])
    return out.getvalue()
