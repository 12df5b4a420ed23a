"""The page of values that differ from their suggestion, requested by every role (same shape as
bakohumas/core/tests/test_access.py): the province and KPU RI see it; kab/kota and outsiders get 404."""

from __future__ import annotations

import pytest

from bakohumas.access_testing import MISSING, OK, ROLES, check_anonymous, check_role, row

pytestmark = pytest.mark.django_db

PAGES = {
    "reports:overrides": ("get", "province_period", row(MISSING, MISSING, MISSING, OK, MISSING, OK)),
}


@pytest.fixture
def report(make_report):
    return make_report("3571", "2025Q2")


def _args(kind: str) -> list:
    return {"province_period": ["35", "2025Q2"]}[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, report, name, role):
    check_role(client, PAGES, name, users[role], role, _args)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, report, name):
    check_anonymous(client, PAGES, name, _args)
