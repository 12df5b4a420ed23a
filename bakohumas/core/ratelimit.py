"""Per-address limits for public (anonymous) forms, counted in the cache: with REDIS_URL the count
is shared by every gunicorn worker; with the local-memory cache each worker counts on its own."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

HOUR = 60 * 60


def client_ip(request: HttpRequest | None) -> str:
    """The client's address for rate limits, login lockouts (django-axes) and audit rows: REMOTE_ADDR; behind N trusted reverse proxies (settings.TRUSTED_PROXIES), the address the
    outermost of them saw, i.e. the N-th entry from the right of X-Forwarded-For. Entries further
    left are written by the client and never trusted."""
    if request is None:
        return ""
    proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies > 0 and forwarded:
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR", "")


def _key(request: HttpRequest, scope: str) -> str:
    return f"ratelimit:{scope}:{client_ip(request)}"


def rate_limit_count(request: HttpRequest, scope: str, *, window: int = HOUR) -> int:
    """Count this request against the sender's address in `scope`; the count within `window`
    seconds of the first one."""
    key = _key(request, scope)
    cache.add(key, 0, window)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def rate_limit_reached(request: HttpRequest, scope: str, *, limit: int) -> bool:
    """Whether the sender has already been counted `limit` times in `scope` (counts nothing): for
    limits on what succeeded, counted with rate_limit_count only then."""
    return int(cache.get(_key(request, scope)) or 0) >= limit


def over_rate_limit(request: HttpRequest, scope: str, *, limit: int | None = None, window: int = HOUR) -> bool:
    """Count this request against the sender's address in `scope`; True once it is over `limit`
    (default settings.PUBLIC_FORM_RATE_LIMIT) within `window` seconds of the first one."""
    limit = settings.PUBLIC_FORM_RATE_LIMIT if limit is None else limit
    return rate_limit_count(request, scope, window=window) > limit
