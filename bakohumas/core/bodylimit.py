"""A cap on the size of a request body, decided from Content-Length before anything reads the body.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE only counts the fields that are not files: a 300 MB upload to
any form (the anonymous PPID form too) was read whole, to memory or to temporary files. Here the
declared length is compared with a limit that depends on who asks and where:

- without a session: settings.REQUEST_MAX_BYTES_ANONYMOUS (the PPID form with its attachment fits);
- signed in: settings.REQUEST_MAX_BYTES (a report with evidence files, a library PDF);
- signed in, on a view marked with `large_body` (the media uploads): one video
  (settings.MEDIA_VIDEO_MAX_MB) and room for the form around it, if that is more.

Above the limit the answer is 413 with an Indonesian page (JSON for callers that ask for JSON);
nothing of the body is read. A body without Content-Length (Transfer-Encoding: chunked) is refused
with 411: Django reads no more than Content-Length, so such a body would arrive empty anyway.

The check runs in process_view, where the view is known; the middleware stands before
CsrfViewMiddleware, whose process_view is the first thing to read request.POST."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

MIB = 1024 * 1024
View = TypeVar("View", bound=Callable[..., Any])


def large_body(view: View) -> View:
    """Marks a view that takes media uploads: signed-in users may send it a whole video."""
    view.large_body = True  # type: ignore[attr-defined]
    return view


def body_limit(request: HttpRequest, view: Callable[..., Any]) -> int:
    """The most bytes a body to `view` may have for this request's user."""
    if not request.user.is_authenticated:
        return int(settings.REQUEST_MAX_BYTES_ANONYMOUS)
    limit = int(settings.REQUEST_MAX_BYTES)
    if getattr(view, "large_body", False):
        limit = max(limit, int(settings.MEDIA_VIDEO_MAX_MB) * MIB + MIB)
    return limit


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", "")


def _refuse(request: HttpRequest, status: int, message: str) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"error": message, "detail": message}, status=status)
    back = request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        back = reverse("home")
    return render(request, "413.html", {"message": message, "back": back}, status=status)


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any) -> HttpResponse | None:
        declared = request.META.get("CONTENT_LENGTH") or ""
        if not declared.strip():
            if request.META.get("HTTP_TRANSFER_ENCODING"):
                return _refuse(request, 411, _("Kiriman tanpa ukuran (Content-Length) tidak diterima. "
                                               "Kirim ulang dari formulir di halaman ini."))
            return None
        try:
            length = int(declared)
        except ValueError:
            return None  # Django reads nothing of a body whose length it cannot read
        limit = body_limit(request, view)
        if length <= limit:
            return None
        if request.user.is_authenticated:
            message = _("Kiriman terlalu besar (%(size)s; paling banyak %(limit)s). Kurangi atau perkecil "
                        "berkasnya, lalu kirim lagi; video besar diunggah dari halaman dokumentasi kegiatan.")
        else:
            message = _("Kiriman terlalu besar (%(size)s; paling banyak %(limit)s). Perkecil berkas "
                        "lampirannya, lalu kirim lagi.")
        return _refuse(request, 413, message % {"size": filesizeformat(length), "limit": filesizeformat(limit)})
