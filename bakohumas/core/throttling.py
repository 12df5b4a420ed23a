"""API rate limits (django-ninja's throttles) with rates read from settings on each request, so an
operator changes them through the environment and tests through `settings`."""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import Throttled
from ninja.security import SessionAuth
from ninja.throttling import AnonRateThrottle, UserRateThrottle


class _SettingsRate:
    setting = ""

    def __init__(self) -> None:
        super().__init__(rate=getattr(settings, self.setting))  # type: ignore[call-arg]

    def allow_request(self, request: HttpRequest) -> bool:
        self.num_requests, self.duration = self.parse_rate(getattr(settings, self.setting))  # type: ignore[attr-defined]
        return super().allow_request(request)  # type: ignore[misc]


class ApiUserThrottle(_SettingsRate, UserRateThrottle):
    """Per signed-in user (API_RATE_USER, e.g. 120/min)."""

    setting = "API_RATE_USER"


class ApiAnonThrottle(_SettingsRate, AnonRateThrottle):
    """Per client address for calls without a session (API_RATE_ANON); the address is REMOTE_ADDR,
    or the one BAKOHUMAS_TRUSTED_PROXIES proxies reported (NINJA_NUM_PROXIES)."""

    setting = "API_RATE_ANON"


class ThrottledSessionAuth(SessionAuth):
    """Django's session login, with the anonymous rate counted first. django-ninja runs throttles only
    after authentication succeeded, so a caller without a session got 401 forever and was never
    throttled; here such a caller is counted by ApiAnonThrottle and gets 429 over the rate, before
    the 401. A signed-in caller is counted by the throttles of the API (ApiUserThrottle) as before."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            throttle = ApiAnonThrottle()
            if not throttle.allow_request(request):
                wait = throttle.wait()
                raise Throttled(wait=None if wait is None else math.ceil(wait))
        return super().__call__(request)
