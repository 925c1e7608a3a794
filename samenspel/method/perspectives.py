"""The three perspectives from which parties look at a community (domain.md §2)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Perspective(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    ORGANISATIONS = "organisations", _("Social organisations")
    COMMUNITY = "community", _("Community")


@dataclass(frozen=True)
class PerspectiveInfo:
    perspective: Perspective
    explanation: Promise
    examples: Promise


PERSPECTIVES: tuple[PerspectiveInfo, ...] = (
    PerspectiveInfo(
        Perspective.GOVERNMENT,
        _("You work for the municipality, or you are an alderman or council member."),
        _("The alderman, policy staff, the neighbourhood team of the municipality."),
    ),
    PerspectiveInfo(
        Perspective.ORGANISATIONS,
        _("You work for an organisation that helps people, such as a welfare organisation "
          "or a school."),
        _("The welfare organisation, schools, the library, health care."),
    ),
    PerspectiveInfo(
        Perspective.COMMUNITY,
        _("You live here: you are a resident, a parent, a young person or a volunteer."),
        _("Families, parents, children, village councils, clubs."),
    ),
)
