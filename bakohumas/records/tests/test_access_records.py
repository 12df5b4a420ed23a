"""Every records page, requested by every role (same shape as bakohumas/core/tests/test_access.py).
The office's operator and ketua write; its pimpinan, the province and KPU RI read (403 on writes);
another province sees nothing (404)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bakohumas.access_testing import FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.records.tests.conftest import PDF

pytestmark = pytest.mark.django_db

VIEW = row(OK, OK, OK, OK, MISSING, OK)
STAFF_PAGE = row(OK, OK, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)
STAFF_POST = row(FOUND, FOUND, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)

PAGES = {
    "records:channel_list": ("get", "office", VIEW),
    "records:channel_create": ("get", "office", STAFF_PAGE),
    "records:channel_edit": ("get", "channel", STAFF_PAGE),
    "records:channel_delete": ("get", "channel", STAFF_PAGE),
    "records:partnership_list": ("get", "office", VIEW),
    "records:partnership_create": ("get", "office", STAFF_PAGE),
    "records:partnership_detail": ("get", "partnership", VIEW),
    "records:partnership_edit": ("get", "partnership", STAFF_PAGE),
    "records:partnership_delete": ("get", "partnership", STAFF_PAGE),
    "records:partnership_document": ("get", "partnership", VIEW),
    "records:activity_list": ("get", "office", VIEW),
    "records:activity_create": ("get", "office", STAFF_PAGE),
    "records:activity_edit": ("get", "activity", STAFF_PAGE),
    "records:activity_delete": ("get", "activity", STAFF_PAGE),
    "records:import": ("get", "office", STAFF_PAGE),
    "records:import_confirm": ("post", "office", STAFF_POST),  # no pending import: back to the form
    "records:channel_map": ("get", "province", row(MISSING, MISSING, MISSING, OK, MISSING, OK)),
}


@pytest.fixture
def fixtures(kediri, make_channel, make_partnership, make_activity):
    partnership = make_partnership(kediri, "media", dt.date(2025, 1, 2), dt.date(2026, 1, 1),
                                   document=SimpleUploadedFile("mou.pdf", PDF))
    return {
        "channel": make_channel(kediri),
        "partnership": partnership,
        "activity": make_activity(kediri, dt.date(2025, 5, 1), partnership=partnership),
    }


def _args(kind: str, fx: dict) -> list:
    return {"office": ["3571"], "province": ["35"], "channel": [fx["channel"].id],
            "partnership": [fx["partnership"].id], "activity": [fx["activity"].id]}[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, fixtures, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: _args(kind, fixtures))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, fixtures, name):
    check_anonymous(client, PAGES, name, lambda kind: _args(kind, fixtures))


@pytest.mark.parametrize("name", ["records:channel_create", "records:partnership_create", "records:activity_create",
                                  "records:import"])
def test_read_only_roles_cannot_write_by_posting(client, users, fixtures, name):
    from django.urls import reverse

    for role, status in (("pimpinan", FORBIDDEN), ("evaluator", FORBIDDEN), ("national", FORBIDDEN),
                         ("outsider", MISSING)):
        client.force_login(users[role])
        assert client.post(reverse(name, args=["3571"]), {"handle": "x"}).status_code == status, role


def test_edits_by_read_only_roles_are_refused(client, users, fixtures):
    from django.urls import reverse

    for name, kind in (("records:channel_edit", "channel"), ("records:partnership_edit", "partnership"),
                       ("records:activity_edit", "activity")):
        for role, status in (("pimpinan", FORBIDDEN), ("evaluator", FORBIDDEN), ("outsider", MISSING)):
            client.force_login(users[role])
            assert client.post(reverse(name, args=_args(kind, fixtures)), {}).status_code == status, (name, role)


def test_the_channel_map_of_a_kab_kota_does_not_exist(client, users):
    from django.urls import reverse

    client.force_login(users["national"])
    assert client.get(reverse("records:channel_map", args=["3571"])).status_code == MISSING
    assert client.get(reverse("records:channel_map", args=["ID"])).status_code == OK
