"""The media library in the Django admin, to look at only (writes go through `services.py`)."""

from __future__ import annotations

from django.contrib import admin

from bakohumas.core.admin import ReadOnlyAdmin
from bakohumas.media.models import Derivative, MediaFile, UploadSession


@admin.register(MediaFile)
class MediaFileAdmin(ReadOnlyAdmin):
    list_display = ["original_name", "kind", "grade", "score", "office", "activity", "created_at"]
    list_filter = ["kind", "grade"]
    list_select_related = ["office", "activity"]
    search_fields = ["original_name", "caption", "credit", "office__code", "sha256"]


@admin.register(Derivative)
class DerivativeAdmin(ReadOnlyAdmin):
    list_display = ["media", "preset", "width", "height", "bytes"]
    list_filter = ["preset"]
    list_select_related = ["media"]


@admin.register(UploadSession)
class UploadSessionAdmin(ReadOnlyAdmin):
    list_display = ["filename", "user", "activity", "received", "total_size", "updated_at"]
    list_select_related = ["user", "activity"]
