"""The Django admin for staff users, failed logins and the (single) theme.

The admin's login uses the same lockout as the staff login page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.colours import WHITE, contrast_ratio, floor_ratio, is_hex_colour
from samenspel.accounts.forms import (
    StaffAdminLoginForm,
    ThemeAdminForm,
    UserChangeForm,
    UserCreationForm,
)
from samenspel.accounts.models import AuditEntry, LoginFailure, Theme, User

admin.site.login_form = StaffAdminLoginForm
admin.site.site_header = _("Samenspel management")
admin.site.site_title = _("Samenspel management")
admin.site.index_title = _("Management")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):  # type: ignore[type-arg]
    form = UserChangeForm
    add_form = UserCreationForm
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Access"), {"fields": ("role", "is_active")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "role", "usable_password", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
    list_display = ("username", "first_name", "last_name", "email", "role", "is_active")
    list_filter = ("role", "is_active")
    filter_horizontal = ()


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin[LoginFailure]):
    """Read-only; deleting an account's failures lifts its lockout."""

    list_display = ("username", "attempted_at", "ip_address")
    search_fields = ("username",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: LoginFailure | None = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    """Read-only, also for administrators: a log nobody can rewrite from the site."""

    list_display = ("at", "username", "action", "target")
    list_filter = ("action",)
    search_fields = ("username", "action", "target")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin[Theme]):
    """One theme: the list goes straight to it; it can be changed but not added twice or deleted."""

    form = ThemeAdminForm
    fieldsets = (
        (None, {"fields": ("organisation_name",)}),
        (_("Logo"), {"fields": ("current_logo", "logo_upload", "remove_logo", "logo_alt")}),
        (
            _("Colours"),
            {"fields": ("primary_colour", "primary_text_colour", "accent_colour", "contrast")},
        ),
    )
    readonly_fields = ("current_logo", "contrast")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not Theme.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Theme | None = None) -> bool:
        return False

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if Theme.objects.exists():
            url = reverse("admin:accounts_theme_change", args=[Theme.SINGLETON_PK])
        else:
            url = reverse("admin:accounts_theme_add")
        return HttpResponseRedirect(url)

    @admin.display(description=_("Current logo"))
    def current_logo(self, theme: Theme) -> str:
        if not theme.has_logo:
            return str(_("No logo yet."))
        return format_html(
            '<img src="{}?v={}" alt="{}" height="80">',
            reverse("accounts:theme_logo"),
            theme.version,
            theme.logo_alt,
        )

    @admin.display(description=_("Contrast"))
    def contrast(self, theme: Theme) -> str:
        colours = (theme.primary_colour, theme.primary_text_colour, theme.accent_colour)
        if not all(is_hex_colour(colour) for colour in colours):
            return "-"
        text = contrast_ratio(theme.primary_colour, theme.primary_text_colour)
        accent = contrast_ratio(theme.accent_colour, WHITE)
        return str(
            _("Text on the primary colour: %(text)s:1. Accent colour on white: %(accent)s:1.")
            % {
                "text": number_format(floor_ratio(text), decimal_pos=2),
                "accent": number_format(floor_ratio(accent), decimal_pos=2),
            }
        )
