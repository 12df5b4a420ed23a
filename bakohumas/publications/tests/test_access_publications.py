"""Every publications page, requested by every role (same shape as bakohumas/core/tests/test_access.py).
The office's operator and ketua write (only the ketua approves); its pimpinan, the province and KPU
RI read (403 on writes); another province sees nothing (404)."""

from __future__ import annotations

import datetime as dt

import pytest

from bakohumas.access_testing import FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row

pytestmark = pytest.mark.django_db

VIEW = row(OK, OK, OK, OK, MISSING, OK)
STAFF_PAGE = row(OK, OK, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)
STAFF_POST = row(FOUND, FOUND, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)
KETUA_POST = row(FORBIDDEN, FOUND, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)

PAGES = {
    "publications:activity_sop": ("get", "activity", VIEW),
    "publications:sop_mark": ("post", "step", STAFF_POST),
    "publications:sop_overview": ("get", "province", row(MISSING, MISSING, MISSING, OK, MISSING, OK)),
    "publications:office_sop": ("get", "office", VIEW),
    "publications:output_create": ("get", "activity", STAFF_PAGE),
    "publications:output_check": ("post", "activity", row(OK, OK, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)),
    "publications:output_detail": ("get", "output", VIEW),
    "publications:output_edit": ("get", "output", STAFF_PAGE),
    "publications:output_submit": ("post", "output", STAFF_POST),
    "publications:output_approve": ("post", "output", KETUA_POST),
    "publications:output_return": ("post", "output", KETUA_POST),
    "publications:output_publish": ("get", "output", STAFF_PAGE),
}


@pytest.fixture
def fixtures(kediri, operator, make_activity, make_output):
    activity = make_activity(kediri, dt.date(2025, 5, 1), "siaran_langsung")
    return {"activity": activity, "output": make_output(activity, operator)}


def _args(kind: str, fx: dict) -> list:
    return {"province": ["35"], "office": ["3571"], "activity": [fx["activity"].id], "output": [fx["output"].id],
            "step": [fx["activity"].id, "uji_teknis"]}[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, fixtures, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: _args(kind, fixtures))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, fixtures, name):
    check_anonymous(client, PAGES, name, lambda kind: _args(kind, fixtures))


@pytest.mark.parametrize("name", ["publications:output_create", "publications:output_edit",
                                  "publications:output_publish"])
def test_read_only_roles_cannot_write_by_posting(client, users, fixtures, name):
    from django.urls import reverse

    kind = PAGES[name][1]
    for role, status in (("pimpinan", FORBIDDEN), ("evaluator", FORBIDDEN), ("national", FORBIDDEN),
                         ("outsider", MISSING)):
        client.force_login(users[role])
        response = client.post(reverse(name, args=_args(kind, fixtures)), {"title": "x", "url": "https://x.id/"})
        assert response.status_code == status, role
