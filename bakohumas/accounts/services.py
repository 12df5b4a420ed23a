"""Two-factor enrolment and verification (django-otp TOTP devices), each with an audit row."""

from __future__ import annotations

import base64
import time
from typing import Any

import django_otp
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from bakohumas.accounts.policy import must_use_2fa
from bakohumas.audit.services import audit_record
from bakohumas.core.ratelimit import client_ip

DEVICE_NAME = "Aplikasi autentikator"
# The secret being enrolled lives in this session only (never in a table) until a right code confirms it:
# another session of the same account, one that has only the password say, never sees it.
PENDING_SECRET_KEY = "bakohumas_otp_pending"


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-id").first()


def readable_key(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app that cannot scan the QR code."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def _pending_secret(request: HttpRequest) -> str | None:
    pending = request.session.get(PENDING_SECRET_KEY)
    user: Any = request.user
    if isinstance(pending, dict) and pending.get("user") == str(user.pk) and isinstance(pending.get("key"), str):
        return pending["key"]
    return None


def totp_enrolment_start(*, request: HttpRequest) -> TOTPDevice:
    """An unsaved device for the QR code: a fresh random secret for this session, the same one on a reload
    so the code already scanned stays valid. Nothing is written to the database before confirmation."""
    key = _pending_secret(request)
    if key is None:
        key = random_hex(20)
        request.session[PENDING_SECRET_KEY] = {"user": str(request.user.pk), "key": key}
    return TOTPDevice(user=request.user, name=DEVICE_NAME, key=key, confirmed=False)


def _verified_with_a_current_device(request: HttpRequest) -> bool:
    device = getattr(request.user, "otp_device", None)
    return device is not None and type(device).objects.filter(pk=device.pk, user=request.user, confirmed=True).exists()


@transaction.atomic
def totp_enrolment_confirm(*, request: HttpRequest, token: str) -> bool:
    """Confirm this session's pending secret with a code from the app. The new device then replaces every
    other device of the user, confirmed or pending, and verifies this session."""
    key = _pending_secret(request)
    if key is None:
        return False
    user: Any = request.user
    # One enrolment per user at a time: a concurrent one waits here and then sees the device made by this one.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if confirmed_device(user) is not None and not _verified_with_a_current_device(request):
        raise PermissionDenied  # a password alone never replaces a device (the view sends to verification first)
    device = TOTPDevice(user=user, name=DEVICE_NAME, key=key, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not totp.verify(int(token), device.tolerance):
        _audit(request, "auth.otp_failed", note="pendaftaran")
        return False
    device.last_t = totp.t()  # the code just typed does not open another session
    device.drift = totp.drift
    TOTPDevice.objects.filter(user=user).delete()
    device.full_clean()
    device.save()
    del request.session[PENDING_SECRET_KEY]
    django_otp.login(request, device)
    _audit(request, "auth.otp_enrol")
    return True


def totp_verify(*, request: HttpRequest, device: TOTPDevice, token: str) -> tuple[bool, dict[str, Any] | None]:
    """Check a code after the password login. Returns (ok, throttle info when refused without checking)."""
    allowed, info = device.verify_is_allowed()
    if not allowed:
        return False, info
    if device.verify_token(token):  # also refuses a code already used (last_t) and counts failures
        django_otp.login(request, device)
        _audit(request, "auth.otp_verify")
        return True, None
    _audit(request, "auth.otp_failed")
    return False, None


@transaction.atomic
def totp_disable(*, request: HttpRequest) -> int:
    """Remove the user's devices, for a user whose role does not require them, and only from a session verified
    with one of them (the view also asks for the password again): a stolen password alone must not switch
    the second step off."""
    if must_use_2fa(request.user) or not _verified_with_a_current_device(request):
        raise PermissionDenied
    deleted, _ = TOTPDevice.objects.filter(user=request.user).delete()
    StaticDevice.objects.filter(user=request.user).delete()  # backup codes: nothing left to back up
    request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
    request.session.pop(PENDING_SECRET_KEY, None)
    if deleted:
        _audit(request, "auth.otp_disable")
    return deleted


def _audit(request: HttpRequest, action: str, note: str = "") -> None:
    user: Any = request.user  # logged in: every view that calls this requires it
    audit_record(actor=user, action=action, target=user, office=getattr(user, "office", None), note=note,
                 data={"ip": client_ip(request)})
