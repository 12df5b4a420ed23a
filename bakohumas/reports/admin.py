from django.contrib import admin

from bakohumas.reports.models import Element, ElementRule, FormVersion, Period


class ElementInline(admin.TabularInline):
    model = Element
    extra = 0


class RuleInline(admin.TabularInline):
    model = ElementRule
    extra = 0


@admin.register(FormVersion)
class FormVersionAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "is_active"]
    inlines = [ElementInline, RuleInline]


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["code", "start", "end", "deadline", "entry_closed"]
