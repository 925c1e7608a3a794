"""The follow-up of a workshop: its tracked activities, their status history, the dated
check-ins of each perspective, and the anonymous check-in links."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.method.perspectives import Perspective
from samenspel.workshops.models import Activity, Contribution, Workshop


def new_link_key() -> str:
    return secrets.token_urlsafe(24)


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    STARTED = "started", _("Started")
    DONE = "done", _("Done")
    STOPPED = "stopped", _("Stopped")


class Worked(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Don't know yet")


class FollowUp(models.Model):
    """A workshop's follow-up as a whole: made once its activities are tracked; says
    whether residents may read the progress page (off until staff switch it on)."""

    workshop = models.OneToOneField(
        Workshop, on_delete=models.CASCADE, related_name="follow_up",
        verbose_name=_("workshop"),
    )
    is_public = models.BooleanField(_("progress page public"), default=False)
    # The public progress page's address: unguessable, like the outcome page's.
    public_key = models.CharField(max_length=40, unique=True, default=new_link_key)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return str(self.workshop)


class CheckInLink(models.Model):
    """The anonymous link through which one perspective fills in check-ins for a
    workshop's activities, without an account. It writes for its own perspective only."""

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="check_in_links",
    )
    perspective = models.CharField(_("perspective"), max_length=20, choices=Perspective.choices)
    key = models.CharField(max_length=40, unique=True, default=new_link_key)

    class Meta:
        verbose_name = _("check-in link")
        verbose_name_plural = _("check-in links")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "perspective"], name="one_check_in_link_per_perspective"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.workshop}: {self.get_perspective_display()}"


class TrackedActivity(models.Model):
    """An activity the municipality follows up: a chosen activity of the workshop, or one
    staff added by hand."""

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="tracked_activities",
        verbose_name=_("workshop"),
    )
    # The chosen activity it came from; empty for one added by hand.
    activity = models.OneToOneField(
        Activity, on_delete=models.SET_NULL, null=True, blank=True, related_name="tracked",
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=500, blank=True)
    owner = models.CharField(_("owner"), max_length=20, choices=Perspective.choices)
    owner_organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail address of the contact person"), blank=True)
    how_we_notice = models.TextField(_("how we will notice that it works"), max_length=1000,
                                     blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.PLANNED)
    serves = models.ManyToManyField(
        Contribution, blank=True, related_name="+", verbose_name=_("serves"),
    )
    # When the contact person was last reminded that a check-in is due.
    reminded_on = models.DateField(_("reminded on"), null=True, blank=True)
    created_on = models.DateField(_("tracked since"), default=timezone.localdate)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("tracked activity")
        verbose_name_plural = _("tracked activities")
        ordering = ["workshop", "owner", "created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class StatusChange(models.Model):
    """One move of an activity's status: the history for its timeline and the chart."""

    activity = models.ForeignKey(
        TrackedActivity, on_delete=models.CASCADE, related_name="status_changes",
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    from_status = models.CharField(_("from"), max_length=16, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=16, choices=Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["date", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.activity}: {self.from_status} → {self.to_status}"


class CheckIn(models.Model):
    """A dated answer of one perspective to the three questions about one activity: what
    have we done, did it work (and how do we know), what is left to do."""

    activity = models.ForeignKey(
        TrackedActivity, on_delete=models.CASCADE, related_name="check_ins",
    )
    perspective = models.CharField(_("perspective"), max_length=20, choices=Perspective.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    done = models.TextField(_("what have we done"), max_length=2000)
    worked = models.CharField(_("did it work"), max_length=16, choices=Worked.choices)
    evidence = models.TextField(_("how do we know"), max_length=2000, blank=True)
    evidence_link = models.URLField(_("link"), max_length=500, blank=True)
    left_to_do = models.TextField(_("what is left to do"), max_length=2000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    # Made by the form: a retried or double-tapped "send" stores one check-in.
    key = models.CharField(max_length=64)
    # Set when the check-in was given in the look-back round of a later workshop.
    in_workshop = models.ForeignKey(
        Workshop, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["date", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "key"], name="one_check_in_per_key"),
        ]

    def __str__(self) -> str:
        return f"{self.activity} ({self.get_perspective_display()}, {self.date})"


class SecondWave(models.Model):
    """A workshop that looks back on an earlier one in its look-back round (a second wave):
    which earlier workshop's activities the room reviews."""

    workshop = models.OneToOneField(Workshop, on_delete=models.CASCADE, related_name="+")
    previous = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("previous workshop"),
    )

    class Meta:
        verbose_name = _("second wave")
        verbose_name_plural = _("second waves")

    def __str__(self) -> str:
        return f"{self.workshop} ← {self.previous}"
