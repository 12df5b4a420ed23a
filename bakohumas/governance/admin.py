from django.contrib import admin

from bakohumas.governance.models import PlannedPost


@admin.register(PlannedPost)
class PlannedPostAdmin(admin.ModelAdmin):
    list_display = ("planned_on", "office", "platform", "topic", "status")
    list_filter = ("status", "platform")
    search_fields = ("topic", "office__name", "office__code")
    raw_id_fields = ("office", "created_by")
