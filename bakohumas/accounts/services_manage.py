"""Writes of the account management pages (issue 16): end and restore access, move an account to another
office or role, reset its two-step verification. Each checks the shared policy (management.py) again, so a
view that forgot to never lets a manager act outside their scope, and each leaves an audit row."""

from __future__ import annotations

import datetime as dt
import time
from importlib import import_module
from typing import Any

import django_otp
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from bakohumas.accounts.management import can_manage, can_manage_account
from bakohumas.accounts.middleware import TOUCH_EVERY_SECONDS
from bakohumas.accounts.models import USER_AGENT_LENGTH, Invitation, UserSession
from bakohumas.accounts.services import confirmed_device
from bakohumas.audit.services import audit_record
from bakohumas.core.ratelimit import client_ip
from bakohumas.offices.models import Office, User


# This session's row, its key when last written and when: the middleware writes at most once a minute.
SESSION_ROW_KEY = "bakohumas_user_session"


def _check(actor: Any, account: User) -> None:
    if not can_manage_account(actor, account):
        raise PermissionDenied


def _session_store() -> type[SessionBase]:
    return import_module(settings.SESSION_ENGINE).SessionStore


def user_sessions_end(*, user: User, keep_key: str | None = None) -> int:
    """Delete every session of `user` (but `keep_key`) from the session store and their rows, so each ends
    at its next request. The rows (UserSession) name the sessions; with a database store, the store is also
    scanned for the user's id, for a session opened before rows were kept. Returns how many ended."""
    store = _session_store()
    keys = set(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    if settings.SESSION_ENGINE.endswith((".db", ".cached_db")):
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
            if session.get_decoded().get(SESSION_KEY) == str(user.pk):
                keys.add(session.session_key)
    keys.discard(keep_key)  # type: ignore[arg-type]
    ended = 0
    for key in keys:
        if store().exists(key):
            ended += 1
        store(session_key=key).delete()
    UserSession.objects.filter(user=user, session_key__in=keys).delete()
    return ended


def user_session_start(*, request: HttpRequest, user: User) -> UserSession:
    """A row for the login that has just happened (signal user_logged_in). The user's rows of sessions past
    the absolute limit (closed browsers never log out) go at the same time."""
    session = request.session
    if not session.session_key:
        session.save()
    too_old = timezone.now() - dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    UserSession.objects.filter(user=user, last_seen_at__lt=too_old).delete()
    # Logging in again in a session that is already this user's keeps its key (django.contrib.auth.login
    # neither flushes nor cycles it then): the same row, brought up to date.
    row, _created = UserSession.objects.update_or_create(
        session_key=str(session.session_key),
        defaults={"user": user, "ip": client_ip(request) or None, "last_seen_at": timezone.now(),
                  "user_agent": request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_LENGTH]})
    _remember(request, row)
    return row


def _remember(request: HttpRequest, row: UserSession) -> None:
    request.session[SESSION_ROW_KEY] = {"id": str(row.pk), "key": row.session_key, "seen": int(time.time())}


def user_session_touch(*, request: HttpRequest) -> None:
    """Keep the row of this session current: its last request (at most one write a minute) and its key,
    which Django changes on a password change. A session without a row (opened before rows were kept)
    gets one."""
    session = request.session
    user: Any = request.user  # signed in: the middleware asks before calling
    mark = session.get(SESSION_ROW_KEY)
    now = int(time.time())
    if (isinstance(mark, dict) and mark.get("key") == session.session_key
            and isinstance(mark.get("seen"), int) and now - mark["seen"] < TOUCH_EVERY_SECONDS):
        return
    row_id = mark.get("id") if isinstance(mark, dict) else None
    row = UserSession.objects.filter(pk=row_id, user=user).first() if row_id else None
    if row is None:
        row = UserSession.objects.filter(session_key=session.session_key, user=user).first()
    if row is None:
        user_session_start(request=request, user=user)
        return
    row.session_key = session.session_key or row.session_key
    row.last_seen_at = timezone.now()
    row.save(update_fields=["session_key", "last_seen_at"])
    _remember(request, row)


def user_session_forget(*, request: HttpRequest) -> None:
    """The row of a session that has logged out (signal user_logged_out)."""
    key = request.session.session_key
    if key:
        UserSession.objects.filter(session_key=key).delete()


@transaction.atomic
def user_session_end(*, row: UserSession, actor: Any) -> None:
    """End one session of a person: theirs (from /akun/sesi/) or one of their manager's people."""
    if row.user_id != actor.pk:
        _check(actor, row.user)
    _session_store()(session_key=row.session_key).delete()
    row.delete()
    action = "auth.session_end" if row.user_id == actor.pk else "account.session_end"
    audit_record(actor=actor, action=action, target=row.user, office=row.user.office,
                 data={"ip": row.ip or "", "user_agent": row.user_agent})


@transaction.atomic
def user_sessions_end_others(*, request: HttpRequest) -> int:
    """"Keluar dari semua perangkat lain": every session of the user but this one."""
    user: Any = request.user
    ended = user_sessions_end(user=user, keep_key=request.session.session_key)
    audit_record(actor=user, action="auth.sessions_end_others", target=user, office=user.office,
                 data={"sessions_ended": ended, "ip": client_ip(request)})
    return ended


@transaction.atomic
def account_sessions_end(*, account: User, actor: Any) -> int:
    """A manager logs one of their people out everywhere."""
    _check(actor, account)
    ended = user_sessions_end(user=account)
    audit_record(actor=actor, action="account.sessions_end", target=account, office=account.office,
                 data={"sessions_ended": ended})
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
    # An invitation not yet accepted would otherwise still let the person set a password.
    revoked = Invitation.objects.filter(user=account, used_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=timezone.now())
    audit_record(actor=actor, action="account.deactivate", target=account, office=account.office,
                 data={"sessions_ended": ended, "invitations_revoked": revoked})
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
    StaticDevice.objects.filter(user=account).delete()  # the backup codes go with the app they back up
    ended = user_sessions_end(user=account)
    audit_record(actor=actor, action="account.two_factor_reset", target=account, office=account.office,
                 data={"devices": deleted, "sessions_ended": ended})
    return deleted


# Backup codes (issue 16 item 4) --------------------------------------------------------------------------

BACKUP_CODE_COUNT = 10
BACKUP_DEVICE_NAME = "Kode cadangan"


def backup_device(user: Any) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


@transaction.atomic
def backup_codes_generate(*, request: HttpRequest) -> list[str]:
    """Ten new one-time codes for a session verified with the person's second step; the old codes stop
    working. The codes are returned to be shown once; the device stays, so a session verified with a backup
    code stays verified."""
    user: Any = request.user
    if confirmed_device(user) is None or not user.is_verified():
        raise PermissionDenied
    device = backup_device(user)
    if device is None:
        device = StaticDevice(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
        device.full_clean()
        device.save()
    else:
        device.token_set.all().delete()
    codes: set[str] = set()
    while len(codes) < BACKUP_CODE_COUNT:
        codes.add(StaticToken.random_token())
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in sorted(codes)])
    audit_record(actor=user, action="auth.backup_codes_generate", target=user, office=user.office,
                 data={"ip": client_ip(request)})
    return sorted(codes)


def backup_code_verify(*, request: HttpRequest, token: str) -> tuple[bool, dict[str, Any] | None]:
    """The second step with a backup code instead of the app's code: each code works once (django-otp
    deletes it). Returns (ok, throttle info when refused without checking)."""
    user: Any = request.user
    device = backup_device(user)
    if device is None:
        return False, None
    allowed, info = device.verify_is_allowed()
    if not allowed:
        return False, info
    data = {"ip": client_ip(request)}
    if device.verify_token(token):
        django_otp.login(request, device)
        audit_record(actor=user, action="auth.backup_code_used", target=user, office=user.office,
                     data={**data, "remaining": device.token_set.count()})
        return True, None
    audit_record(actor=user, action="auth.otp_failed", target=user, office=user.office, note="kode cadangan",
                 data=data)
    return False, None


# First run (issue 16 item 6) -------------------------------------------------------------------------------


@transaction.atomic
def admin_create(*, username: str, email: str, name: str, password: str) -> User:
    """KPU RI's first account: a superuser of the national office with the Humas KPU RI role, for
    `bakohumas create-admin`. Refuses a user name or e-mail address that already has an account."""
    username, email, name = username.strip(), email.strip(), name.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(_("Nama pengguna %(username)s sudah dipakai.") % {"username": username})
    if email and User.objects.filter(email__iexact=email).exists():
        raise ValidationError(_("Alamat e-mail %(email)s sudah memiliki akun.") % {"email": email})
    if not email or not name:
        raise ValidationError(_("Nama lengkap dan alamat e-mail wajib diisi."))
    office = Office.objects.filter(code=Office.NATIONAL_CODE).first()
    if office is None:
        raise ValidationError(_("Satuan kerja KPU RI belum ada di basis data; jalankan migrasi terlebih dahulu."))
    user = User(username=username, email=email, first_name=name[:150], office=office, role=User.Role.HUMAS_RI,
                is_staff=True, is_superuser=True)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    audit_record(actor=None, action="account.create_admin", target=user, office=office,
                 data={"username": username, "email": email})
    return user
