"""Everyone manages their own account; the roles that must use 2FA may not switch it off."""

from __future__ import annotations

import pytest

from bakohumas.access_testing import FORBIDDEN, FOUND, OK, ROLES, check_anonymous, check_role, row

pytestmark = pytest.mark.django_db

EVERYONE = row(OK, OK, OK, OK, OK, OK)

PAGES = {
    "accounts:index": ("get", "none", EVERYONE),
    "accounts:setup": ("get", "none", EVERYONE),
    # Without a device the page sends to set-up; an already verified session goes on to where it was going.
    "accounts:verify": ("get", "none", row(FOUND, FOUND, FOUND, FOUND, FOUND, FOUND)),
    "accounts:disable": ("get", "none", row(OK, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
    "accounts:password_change": ("get", "none", EVERYONE),
    "accounts:password_change_done": ("get", "none", EVERYONE),
}


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: [])


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, name):
    check_anonymous(client, PAGES, name, lambda kind: [])
