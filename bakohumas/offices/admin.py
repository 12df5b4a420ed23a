from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from bakohumas.offices.models import Office, PositionTerm, User


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "operators_may_submit"]
    list_filter = ["level"]
    search_fields = ["code", "name"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "office", "role", "is_active"]
    list_filter = ["role", "is_active"]
    autocomplete_fields = ["office"]
    # Django's UserAdmin always sets fieldsets; the stubs type the attribute as optional.
    fieldsets = (*(BaseUserAdmin.fieldsets or ()), ("Bakohumas", {"fields": ("office", "role", "phone")}))


@admin.register(PositionTerm)
class PositionTermAdmin(admin.ModelAdmin):
    list_display = ["office", "position", "holder_name", "started_on", "ended_on"]
    list_filter = ["position"]
    autocomplete_fields = ["office"]
