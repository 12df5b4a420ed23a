from django.contrib import admin

from bakohumas.records.models import Activity, Channel, Partnership


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["handle", "kind", "office", "active_since", "active_until"]
    list_filter = ["kind"]
    search_fields = ["handle", "office__code"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["partner_name", "partner_type", "form", "office", "signed_on", "valid_until"]
    list_filter = ["partner_type", "form"]
    search_fields = ["partner_name", "office__code"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "office", "held_on", "non_budget"]
    list_filter = ["kind", "non_budget"]
    search_fields = ["title", "office__code"]
