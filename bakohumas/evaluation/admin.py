from django.contrib import admin

from bakohumas.evaluation.models import Indicator


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["order", "code", "name", "kind", "polarity", "is_active"]
    list_editable = ["is_active"]
