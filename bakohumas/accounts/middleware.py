"""Two-factor enforcement and idle-session expiry."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

LAST_ACTIVITY_KEY = "bakohumas_last_activity"
TOUCH_EVERY_SECONDS = 60  # a session write at most once a minute, not one per request


def touch_session(session) -> None:
    session[LAST_ACTIVITY_KEY] = int(time.time())


class IdleSessionMiddleware:
    """Logs a user out after BAKOHUMAS_SESSION_IDLE_MINUTES without a request (SESSION_COOKIE_AGE stays
    the absolute limit). Shared computers in offices are the reason."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            idle_seconds = settings.BAKOHUMAS_SESSION_IDLE_MINUTES * 60
            if isinstance(last, int) and idle_seconds > 0 and now - last > idle_seconds:
                request.logout_reason = "tidak aktif"  # type: ignore[attr-defined]
                logout(request)
                messages.info(request, _("Sesi Anda berakhir karena lama tidak aktif. Silakan masuk lagi."))
            elif not isinstance(last, int) or now - last >= TOUCH_EVERY_SECONDS:
                touch_session(request.session)
        return self.get_response(request)


class TwoFactorMiddleware:
    """After the password, a user reaches nothing but the login and 2FA pages until they have entered a code
    from their authenticator app in this session: every user with a confirmed device, whatever the role (and
    even with BAKOHUMAS_2FA_REQUIRED off), and every user whose role requires it (policy.py), who is sent to
    set it up when there is no device yet. Runs after django-otp's OTPMiddleware."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from bakohumas.accounts.policy import must_use_2fa
        from bakohumas.accounts.services import confirmed_device

        user: Any = request.user  # django-otp's OTPMiddleware has added is_verified()
        if not user.is_authenticated or self._exempt(request.path) or user.is_verified():
            return self.get_response(request)
        # Asked on every unverified request (one small query, as django-otp's for a verified one): a session
        # opened with the password before the user enrolled must not go on without the code afterwards.
        device = confirmed_device(user)
        if device is None and not must_use_2fa(user):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": _("Verifikasi dua langkah diperlukan.")}, status=403)
        target = "accounts:verify" if device is not None else "accounts:setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")

    @staticmethod
    def _exempt(path: str) -> bool:
        allowed = [reverse("login"), reverse("logout"), reverse("set_language"), reverse("accounts:setup"),
                   reverse("accounts:verify"), settings.STATIC_URL]
        return any(path.startswith(prefix) for prefix in allowed)


class UserSessionMiddleware:
    """Keeps the row of the signed-in session (accounts.models.UserSession) current: when it was last
    used, at most one write a minute, and its key after Django changes it. Runs after IdleSessionMiddleware,
    which may have logged the request out."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and request.session.session_key:
            from bakohumas.accounts.services_manage import user_session_touch

            user_session_touch(request=request)
        return self.get_response(request)
