"""Writes of the account management pages (issue 16): end and restore access, move an account to another
office or role, reset its two-step verification. Each checks the shared policy (management.py) again, so a
view that forgot to never lets a manager act outside their scope, and each leaves an audit row."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from bakohumas.accounts.management import can_manage, can_manage_account
from bakohumas.audit.services import audit_record
from bakohumas.offices.models import Office, User


def _check(actor: Any, account: User) -> None:
    if not can_manage_account(actor, account):
        raise PermissionDenied


def user_sessions_end(*, user: User) -> int:
    """Delete every live session of `user` from the session store, so each ends at its next request.
    Django keys sessions by a random key, not by user: the database store is scanned for the user's id."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            store(session_key=session.session_key).delete()
            ended += 1
    return ended


@transaction.atomic
def account_deactivate(*, account: User, actor: Any) -> User:
    """End an account's access: it cannot log in and every session it has ends now. Its records stay
    attributed to it (nothing is deleted)."""
    _check(actor, account)
    if not account.is_active:
        raise ValidationError(_("Akun ini sudah dinonaktifkan."))
    account.is_active = False
    account.full_clean()
    account.save(update_fields=["is_active"])
    ended = user_sessions_end(user=account)
    audit_record(actor=actor, action="account.deactivate", target=account, office=account.office,
                 data={"sessions_ended": ended})
    return account


@transaction.atomic
def account_reactivate(*, account: User, actor: Any) -> User:
    _check(actor, account)
    if account.is_active:
        raise ValidationError(_("Akun ini sudah aktif."))
    account.is_active = True
    account.full_clean()
    account.save(update_fields=["is_active"])
    audit_record(actor=actor, action="account.reactivate", target=account, office=account.office)
    return account


@transaction.atomic
def account_assign(*, account: User, actor: Any, office: Office, role: str) -> User:
    """Move an account to another office and/or role, keeping the one account (its history stays with it).
    The manager must manage the account as it is and as it will be."""
    _check(actor, account)
    if not can_manage(actor, office, role):
        raise PermissionDenied
    old = {"office": account.office.code if account.office else None, "role": account.role}
    new = {"office": office.code, "role": role}
    if old == new:
        raise ValidationError(_("Satuan kerja dan peran tidak berubah."))
    account.office = office
    account.role = role
    account.full_clean()
    account.save(update_fields=["office", "role"])
    audit_record(actor=actor, action="account.assign", target=account, office=office,
                 data={"old": old, "new": new})
    return account


@transaction.atomic
def account_two_factor_reset(*, account: User, actor: Any) -> int:
    """Remove the person's authenticator devices (a lost phone); where their role requires two-step
    verification, the next login sends them to set it up again. Their sessions end too, so a session
    verified with the lost device does not go on."""
    _check(actor, account)
    deleted, _counts = TOTPDevice.objects.filter(user=account).delete()
    if not deleted:
        raise ValidationError(_("Akun ini belum memasang verifikasi dua langkah."))
    ended = user_sessions_end(user=account)
    audit_record(actor=actor, action="account.two_factor_reset", target=account, office=account.office,
                 data={"devices": deleted, "sessions_ended": ended})
    return deleted
