"""Everyone manages their own account; the roles that must use 2FA may not switch it off. The account
management pages (views_manage.py) and invitations (views_onboarding.py) open for the managers of the
account only: the Ketua Bakohumas of Kediri, Jawa Timur's evaluator and KPU RI manage Kediri's operator;
everyone else gets 404 (403 on a list for a non-manager). Invitation links and password recovery are public."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bakohumas.access_testing import FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.accounts.models import Invitation, UserSession
from bakohumas.accounts.services_onboarding import account_invite
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
    # Invitations: managers only (accounts.management); an invitation of a Kediri operator is the Ketua's of
    # Kediri, the Jawa Timur evaluator's and KPU RI's to resend or revoke.
    "accounts:invitations": ("get", "none", row(FORBIDDEN, OK, FORBIDDEN, OK, OK, OK)),
    "accounts:invite": ("get", "none", row(FORBIDDEN, OK, FORBIDDEN, OK, OK, OK)),
    "accounts:invitation_resend": ("post", "invitation", row(MISSING, FOUND, MISSING, FOUND, MISSING, FOUND)),
    "accounts:invitation_revoke": ("post", "invitation", row(MISSING, FOUND, MISSING, FOUND, MISSING, FOUND)),
    # Bulk accounts: managers only; a confirmation without a preview goes back to the upload.
    "accounts:import": ("get", "none", row(FORBIDDEN, OK, FORBIDDEN, OK, OK, OK)),
    "accounts:import_confirm": ("post", "none", row(FORBIDDEN, FOUND, FORBIDDEN, FOUND, FOUND, FOUND)),
    "accounts:import_template": ("get", "template", row(FORBIDDEN, OK, FORBIDDEN, OK, OK, OK)),
    # The public page of an invitation link: open to anyone holding the link, signed in or not.
    "invitation": ("get", "token", EVERYONE),
    # Password recovery: public, and harmless for a signed-in user.
    "password_reset": ("get", "none", EVERYONE),
    "password_reset_done": ("get", "none", EVERYONE),
    "password_reset_confirm": ("get", "reset", EVERYONE),  # an invalid link: the page says so
    "password_reset_complete": ("get", "none", EVERYONE),
}
PUBLIC = {"invitation", "password_reset", "password_reset_done", "password_reset_confirm", "password_reset_complete"}


def _managed_operator() -> User:
    """A second operator of Kediri: the account the management pages are requested for."""
    return User.objects.create_user(username="operator.dua", password="Sandi-Uji-2025!", first_name="Operator Dua",
                                    office=Office.objects.get(code="3571"), role=User.Role.OPERATOR)


@pytest.fixture
def args(users):
    account = _managed_operator()
    session = UserSession.objects.create(user=account, session_key="k" * 32)
    fixed = {"none": [], "template": ["xlsx"], "reset": ["MQ", "bukan-token"], "account": [account.pk],
             "account_session": [account.pk, session.pk], "session": [session.pk]}

    def build(kind: str) -> list:
        if kind in fixed:
            return fixed[kind]
        invitation = Invitation.objects.filter(user__email="baru@contoh.kpu.go.id").first() or account_invite(
            actor=users["national"], office=Office.objects.get(code="3571"), name="Operator Baru",
            email="baru@contoh.kpu.go.id", phone="", role=User.Role.OPERATOR)
        return [invitation.id] if kind == "invitation" else [invitation.token]

    return build


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, args, name, role):
    check_role(client, PAGES, name, users[role], role, args)


@pytest.mark.parametrize("name", sorted(set(PAGES) - PUBLIC))
def test_it_sends_anonymous_users_to_login(client, users, args, name):
    check_anonymous(client, PAGES, name, args)


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_it_opens_public_pages_to_anonymous_visitors(client, args, name):
    response = client.get(reverse(name, args=args(PAGES[name][1])))
    assert response.status_code == OK
    assert response.content.count(b"<h1") == 1
