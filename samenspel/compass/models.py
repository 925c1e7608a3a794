"""A case (casus, praktijk), its dated role assessments, and the answers of respondents."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.compass import scoring
from samenspel.compass.questionnaire import QUESTION_KEYS
from samenspel.method.models import Round
from samenspel.method.perspectives import Perspective
from samenspel.workshops.models import Participant, Workshop


class Case(models.Model):
    """A matter in a village or area for which the parties look for the fitting role."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=4000)
    area = models.CharField(_("village or area"), max_length=120, blank=True)
    theme = models.CharField(_("theme"), max_length=120, blank=True)
    date = models.DateField(_("date"), default=timezone.localdate)
    # Blank for a case made by a workshop's role compass step, until staff say who owns it.
    owner = models.CharField(
        _("who owns it today"), max_length=20, choices=Perspective.choices, blank=True,
        help_text=_("The perspective that has the matter in hand now."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-date", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class Assessment(models.Model):
    """One round of the questionnaire for a case, on a date; a case can be assessed again
    later to see whether the perspectives came closer. Respondents answer with the code."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    date = models.DateField(_("date"), default=timezone.localdate)
    code = models.CharField(_("code"), max_length=12, unique=True)
    is_open = models.BooleanField(_("open for answers"), default=True)
    # Set when the assessment is a round of a live workshop (the role compass step): the
    # participants answer on their phones while that round is open.
    workshop = models.ForeignKey(
        Workshop, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("workshop"),
    )
    round = models.ForeignKey(
        Round, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("role assessment")
        verbose_name_plural = _("role assessments")
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "round"], name="one_assessment_per_workshop_round"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case} ({self.date:%Y-%m-%d})"


class Answer(models.Model):
    """One respondent's filled-in questionnaire: their perspective, for each question the
    role of the option they chose, and who they think should lead. Anonymous; a staff
    member who answered while logged in is remembered only so they answer once."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    perspective = models.CharField(_("perspective"), max_length=20, choices=Perspective.choices)
    # {question key: role key}, one for every question of the questionnaire.
    roles = models.JSONField(_("chosen roles"))
    lead = models.CharField(_("who should lead"), max_length=20, choices=Perspective.choices)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    # Who answered on their phone in a workshop's compass round, so each answers once there.
    participant = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    # Made by the form: a retried or double-tapped "send" stores one answer.
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "key"], name="one_answer_per_key"),
            models.UniqueConstraint(
                fields=["assessment", "answered_by"], name="one_answer_per_staff_member"
            ),
            models.UniqueConstraint(
                fields=["assessment", "participant"], name="one_answer_per_participant"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_perspective_display()}: {self.assessment}"

    @property
    def role_list(self) -> list[str]:
        """The chosen roles in the questionnaire's order."""
        roles: dict[str, Any] = self.roles
        return [str(roles[key]) for key in QUESTION_KEYS]

    @property
    def point(self) -> scoring.RolePoint:
        return scoring.point_from_choices(self.role_list)
