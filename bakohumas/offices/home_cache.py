"""The office home page from a cache (issue 18: it is the page every operator opens first, many times a
day, and rendering it costs several times the request's own overhead).

The key holds everything the page depends on, so nothing has to be deleted when data changes:
- the office's stamp and the stamp of what every office shows (bakohumas/offices/stamps.py: the
  database increments them on every write, bulk imports and raw SQL included);
- the user, their two-step verification, the CSRF secret and the path, because the page carries the
  user's own links, notices and forms with a CSRF token (a new secret, e.g. at the next login, is a
  new key) and the language switch returns to the path;
- Jakarta's date (deadlines become overdue, partnerships come near their end) and the language.
A request with messages waiting to be shown is rendered afresh and not cached.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from bakohumas.offices.models import Office
from bakohumas.offices.stamps import office_stamp

SECONDS = 15 * 60


def _has_pending_messages(request: HttpRequest) -> bool:
    session = getattr(request, "session", None)
    return "messages" in request.COOKIES or bool(session is not None and session.get("_messages"))


def home_cache_key(request: HttpRequest, office: Office) -> str | None:
    secret = request.META.get("CSRF_COOKIE")
    if not secret or _has_pending_messages(request):
        return None
    stamp, shared = office_stamp(office.pk)
    verified = getattr(request.user, "is_verified", lambda: False)()
    private = hashlib.sha256(f"{request.user.pk}:{verified}:{secret}:{request.get_full_path()}".encode()).hexdigest()
    return (f"home:{office.pk}:{stamp}:{shared}:{timezone.localdate().isoformat()}:"
            f"{translation.get_language()}:{private}")


def cached_home(request: HttpRequest, office: Office, render_page: Callable[[], HttpResponse]) -> HttpResponse:
    key = home_cache_key(request, office)
    if key is not None and (content := cache.get(key)) is not None:
        return HttpResponse(content)
    response = render_page()
    if key is not None and response.status_code == 200:
        cache.set(key, response.content, SECONDS)
    return response
