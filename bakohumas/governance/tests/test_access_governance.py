"""Every governance page, requested by every role (same shape as bakohumas/core/tests/test_access.py).
Everyone who sees an office reads its pages; its operator and ketua plan its posts (403 for the
other roles); another province sees nothing (404); a kab/kota has no region page (404)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from bakohumas.access_testing import FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.governance.services import planned_post_create

pytestmark = pytest.mark.django_db

VIEW = row(OK, OK, OK, OK, MISSING, OK)
STAFF_PAGE = row(OK, OK, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)
REGION = row(MISSING, MISSING, MISSING, OK, MISSING, OK)

PAGES = {
    "governance:office": ("get", "office", VIEW),
    "governance:region": ("get", "province", REGION),
    "governance:network": ("get", "office", VIEW),
    "governance:calendar": ("get", "office", VIEW),
    "governance:plan_create": ("get", "office", STAFF_PAGE),
    "governance:plan_edit": ("get", "plan", STAFF_PAGE),
}


@pytest.fixture
def fixtures(kediri, make_channel, make_post):
    make_channel(kediri, "instagram", "@kpukotakediri")
    make_post(kediri, dt.date(2025, 5, 2), mentions=["kpujatim"])
    plan = planned_post_create(office=kediri, actor=None, data={
        "planned_on": dt.date(2025, 8, 17), "platform": "instagram", "topic": "Cek DPT online"})
    return {"plan": plan}


def _args(kind: str, fx: dict) -> list:
    return {"office": ["3571"], "province": ["35"], "plan": [fx["plan"].id]}[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, fixtures, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: _args(kind, fixtures))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, fixtures, name):
    check_anonymous(client, PAGES, name, lambda kind: _args(kind, fixtures))


def test_read_only_roles_cannot_plan_by_posting(client, users, fixtures):
    data = {"planned_on": "2025-08-18", "platform": "instagram", "topic": "x", "status": "direncanakan"}
    for role, status in (("pimpinan", FORBIDDEN), ("evaluator", FORBIDDEN), ("national", FORBIDDEN),
                         ("outsider", MISSING)):
        client.force_login(users[role])
        assert client.post(reverse("governance:plan_create", args=["3571"]), data).status_code == status, role
        edit = reverse("governance:plan_edit", args=[fixtures["plan"].id])
        assert client.post(edit, data).status_code == status, role


def test_a_kab_kota_has_no_region_page_but_the_nation_has(client, users, fixtures):
    client.force_login(users["national"])
    assert client.get(reverse("governance:region", args=["3571"])).status_code == MISSING
    assert client.get(reverse("governance:region", args=["ID"])).status_code == OK


def test_province_pages_cover_the_province(client, users, fixtures):
    client.force_login(users["evaluator"])
    for name in ("governance:office", "governance:network", "governance:calendar"):
        assert client.get(reverse(name, args=["35"])).status_code == OK
    client.force_login(users["operator"])
    assert client.get(reverse("governance:network", args=["35"])).status_code == MISSING


def test_bad_parameters_are_refused(client, users, fixtures):
    client.force_login(users["operator"])
    assert client.get(reverse("governance:office", args=["3571"]), {"periode": "2025Q9"}).status_code == MISSING
    assert client.get(reverse("governance:network", args=["3571"]), {"platform": "fax"}).status_code == MISSING
    # the calendar shows this month instead, with the reason (test_calendar.py)
    assert client.get(reverse("governance:calendar", args=["3571"]), {"bulan": "agustus"}).status_code == 400
    assert FOUND  # (imported for symmetry with the other tables)
