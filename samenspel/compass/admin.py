"""Administrators correct cases here; answers are read-only (they are what respondents said)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from samenspel.compass.models import Answer, Assessment, Case


class AssessmentInline(admin.TabularInline[Assessment, Case]):
    model = Assessment
    extra = 0
    fields = ["date", "code", "is_open"]
    readonly_fields = ["code"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin[Case]):
    list_display = ["title", "area", "theme", "owner", "date"]
    list_filter = ["owner", "theme"]
    search_fields = ["title", "description", "area"]
    fields = ["title", "description", "area", "theme", "date", "owner"]
    inlines = [AssessmentInline]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin[Answer]):
    list_display = ["assessment", "perspective", "lead", "created_at"]
    list_filter = ["perspective"]
    fields = ["assessment", "perspective", "roles", "lead", "created_at"]
    readonly_fields = ["assessment", "perspective", "roles", "lead", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Answer | None = None) -> bool:
        return False
