"""Every posts page, requested by every role (same shape as bakohumas/core/tests/test_access.py).
The office's operator and ketua write; its pimpinan, the province and KPU RI read (403 on writes);
another province sees nothing (404)."""

from __future__ import annotations

import datetime as dt

import pytest

from bakohumas.access_testing import FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.posts.feeds import feed_create
from bakohumas.posts.services import post_upsert

pytestmark = pytest.mark.django_db

VIEW = row(OK, OK, OK, OK, MISSING, OK)
STAFF_PAGE = row(OK, OK, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)
STAFF_POST = row(FOUND, FOUND, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)

PAGES = {
    "posts:post_list": ("get", "office", VIEW),
    "posts:post_correct": ("post", "post", STAFF_POST),
    "posts:import": ("get", "office", STAFF_PAGE),
    "posts:import_confirm": ("post", "office", STAFF_POST),  # no pending import: back to the form
    "posts:feed_list": ("get", "office", VIEW),
    "posts:feed_fetch": ("post", "office", STAFF_POST),
    "posts:feed_delete": ("post", "feed", STAFF_POST),
}


@pytest.fixture
def fixtures(kediri, private_feeds):
    post = post_upsert(office=kediri, platform="instagram", account="kpukotakediri",
                       url="https://www.instagram.com/p/A1/", published_at=dt.datetime(2025, 7, 1, tzinfo=dt.UTC),
                       text="Jadwal coklit", source="csv")
    feed = feed_create(office=kediri, url="http://127.0.0.1:9/rss", kind="feed", actor=None)
    return {"post": post, "feed": feed}


def _args(kind: str, fx: dict) -> list:
    return {"office": ["3571"], "post": [fx["post"].id], "feed": [fx["feed"].id]}[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, fixtures, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: _args(kind, fixtures))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, fixtures, name):
    check_anonymous(client, PAGES, name, lambda kind: _args(kind, fixtures))


@pytest.mark.parametrize("name", ["posts:import", "posts:feed_list"])
def test_read_only_roles_cannot_write_by_posting(client, users, fixtures, name):
    from django.urls import reverse

    for role, status in (("pimpinan", FORBIDDEN), ("evaluator", FORBIDDEN), ("national", FORBIDDEN),
                         ("outsider", MISSING)):
        client.force_login(users[role])
        assert client.post(reverse(name, args=["3571"]), {"url": "https://example.org/rss"}).status_code == status
