from django.contrib import admin

from bakohumas.followup.models import Action, Reminder


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["office", "due_period", "status", "done_on"]
    list_filter = ["status", "due_period"]
    search_fields = ["office__name", "text"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["office", "period", "channel", "sent_on", "sent_by"]
    list_filter = ["channel", "period"]
