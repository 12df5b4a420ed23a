"""Every follow-up page, requested by every role (same shape as bakohumas/core/tests/test_access.py).
Offices see and update their own actions; the province and KPU RI agree actions and remind."""

from __future__ import annotations

import pytest

from bakohumas.access_testing import BAD, FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.followup.services import action_create
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db

OVERSIGHT = row(MISSING, MISSING, MISSING, OK, MISSING, OK)

PAGES = {
    "followup:office_actions": ("get", "office", row(OK, OK, OK, OK, MISSING, OK)),
    "followup:action_add": ("post", "office", row(FORBIDDEN, FORBIDDEN, FORBIDDEN, BAD, MISSING, BAD)),
    "followup:action_progress": ("post", "action", row(BAD, BAD, FORBIDDEN, BAD, MISSING, BAD)),
    "followup:region_actions": ("get", "province_period", OVERSIGHT),
    "followup:reminders": ("get", "province_period", OVERSIGHT),
    "followup:reminders_send": ("post", "province_period", row(MISSING, MISSING, MISSING, FOUND, MISSING, FOUND)),
    "followup:reminder_whatsapp": ("post", "reminder_office", row(MISSING, MISSING, MISSING, BAD, MISSING, BAD)),
}


@pytest.fixture
def action(kediri):
    return action_create(office=kediri, text="Mulai podcast.", due_period=period_get_or_create("2025Q3"), actor=None)


def _args(kind: str, action) -> list:
    period_get_or_create("2025Q2")
    return {
        "office": ["3571"], "action": [action.id], "province_period": ["35", "2025Q2"],
        "reminder_office": ["35", "2025Q2", "3571"],
    }[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, action, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: _args(kind, action))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, action, name):
    check_anonymous(client, PAGES, name, lambda kind: _args(kind, action))
