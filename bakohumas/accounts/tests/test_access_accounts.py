"""Everyone manages their own account; the roles that must use 2FA may not switch it off. The account
management pages (views_manage.py) open for the managers of the account only: the Ketua Bakohumas of
Kediri, Jawa Timur's evaluator and KPU RI manage Kediri's operator; everyone else gets 404 (403 on the
list for a non-manager)."""

from __future__ import annotations

import pytest

from bakohumas.access_testing import FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.accounts.models import UserSession
from bakohumas.offices.models import Office, User

pytestmark = pytest.mark.django_db

EVERYONE = row(OK, OK, OK, OK, OK, OK)
MANAGERS = row(MISSING, OK, MISSING, OK, MISSING, OK)  # of an operator of Kediri

PAGES = {
    "accounts:index": ("get", "none", EVERYONE),
    "accounts:setup": ("get", "none", EVERYONE),
    # Without a device the page sends to set-up; an already verified session goes on to where it was going.
    "accounts:verify": ("get", "none", row(FOUND, FOUND, FOUND, FOUND, FOUND, FOUND)),
    "accounts:disable": ("get", "none", row(OK, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
    "accounts:password_change": ("get", "none", EVERYONE),
    "accounts:password_change_done": ("get", "none", EVERYONE),
    # Account management (views_manage.py); a confirmation page answers GET, the change itself is a POST.
    "accounts:manage_list": ("get", "none", row(FORBIDDEN, OK, FORBIDDEN, OK, OK, OK)),
    "accounts:manage_detail": ("get", "account", MANAGERS),
    "accounts:manage_deactivate": ("get", "account", MANAGERS),
    "accounts:manage_reactivate": ("get", "account", MANAGERS),
    "accounts:manage_assign": ("get", "account", MANAGERS),
    "accounts:manage_two_factor_reset": ("get", "account", MANAGERS),
    "accounts:manage_sessions_end": ("get", "account", MANAGERS),
    "accounts:manage_session_end": ("post", "account_session", row(MISSING, FOUND, MISSING, FOUND, MISSING, FOUND)),
    # Sessions: everyone's own; a session of somebody else is not found.
    "accounts:sessions": ("get", "none", EVERYONE),
    "accounts:sessions_end_others": ("post", "none", row(FOUND, FOUND, FOUND, FOUND, FOUND, FOUND)),
    "accounts:session_end": ("post", "session", row(MISSING, MISSING, MISSING, MISSING, MISSING, MISSING)),
    "accounts:backup_codes": ("get", "none", EVERYONE),
}


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, name, role):
    args = _args(_managed_operator())
    check_role(client, PAGES, name, users[role], role, args)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, name):
    check_anonymous(client, PAGES, name, _args(_managed_operator()))


def _managed_operator() -> User:
    """A second operator of Kediri: the account the management pages are requested for."""
    return User.objects.create_user(username="operator.dua", password="Sandi-Uji-2025!", first_name="Operator Dua",
                                    office=Office.objects.get(code="3571"), role=User.Role.OPERATOR)


def _args(account: User):
    session = UserSession.objects.create(user=account, session_key="k" * 32)
    kinds = {"account": [account.pk], "account_session": [account.pk, session.pk], "session": [session.pk]}
    return lambda kind: kinds.get(kind, [])
