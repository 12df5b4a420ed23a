from django.contrib import admin

from bakohumas.core.admin import ReadOnlyAdmin
from bakohumas.followup.models import Action, Reminder


@admin.register(Action)
class ActionAdmin(ReadOnlyAdmin):
    list_display = ["office", "due_period", "status", "done_on"]
    list_filter = ["status", "due_period"]
    list_select_related = ["office", "due_period"]
    search_fields = ["office__name", "text"]


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ["office", "period", "channel", "sent_on", "sent_by"]
    list_filter = ["channel", "period"]
    list_select_related = ["office", "period", "sent_by"]
