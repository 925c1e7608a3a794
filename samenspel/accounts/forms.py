"""The staff login form with the lockout, the form that names a new API key, and the admin's
forms for users and the theme."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_variables

from samenspel.accounts import lockout
from samenspel.accounts.logos import MAX_LOGO_BYTES, sniff_logo_type
from samenspel.accounts.models import Theme, User
from samenspel.core.forms import NLDesignForm


class StaffLoginForm(auth_forms.AuthenticationForm):
    """Django's login form plus the lockout of lockout.py.

    After a refused login, ``locked_until`` says until when the account is locked (or None).
    """

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _(
            "The username or password is not right. Check both and try again. "
            "Capital letters count."
        ),
    }

    def __init__(self, request: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.locked_until: datetime | None = None

    @sensitive_variables()
    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            return self.cleaned_data
        # A locked account is refused before its password is checked, and not counted.
        self.locked_until = lockout.locked_until(username)
        if self.locked_until is not None:
            raise self.get_locked_out_error(self.locked_until)
        try:
            cleaned_data = super().clean()
        except ValidationError:
            # Only a failed authentication counts, not a right password for an account
            # this form refuses (in the admin: one without staff access).
            if self.user_cache is None:
                lockout.record_failure(username, self.request)
                self.locked_until = lockout.locked_until(username)
                if self.locked_until is not None:  # that was the last attempt allowed
                    raise self.get_locked_out_error(self.locked_until) from None
            raise
        lockout.clear_failures(username)
        return cleaned_data

    def get_locked_out_error(self, until: datetime) -> ValidationError:
        minutes = max(1, math.ceil((until - lockout.clock()).total_seconds() / 60))
        return ValidationError(
            ngettext(
                "Too many failed attempts. Try again in %(minutes)d minute.",
                "Too many failed attempts. Try again in %(minutes)d minutes.",
                minutes,
            ),
            code="locked_out",
            params={"minutes": minutes},
        )


class StaffAdminLoginForm(StaffLoginForm, AdminAuthenticationForm):
    """The admin's login form (staff accounts only) with the same lockout."""

    error_messages = AdminAuthenticationForm.error_messages


class UserCreationForm(auth_forms.AdminUserCreationForm[User]):
    class Meta(auth_forms.AdminUserCreationForm.Meta):
        model = User
        fields = ("username", "role")


class UserChangeForm(auth_forms.UserChangeForm[User]):
    class Meta(auth_forms.UserChangeForm.Meta):
        model = User


class ThemeAdminForm(forms.ModelForm[Theme]):
    """The theme, with the logo as an upload that is checked and stored in the database."""

    logo_upload = forms.FileField(
        label=_("New logo"),
        required=False,
        help_text=_("A PNG, JPEG or SVG image of at most 200 KB."),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = Theme
        fields = [
            "organisation_name",
            "logo_alt",
            "primary_colour",
            "primary_text_colour",
            "accent_colour",
            "retention_months",
        ]

    def clean_logo_upload(self) -> UploadedFile[bytes] | None:
        upload: UploadedFile[bytes] | None = self.cleaned_data.get("logo_upload")
        if not upload:
            return None
        if upload.size is not None and upload.size > MAX_LOGO_BYTES:
            raise ValidationError(
                _("This file is %(size)s. A logo may be at most %(maximum)s."),
                code="too_large",
                params={
                    "size": filesizeformat(upload.size),
                    "maximum": filesizeformat(MAX_LOGO_BYTES),
                },
            )
        upload.seek(0)
        data = upload.read(MAX_LOGO_BYTES + 1)
        if len(data) > MAX_LOGO_BYTES:
            raise ValidationError(
                _("This file is larger than %(maximum)s. Choose a smaller file."),
                code="too_large",
                params={"maximum": filesizeformat(MAX_LOGO_BYTES)},
            )
        content_type = sniff_logo_type(data)
        if content_type is None:
            raise ValidationError(
                _("This file is not a PNG, JPEG or SVG image. Choose another file."),
                code="wrong_type",
            )
        self.logo_data = data
        self.logo_content_type = content_type
        return upload

    def clean(self) -> dict[str, Any]:
        super().clean()
        if self.cleaned_data.get("logo_upload") and self.cleaned_data.get("remove_logo"):
            raise ValidationError(
                _("Choose a new logo or remove the logo, not both."), code="logo_conflict"
            )
        return self.cleaned_data

    def save(self, commit: bool = True) -> Theme:
        theme = super().save(commit=False)
        if self.cleaned_data.get("logo_upload"):
            theme.logo = self.logo_data
            theme.logo_content_type = self.logo_content_type
        elif self.cleaned_data.get("remove_logo"):
            theme.logo = None
            theme.logo_content_type = ""
        if commit:
            theme.save()
        return theme


class ApiTokenForm(NLDesignForm):
    name = forms.CharField(
        label=_("Name of the key"),
        max_length=100,
        help_text=_("So you know it again later, for example: reporting script."),
        error_messages={"required": _("Give the key a name.")},
    )
