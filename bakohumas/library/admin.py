from django.contrib import admin

from bakohumas.library.models import ApplicationEvent, CatalogueRecord, IsbnApplication, Item


class ItemInline(admin.TabularInline):
    model = Item
    extra = 0


@admin.register(CatalogueRecord)
class CatalogueRecordAdmin(admin.ModelAdmin):
    list_display = ["title", "office", "year", "document_type", "deleted_at"]
    list_filter = ["document_type", "election"]
    search_fields = ["title"]
    inlines = [ItemInline]


class EventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0


@admin.register(IsbnApplication)
class IsbnApplicationAdmin(admin.ModelAdmin):
    list_display = ["record", "office", "status", "isbn"]
    list_filter = ["status"]
    inlines = [EventInline]
