from django.contrib import admin

from bakohumas.ppid.models import DipEntry, ExemptEntry, NonWorkingDay, RuleSet


@admin.register(RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    """KPU RI adds a new version of a rule set here; requests keep the version they were computed with."""

    list_display = ("code", "version", "notice_days", "extension_days", "objection_filing_days",
                    "objection_answer_days", "is_active")


@admin.register(NonWorkingDay)
class NonWorkingDayAdmin(admin.ModelAdmin):
    # Adding here does not recompute deadlines: use the PPID page (it calls the service).
    list_display = ("date", "reason", "office")
    readonly_fields = ("created_by",)


admin.site.register(DipEntry)
admin.site.register(ExemptEntry)
