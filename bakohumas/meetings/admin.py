from django.contrib import admin

from bakohumas.core.admin import ReadOnlyAdmin
from bakohumas.meetings.models import Invitee, Meeting


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["title", "organiser", "starts_at", "mode", "period", "status"]
    list_filter = ["status", "mode", "period"]
    list_select_related = ["organiser", "period"]
    search_fields = ["title", "organiser__name"]


@admin.register(Invitee)
class InviteeAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "office", "presence"]
    list_filter = ["presence"]
    list_select_related = ["meeting", "office"]
