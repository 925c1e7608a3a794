"""Workshop templates as data: a template has rounds, a round has prompts, and a prompt has
its question worded for each perspective. Content is stored in Dutch and English."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenspel.core.i18n import localized
from samenspel.method.perspectives import Perspective


class WorkshopTemplate(models.Model):
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    is_default = models.BooleanField(
        _("default template"),
        default=False,
        help_text=_("New workshops start from this template."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("workshop template")
        verbose_name_plural = _("workshop templates")
        ordering = ["-is_default", "title_nl"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="one_default_template"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")


class Round(models.Model):
    class Kind(models.TextChoices):
        REFLECT = "reflect", _("Write and link notes")
        CHOOSE_ACTIVITIES = "choose_activities", _("Choose activities and share them")
        # Everyone answers the role compass on their phone; the projector shows the triangle
        # fill up. The compass app runs it (workshops/steps.py).
        ROLE_COMPASS = "role_compass", _("Role compass: which role fits?")
        # A second-wave workshop looks back first: per activity of an earlier workshop,
        # each group says what it did and whether it worked. The follow-up app runs it.
        REVIEW = "review", _("Look back: what have we done, and did it work?")

    template = models.ForeignKey(
        WorkshopTemplate, on_delete=models.CASCADE, related_name="rounds"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.REFLECT)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    intro_nl = models.TextField(_("introduction (Dutch)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    activities_per_perspective = models.PositiveSmallIntegerField(
        _("activities per perspective"),
        null=True,
        blank=True,
        help_text=_("Only for a closing round: how many activities each group chooses."),
    )

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["template", "number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="unique_round_number"),
            models.CheckConstraint(
                condition=(
                    Q(
                        kind="choose_activities",
                        activities_per_perspective__isnull=False,
                        activities_per_perspective__gte=1,
                    )
                    | Q(
                        kind__in=["reflect", "role_compass", "review"],
                        activities_per_perspective__isnull=True,
                    )
                ),
                name="closing_round_sets_activity_count",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def intro(self) -> str:
        return localized(self, "intro")

    def clean(self) -> None:
        if self.kind == self.Kind.CHOOSE_ACTIVITIES and not self.activities_per_perspective:
            raise ValidationError(
                {"activities_per_perspective": _("A closing round needs a number of activities.")}
            )
        if self.kind != self.Kind.CHOOSE_ACTIVITIES and self.activities_per_perspective is not None:
            raise ValidationError(
                {"activities_per_perspective": _("Only a closing round chooses activities.")}
            )


class Prompt(models.Model):
    class Kind(models.TextChoices):
        DESIRED_BEHAVIOUR = "desired_behaviour", _("Desired behaviour")
        ACTIVATING_BELIEF = "activating_belief", _("Activating belief")
        ROUTINE = "routine", _("Routine")
        HINDERING_THOUGHT = "hindering_thought", _("Hindering thought")
        ACTIVITY = "activity", _("Activity")
        OPEN = "open", _("Open question")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="prompts")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.OPEN)
    label_nl = models.CharField(_("label (Dutch)"), max_length=120)
    label_en = models.CharField(_("label (English)"), max_length=120, blank=True)
    links_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="linked_from",
        verbose_name=_("links to"),
        help_text=_(
            "A note on this prompt can point to a note on that prompt, "
            "for example a belief to a behaviour."
        ),
    )

    class Meta:
        verbose_name = _("prompt")
        verbose_name_plural = _("prompts")
        ordering = ["round", "position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "position"], name="unique_prompt_position"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self, "label")

    def clean(self) -> None:
        if self.links_to_id is None:
            return
        if self.links_to_id == self.pk:
            raise ValidationError({"links_to": _("A prompt cannot link to itself.")})
        if self.links_to is not None and self.links_to.round_id != self.round_id:
            raise ValidationError(
                {"links_to": _("A prompt can only link to a prompt in the same round.")}
            )

    def text_for(self, perspective: str) -> str:
        """The question worded for one perspective; the prompt's label when none is written."""
        for text in self.texts.all():
            if text.perspective == perspective:
                return text.text
        return self.label


class PromptText(models.Model):
    prompt = models.ForeignKey(Prompt, on_delete=models.CASCADE, related_name="texts")
    perspective = models.CharField(_("perspective"), max_length=20, choices=Perspective.choices)
    text_nl = models.TextField(_("question (Dutch)"))
    text_en = models.TextField(_("question (English)"), blank=True)

    class Meta:
        verbose_name = _("question per perspective")
        verbose_name_plural = _("questions per perspective")
        ordering = ["prompt", "perspective"]
        constraints = [
            models.UniqueConstraint(
                fields=["prompt", "perspective"], name="one_text_per_perspective"
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return localized(self, "text")
