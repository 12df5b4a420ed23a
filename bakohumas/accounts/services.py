"""Two-factor enrolment and verification (django-otp TOTP devices), each with an audit row."""

from __future__ import annotations

import base64
from typing import Any

import django_otp
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice


from bakohumas.audit.services import audit_record
from bakohumas.core.ratelimit import client_ip

DEVICE_NAME = "Aplikasi autentikator"


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-id").first()


def readable_key(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app that cannot scan the QR code."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def totp_enrolment_start(*, user) -> TOTPDevice:
    """The user's pending (unconfirmed) device; the same one on every reload so the QR code stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice(user=user, name=DEVICE_NAME, confirmed=False)
        device.full_clean()
        device.save()
    return device


@transaction.atomic
def totp_enrolment_confirm(*, request: HttpRequest, device: TOTPDevice, token: str) -> bool:
    """Confirm the pending device with a code from the app; it then replaces any older device."""
    if not device.verify_token(token):
        _audit(request, "auth.otp_failed", note="pendaftaran")
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
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
    deleted, _ = TOTPDevice.objects.filter(user=request.user).delete()
    request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
    if deleted:
        _audit(request, "auth.otp_disable")
    return deleted


def _audit(request: HttpRequest, action: str, note: str = "") -> None:
    user: Any = request.user  # logged in: every view that calls this requires it
    audit_record(actor=user, action=action, target=user, office=getattr(user, "office", None), note=note,
                 data={"ip": client_ip(request)})
