"""A workshop run from a template, and the participants who joined it."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from samenspel.method.models import Prompt, Round, WorkshopTemplate
from samenspel.method.perspectives import Perspective


def new_outcome_key() -> str:
    return secrets.token_urlsafe(16)


class Workshop(models.Model):
    class State(models.TextChoices):
        LOBBY = "lobby", _("Waiting to start")
        RUNNING = "running", _("Running")
        CLOSED = "closed", _("Closed")

    template = models.ForeignKey(
        WorkshopTemplate, on_delete=models.PROTECT, related_name="workshops",
        verbose_name=_("workshop template"),
    )
    title = models.CharField(_("title"), max_length=200)
    case_description = models.TextField(_("case"), max_length=4000)
    date = models.DateField(_("date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    facilitator_names = models.CharField(_("facilitators"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    join_code = models.CharField(_("join code"), max_length=12, unique=True)
    # The outcome page's address: unguessable, so the facilitator decides who gets the link.
    outcome_key = models.CharField(max_length=32, unique=True, default=new_outcome_key)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.LOBBY)
    current_round = models.ForeignKey(
        Round, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    round_open = models.BooleanField(_("round open for writing"), default=False)
    # One end time on the server: every screen counts down to the same moment.
    timer_ends_at = models.DateTimeField(_("timer ends at"), null=True, blank=True)
    dot_budget = models.PositiveSmallIntegerField(_("dots per participant"), default=3)
    # Rounds in which each participant first writes alone: the group sees the notes only
    # once the facilitator reveals them (then the round is also in revealed_rounds).
    private_rounds = models.ManyToManyField(
        Round, blank=True, related_name="+", verbose_name=_("rounds with private writing")
    )
    revealed_rounds = models.ManyToManyField(Round, blank=True, related_name="+")
    # The activity the projector shows while the groups share their choice; set once
    # sharing has started.
    shown_activity = models.ForeignKey(
        "Activity", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # How long participants' data is kept after the workshop's date; None: the organisation's
    # default (accounts.Theme.retention_months). services.apply_retention carries it out.
    retention_months = models.PositiveSmallIntegerField(
        _("keep participants' data (months)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    anonymised_at = models.DateTimeField(_("made anonymous at"), null=True, blank=True)
    # Bumped by every change that screens show; live frames carry it so a browser can tell
    # that it missed something and re-fetch.
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-date", "-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def stream(self) -> str:
        """The live stream every screen of this workshop listens to."""
        return f"workshop:{self.pk}"

    @property
    def is_open_for_joining(self) -> bool:
        return self.state != self.State.CLOSED

    @property
    def stage(self) -> str:
        """What the pages are built for; it changes exactly when every screen must load
        anew: a round opens or closes, notes are revealed, sharing starts, the end."""
        return "-".join(str(part) for part in (
            self.state, self.current_round_id, int(self.round_open),
            int(self.shown_activity_id is not None), self.revealed_rounds.count(),
        ))

    @property
    def is_sharing(self) -> bool:
        """The groups are sharing their chosen activities and the room reacts."""
        return (
            self.shown_activity_id is not None
            and self.state != self.State.CLOSED
            and self.current_round is not None
            and self.current_round.kind == Round.Kind.CHOOSE_ACTIVITIES
        )

    def notes_are_private(self, round_: Round | None) -> bool:
        """Whether the group does not see its notes of this round yet (private writing)."""
        return round_ is not None and round_.pk in self.unrevealed_round_ids

    # Read once per request, like `prompts`: a note is checked, stored and announced in one,
    # and each step asks. reveal_notes() forgets it.
    @cached_property
    def unrevealed_round_ids(self) -> frozenset[int]:
        return frozenset(
            self.private_rounds.exclude(pk__in=self.revealed_rounds.values("pk"))
            .values_list("pk", flat=True)
        )

    @cached_property
    def prompts(self) -> list[Prompt]:
        """Every question of the workshop, in order, with its round and the question it
        belongs to. A template does not change while a workshop uses it, so one read per
        request serves the checks, the note and its announcement."""
        prompts = list(
            Prompt.objects.filter(round__template_id=self.template_id)
            .select_related("round").order_by("round__number", "position")
        )
        by_pk = {prompt.pk: prompt for prompt in prompts}
        for prompt in prompts:
            if prompt.links_to_id is not None:
                prompt.links_to = by_pk[prompt.links_to_id]
        return prompts

    def prompt(self, pk: int) -> Prompt | None:
        return next((prompt for prompt in self.prompts if prompt.pk == pk), None)


class Participant(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    perspective = models.CharField(_("perspective"), max_length=20, choices=Perspective.choices)
    display_name = models.CharField(_("name"), max_length=60, blank=True)
    # The secret the participant's signed cookie (or API token) carries; never shown.
    key = models.CharField(max_length=64, unique=True)
    # Made by the phone for its join form: a retried or double-tapped "join" joins once.
    join_key = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001 (unique when set)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "join_key"], name="one_join_per_key"),
        ]

    def __str__(self) -> str:
        return self.display_name or str(_("Anonymous participant"))


class Submission(models.Model):
    """A form post from a participant's phone that was carried out, by the key the phone
    made for it: the same post again — a double tap, a retry after the Wi-Fi dropped —
    changes nothing more. Stored in the transaction of the change itself."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="submissions"
    )
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "key"], name="one_submission_per_key"),
        ]

    def __str__(self) -> str:
        return self.key


class ContributionQuerySet(models.QuerySet["Contribution"]):
    def visible(self) -> ContributionQuerySet:
        """Notes that screens show: not hidden by the facilitator, not merged into another."""
        return self.filter(hidden=False, merged_into__isnull=True)

    def of_group(self, workshop: Workshop, perspective: str) -> ContributionQuerySet:
        """A group's visible notes, with what they link to and how many were merged in."""
        return (
            self.visible()
            .filter(workshop=workshop, perspective=perspective)
            .select_related("links_to")
            .annotate(merged_count=models.Count("duplicates"))
        )


class Contribution(models.Model):
    """A note on a prompt, written by a participant for their own group, or typed in by the
    facilitator from paper on behalf of a group (then without participant)."""

    MAX_LENGTH = 500

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="contributions")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, null=True, blank=True, related_name="contributions"
    )
    perspective = models.CharField(_("perspective"), max_length=20, choices=Perspective.choices)
    prompt = models.ForeignKey(Prompt, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("text"), max_length=MAX_LENGTH)
    links_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="linked_from",
        verbose_name=_("belongs to"),
    )
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("why it was hidden"), max_length=200, blank=True)
    # A duplicate the facilitator merged into another note: shown nowhere, counted there.
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates",
        verbose_name=_("merged into"),
    )
    # Made by the phone for each submission, so a retried or double-tapped post is stored once.
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Activity(models.Model):
    """An activity a group proposes in the closing round; the group chooses some of them."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="activities")
    perspective = models.CharField(_("perspective"), max_length=20, choices=Perspective.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=500, blank=True)
    serves = models.ManyToManyField(
        Contribution, blank=True, related_name="served_by", verbose_name=_("serves")
    )
    proposed_by = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    chosen = models.BooleanField(_("chosen"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Vote(models.Model):
    """The dots one participant put on one activity."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    dots = models.PositiveSmallIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["activity", "participant"], name="one_vote_row"),
        ]

    def __str__(self) -> str:
        return f"{self.dots} x {self.activity}"


class Reaction(models.Model):
    """What one participant says about a chosen activity while the groups share them."""

    class Kind(models.TextChoices):
        SUPPORT = "support", _("I support this")
        CONCERN = "concern", _("I have a concern")
        HELP = "help", _("We can help")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="reactions")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(_("reaction"), max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "participant", "kind"], name="one_reaction_of_a_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.activity}"


class WrongCode(models.Model):
    """A code typed that does not exist, by a hashed address (workshops/code_guessing.py);
    kept only as long as the window."""

    address = models.CharField(max_length=64)
    attempted_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["address", "attempted_at"])]

    def __str__(self) -> str:
        return f"{self.attempted_at:%Y-%m-%d %H:%M:%S}"
