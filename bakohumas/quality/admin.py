from django.contrib import admin

from bakohumas.quality.models import QualityStandard


@admin.register(QualityStandard)
class QualityStandardAdmin(admin.ModelAdmin):
    """Read-only: changes go through /standar-mutu/ubah/ so they are validated and audited."""

    list_display = ("scope", "updated_at", "updated_by")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
