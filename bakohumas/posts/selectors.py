"""Reads of posts and feeds, scoped to what the user may see. An office's operator and ketua
correct categories, import and manage feeds (the same people who keep its records); its pimpinan,
the province and KPU RI read; another province gets 404."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from bakohumas.offices.models import Office
from bakohumas.posts.models import Category, Feed, Post
from bakohumas.records.selectors import get_office_for_user, may_edit_records

__all__ = ["get_office_for_user", "get_post_for_user", "get_feed_for_user", "posts_for_office", "post_months",
           "category_counts", "feeds_for_office"]


def get_post_for_user(user, post_id: UUID) -> tuple[Post, bool]:
    post = get_object_or_404(Post.objects.visible_to(user).select_related("office"), id=post_id)
    return post, may_edit_records(user, post.office)


def get_feed_for_user(user, feed_id: UUID) -> tuple[Feed, bool]:
    feed = get_object_or_404(Feed.objects.visible_to(user).select_related("office"), id=feed_id)
    return feed, may_edit_records(user, feed.office)


def posts_for_office(office: Office, *, platform: str = "", category: str = "",
                     month: dt.date | None = None) -> QuerySet[Post]:
    """The office's posts, newest first, filtered; with channel and corrector for the list."""
    posts = Post.objects.filter(office=office).select_related("channel", "corrected_by")
    if platform:
        posts = posts.filter(platform=platform)
    if category:
        posts = posts.filter(category=category)
    if month:
        posts = posts.filter(published_at__year=month.year, published_at__month=month.month)
    return posts.order_by("-published_at", "url")


def post_months(office: Office) -> list[dt.date]:
    """Months in which the office posted, newest first (for the month filter)."""
    return [day.date() if isinstance(day, dt.datetime) else day
            for day in Post.objects.filter(office=office).dates("published_at", "month", order="DESC")]


def category_counts(posts: QuerySet[Post]) -> dict[str, int]:
    totals = posts.order_by().aggregate(
        total=Count("id"), informasi=Count("id", filter=Q(category=Category.INFORMATION)),
        seremonial=Count("id", filter=Q(category=Category.CEREMONIAL)))
    return {key: value or 0 for key, value in totals.items()}


def feeds_for_office(office: Office) -> QuerySet[Feed]:
    return Feed.objects.filter(office=office).select_related("channel").order_by("url")
