"""The send confirmation page (GET of reports:submit; its POST is in core/tests/test_access.py),
requested by every role: only who may send the office's report sees it."""

from __future__ import annotations

import pytest

from bakohumas.access_testing import FORBIDDEN, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.reports.services import period_get_or_create, submission_start

pytestmark = pytest.mark.django_db

PAGES = {
    "reports:submit": ("get", "submission", row(FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)),
}


@pytest.fixture
def draft(kediri, operator):
    return submission_start(office=kediri, period=period_get_or_create("2025Q3"), actor=operator)


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, draft, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: [draft.id])


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, draft, name):
    check_anonymous(client, PAGES, name, lambda kind: [draft.id])
