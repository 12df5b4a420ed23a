"""Posts made directly (the posts importers belong to another area) and planned posts."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest

from bakohumas.posts.models import Post

WIB = ZoneInfo("Asia/Jakarta")
_numbers = itertools.count(1)


def wib(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture
def make_post(db):
    def make(office, when: dt.datetime | dt.date, platform: str = "instagram", account: str = "kpukotakediri", *,
             category: str = "informasi", mentions: list[str] | None = None, **extra) -> Post:
        if not isinstance(when, dt.datetime):
            when = dt.datetime.combine(when, dt.time(10), tzinfo=WIB)
        return Post.objects.create(
            office=office, platform=platform, account=account, published_at=when,
            url=extra.pop("url", f"https://example.org/{platform}/{account}/{next(_numbers)}"),
            text=extra.pop("text", "Jadwal pemutakhiran data pemilih"), category=category,
            category_reason="uji", category_source=Post.CategorySource.RULES, source=Post.Source.CSV,
            mentions=mentions or [], **extra)
    return make
