"""The records in the Django admin, to look at only: every write goes through `services.py`, which
validates and leaves an audit row, so the admin neither adds, changes nor deletes."""

from __future__ import annotations

from django.contrib import admin
from django.db import models

from bakohumas.core.admin import ReadOnlyAdmin
from bakohumas.records.models import Activity, Channel, Partnership


class RecordAdmin(ReadOnlyAdmin):
    list_select_related = ["office"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Channel)
class ChannelAdmin(RecordAdmin):
    list_display = ["handle", "kind", "office", "active_since", "active_until"]
    list_filter = ["kind"]
    search_fields = ["handle", "office__code"]


@admin.register(Partnership)
class PartnershipAdmin(RecordAdmin):
    list_display = ["partner_name", "partner_type", "form", "office", "signed_on", "valid_until"]
    list_filter = ["partner_type", "form"]
    search_fields = ["partner_name", "office__code"]


@admin.register(Activity)
class ActivityAdmin(RecordAdmin):
    list_display = ["title", "kind", "office", "held_on", "non_budget"]
    list_filter = ["kind", "non_budget"]
    search_fields = ["title", "office__code"]
