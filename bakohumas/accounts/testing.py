"""Test helpers: a Client whose force_login also completes the second factor, and TOTP codes."""

from __future__ import annotations

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from bakohumas.accounts.policy import requires_2fa


def give_device(user) -> TOTPDevice:
    """The user's confirmed authenticator device, created if there is none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="uji", confirmed=True)


def totp_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the user's app shows now (or `steps_ahead` periods later; the device tolerates one)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def fresh_code(device: TOTPDevice) -> str:
    """A code the device has not accepted yet (a second login within one 30-second period needs the next)."""
    if device.pk:
        device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return totp_code(device, steps_ahead=1 if totp.t() <= device.last_t else 0)


class OTPClient(Client):
    """force_login as a user whose role requires 2FA, or who has a confirmed device, also marks the session
    verified with that device (created when missing), as a real login followed by a correct code would. Pass
    verified=False for a session that has only passed the password step."""

    def force_login(self, user, backend=None, verified: bool = True) -> None:
        super().force_login(user, backend)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if verified and (device is not None or requires_2fa(user)):
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = (device or give_device(user)).persistent_id
            session.save()
