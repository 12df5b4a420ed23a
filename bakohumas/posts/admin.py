"""Posts and feeds in the Django admin, to look at only: writes go through `services.py` and
`feeds.py` (validated, audited; a correction must stay a staff correction)."""

from __future__ import annotations

from django.contrib import admin

from bakohumas.core.admin import ReadOnlyAdmin
from bakohumas.posts.models import Feed, Post


@admin.register(Post)
class PostAdmin(ReadOnlyAdmin):
    list_display = ["published_at", "platform", "account", "office", "category", "category_source", "source"]
    list_filter = ["platform", "category", "category_source", "source"]
    list_select_related = ["office"]
    search_fields = ["url", "account", "office__code"]
    date_hierarchy = "published_at"


@admin.register(Feed)
class FeedAdmin(ReadOnlyAdmin):
    list_display = ["url", "kind", "office", "last_fetched_at", "last_count", "last_error"]
    list_select_related = ["office"]
    search_fields = ["url", "office__code"]
