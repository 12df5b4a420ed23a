"""Outputs and SOP ticks in the Django admin, to look at only: writes go through `services.py`
(permissions, workflow, audit)."""

from __future__ import annotations

from django.contrib import admin

from bakohumas.core.admin import ReadOnlyAdmin
from bakohumas.publications.models import ChecklistMark, Output


@admin.register(Output)
class OutputAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "status", "office", "published_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["office"]
    search_fields = ["title", "published_url", "office__code"]


@admin.register(ChecklistMark)
class ChecklistMarkAdmin(ReadOnlyAdmin):
    list_display = ["activity", "step", "done_by", "done_at"]
    list_select_related = ["activity", "done_by"]
    search_fields = ["step", "activity__title"]
