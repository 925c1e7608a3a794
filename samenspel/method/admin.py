"""Administrators edit and copy workshop templates here."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samenspel.method import services
from samenspel.method.models import Prompt, PromptText, Round, WorkshopTemplate


class RoundInline(admin.StackedInline[Round, WorkshopTemplate]):
    model = Round
    extra = 0
    show_change_link = True
    fields = [
        "number", "kind", "title_nl", "title_en", "intro_nl", "intro_en",
        "activities_per_perspective",
    ]


@admin.action(description=_("Copy the selected templates"))
def copy_templates(
    modeladmin: admin.ModelAdmin[WorkshopTemplate],
    request: HttpRequest,
    queryset: QuerySet[WorkshopTemplate],
) -> None:
    copies = [services.copy_template(template) for template in queryset]
    modeladmin.message_user(
        request,
        ngettext("%(count)d template copied.", "%(count)d templates copied.", len(copies))
        % {"count": len(copies)},
        messages.SUCCESS,
    )


@admin.register(WorkshopTemplate)
class WorkshopTemplateAdmin(admin.ModelAdmin[WorkshopTemplate]):
    list_display = ["title_nl", "is_default", "updated_at"]
    search_fields = ["title_nl", "title_en"]
    actions = [copy_templates]
    inlines = [RoundInline]


class PromptInline(admin.StackedInline[Prompt, Round]):
    model = Prompt
    extra = 0
    show_change_link = True
    fields = ["position", "kind", "label_nl", "label_en", "links_to"]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin[Round]):
    list_display = ["__str__", "template", "kind"]
    list_filter = ["template"]
    inlines = [PromptInline]


class PromptTextInline(admin.StackedInline[PromptText, Prompt]):
    model = PromptText
    extra = 0
    max_num = 3


@admin.register(Prompt)
class PromptAdmin(admin.ModelAdmin[Prompt]):
    list_display = ["__str__", "round", "kind", "links_to"]
    list_filter = ["round__template", "kind"]
    inlines = [PromptTextInline]
