"""Staff users and their roles, their API keys, failed logins (for the lockout) and the
municipality's theme."""

from __future__ import annotations

import hashlib
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.colours import (
    MIN_TEXT_CONTRAST,
    WHITE,
    contrast_ratio,
    floor_ratio,
    is_hex_colour,
    normalise_hex,
)


class UserManager(DjangoUserManager["User"]):
    """Django's manager, except that a superuser (``createsuperuser``) is an administrator."""

    def create_superuser(
        self,
        username: str,
        email: str | None = None,
        password: str | None = None,
        **extra_fields: Any,
    ) -> User:
        extra_fields.setdefault("role", User.Role.ADMINISTRATOR)
        if extra_fields["role"] != User.Role.ADMINISTRATOR:
            raise ValueError("A superuser must have the administrator role.")
        return super().create_superuser(username, email, password, **extra_fields)

    async def acreate_superuser(
        self,
        username: str,
        email: str | None = None,
        password: str | None = None,
        **extra_fields: Any,
    ) -> User:
        extra_fields.setdefault("role", User.Role.ADMINISTRATOR)
        if extra_fields["role"] != User.Role.ADMINISTRATOR:
            raise ValueError("A superuser must have the administrator role.")
        return await super().acreate_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A staff member of the organisation. Participants in a workshop have no account.

    The role is the one source of truth for access: an administrator is ``is_staff`` and
    ``is_superuser`` (the Django admin, all of it); facilitators and observers are neither
    and work in the app's own pages. ``save()`` keeps the two flags in step with the role.
    """

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", _("Administrator")
        FACILITATOR = "facilitator", _("Facilitator")
        OBSERVER = "observer", _("Observer")

    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        default=Role.OBSERVER,
        help_text=_(
            "Administrators manage accounts, templates and the theme. Facilitators prepare "
            "and run workshops. Observers can only look."
        ),
    )

    objects: ClassVar[UserManager] = UserManager()

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.is_staff = self.is_superuser = self.is_administrator
        super().save(*args, **kwargs)

    @property
    def is_administrator(self) -> bool:
        return self.role == self.Role.ADMINISTRATOR

    @property
    def is_facilitator(self) -> bool:
        return self.role == self.Role.FACILITATOR

    @property
    def is_observer(self) -> bool:
        return self.role == self.Role.OBSERVER


FAILURE_USERNAME_LENGTH = 150


class LoginFailure(models.Model):
    """One failed login for a username (normalised), kept only as long as the lockout window."""

    username = models.CharField(_("username"), max_length=FAILURE_USERNAME_LENGTH)
    attempted_at = models.DateTimeField(_("attempted at"), db_index=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins")
        ordering = ["-attempted_at"]
        indexes = [models.Index(fields=["username", "attempted_at"])]

    def __str__(self) -> str:
        return f"{self.username} {self.attempted_at:%Y-%m-%d %H:%M:%S}"


hex_colour_validator = RegexValidator(
    r"\A#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})\Z",
    _("Enter a colour as # and six hexadecimal characters, for example #00703c."),
)

# The same defaults as static/css/tokens.css.
DEFAULT_ORGANISATION_NAME = "Samenspel"
DEFAULT_PRIMARY_COLOUR = "#01689b"
DEFAULT_PRIMARY_TEXT_COLOUR = "#ffffff"
DEFAULT_ACCENT_COLOUR = "#0b4f6c"
THEME_DEFAULTS = {
    "organisation_name": DEFAULT_ORGANISATION_NAME,
    "logo_alt": "",
    "primary_colour": DEFAULT_PRIMARY_COLOUR,
    "primary_text_colour": DEFAULT_PRIMARY_TEXT_COLOUR,
    "accent_colour": DEFAULT_ACCENT_COLOUR,
}


class ThemeManager(models.Manager["Theme"]):
    def current(self, *, with_logo: bool = False) -> Theme:
        """The saved theme (one small query), or the unsaved default when none was saved yet.

        The logo's bytes are only loaded when asked for.
        """
        queryset = self.get_queryset() if with_logo else self.defer("logo")
        return queryset.filter(pk=Theme.SINGLETON_PK).first() or Theme()


class Theme(models.Model):
    """The organisation's look: name, logo and colours. There is at most one row (pk 1).

    The logo lives in the database, not on a local disk, so every process and host serves it.
    """

    SINGLETON_PK = 1

    organisation_name = models.CharField(
        _("organisation name"), max_length=100, default=DEFAULT_ORGANISATION_NAME
    )
    logo = models.BinaryField(_("logo"), null=True, blank=True, editable=False)
    logo_content_type = models.CharField(
        _("logo content type"), max_length=50, blank=True, editable=False
    )
    logo_alt = models.CharField(
        _("logo text alternative"),
        max_length=200,
        blank=True,
        help_text=_(
            "For people who cannot see the logo. Leave it empty if the logo only shows "
            "the organisation name: the name is already next to it."
        ),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default=DEFAULT_PRIMARY_COLOUR,
        validators=[hex_colour_validator],
        help_text=_("Header and main buttons."),
    )
    primary_text_colour = models.CharField(
        _("text colour on the primary colour"),
        max_length=7,
        default=DEFAULT_PRIMARY_TEXT_COLOUR,
        validators=[hex_colour_validator],
        help_text=_("Usually white or black."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT_COLOUR,
        validators=[hex_colour_validator],
        help_text=_("Links and secondary buttons, on a white page."),
    )
    # The organisation's choice for its processing register (docs/privacy.md); a workshop
    # can set its own. `manage.py apply_retention` carries it out.
    retention_months = models.PositiveSmallIntegerField(
        _("keep participants' data (months)"), default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("After this many months from the workshop's date, the names and the link "
                    "to the phones are removed and hidden notes deleted. A workshop can set "
                    "its own period."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects: ClassVar[ThemeManager] = ThemeManager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("theme")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="accounts_theme_singleton"),
        ]

    def __str__(self) -> str:
        return self.organisation_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    def clean(self) -> None:
        for name in ("primary_colour", "primary_text_colour", "accent_colour"):
            value = getattr(self, name)
            if is_hex_colour(value):
                setattr(self, name, normalise_hex(value))
        errors: dict[str, ValidationError] = {}
        if is_hex_colour(self.primary_colour) and is_hex_colour(self.primary_text_colour):
            ratio = contrast_ratio(self.primary_colour, self.primary_text_colour)
            if ratio < MIN_TEXT_CONTRAST:
                errors["primary_text_colour"] = ValidationError(
                    _(
                        "Text in this colour is hard to read on the primary colour: the "
                        "contrast is %(ratio)s:1 and must be at least %(minimum)s:1. "
                        "Choose a darker or lighter colour."
                    ),
                    code="low_contrast",
                    params=_ratio_params(ratio),
                )
        if is_hex_colour(self.accent_colour):
            ratio = contrast_ratio(self.accent_colour, WHITE)
            if ratio < MIN_TEXT_CONTRAST:
                errors["accent_colour"] = ValidationError(
                    _(
                        "This colour is hard to read on a white page: the contrast is "
                        "%(ratio)s:1 and must be at least %(minimum)s:1. Choose a darker colour."
                    ),
                    code="low_contrast",
                    params=_ratio_params(ratio),
                )
        if errors:
            raise ValidationError(errors)

    @property
    def has_logo(self) -> bool:
        # The content type, not the (possibly deferred) bytes, so this costs no query.
        return bool(self.logo_content_type)

    @property
    def version(self) -> str:
        """Changes whenever the theme is saved: for ETags and cache-busting URLs."""
        if self.updated_at is None:
            return "0"
        return str(round(self.updated_at.timestamp() * 1_000_000))

    def is_default(self) -> bool:
        """True while nobody has chosen a name, logo or colours yet."""
        return not self.has_logo and all(
            getattr(self, name) == value for name, value in THEME_DEFAULTS.items()
        )


def _ratio_params(ratio: float) -> dict[str, str]:
    # In the reader's number format: "4,49" in Dutch.
    return {
        "ratio": number_format(floor_ratio(ratio), decimal_pos=2),
        "minimum": number_format(MIN_TEXT_CONTRAST, decimal_pos=1),
    }


class ApiToken(models.Model):
    """A staff member's personal key to the JSON API. The key is shown once, when it is made;
    only its SHA-256 hash is kept. A fast hash is enough because the key is 256 random bits
    (nothing to guess, unlike a password), and it lets a request find its key in one query."""

    PREFIX = "sst_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def hash_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


class AuditEntry(models.Model):
    """One thing a staff member did that changes what others see or take away: hiding,
    merging, opening a round, an export, a deletion. Names the object by its number only:
    never a participant's text (accounts/audit.py)."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("staff member"),
    )
    # Kept when the account goes: the log must still say who did it.
    username = models.CharField(_("username"), max_length=150)
    action = models.CharField(_("action"), max_length=80)
    target = models.CharField(_("what"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username}: {self.action} {self.target}"
