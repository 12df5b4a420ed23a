"""Everyone manages their own account; the roles that must use 2FA may not switch it off."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bakohumas.access_testing import FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.accounts.models import Invitation
from bakohumas.accounts.services_onboarding import account_invite
from bakohumas.offices.models import Office, User

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


@pytest.fixture
def args(users):
    def build(kind: str) -> list:
        if kind == "none":
            return []
        if kind == "template":
            return ["xlsx"]
        if kind == "reset":
            return ["MQ", "bukan-token"]
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
