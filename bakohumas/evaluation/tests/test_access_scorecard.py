"""The scorecard, the national dashboard and the evaluator's edits, requested by every role. An office sees only its own
scorecard (another office's is a 404); the national dashboard is KPU RI's."""

from __future__ import annotations

import pytest

from bakohumas.access_testing import FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db

PAGES = {
    "evaluation:scorecard": ("get", "office_period", row(OK, OK, OK, OK, MISSING, OK)),
    "evaluation:scorecard_latest": ("get", "office", row(FOUND, FOUND, FOUND, FOUND, MISSING, FOUND)),
    "evaluation:national": ("get", "period", row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)),
    # The evaluator's edits of a province's evaluation: its evaluators and KPU RI save (and go back to the page).
    "evaluation:edit": ("post", "province_period", row(MISSING, MISSING, MISSING, FOUND, MISSING, FOUND)),
}


def _args(kind: str) -> list:
    period_get_or_create("2025Q2")
    return {"office_period": ["3571", "2025Q2"], "office": ["3571"], "period": ["2025Q2"],
            "province_period": ["35", "2025Q2"]}[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, make_report, name, role):
    make_report("3571", "2025Q2")
    check_role(client, PAGES, name, users[role], role, _args)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, name):
    check_anonymous(client, PAGES, name, _args)
