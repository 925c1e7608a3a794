"""Public pages that explain the method: the home page and a page per government role."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from samenspel.method import services
from samenspel.method.perspectives import PERSPECTIVES
from samenspel.method.roles import ROLE_ATTRIBUTES, ROLES, role_by_slug


def home(request: HttpRequest) -> HttpResponse:
    template = services.default_template()
    return render(
        request,
        "method/home.html",
        {
            "roles": ROLES,
            "role_rows": role_rows(),
            "perspectives": PERSPECTIVES,
            "workshop_template": template,
            "rounds": template.rounds.all() if template else [],
            "activities_expected": services.activities_expected(template) if template else 0,
        },
    )


def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    role = role_by_slug(slug)
    if role is None:
        raise Http404
    facts = [(heading, getattr(role, attribute)) for attribute, heading in ROLE_ATTRIBUTES]
    others = [other for other in ROLES if other is not role]
    return render(
        request, "method/role_detail.html", {"role": role, "facts": facts, "others": others}
    )


def role_rows() -> list[tuple[object, list[object]]]:
    """The comparison table: one row per attribute, one cell per role."""
    return [
        (heading, [getattr(role, attribute) for role in ROLES])
        for attribute, heading in ROLE_ATTRIBUTES
    ]
