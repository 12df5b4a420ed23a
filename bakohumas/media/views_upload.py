"""Uploads: the plain form (many files at once, works without JavaScript) and the resumable
protocol that static/media/upload.js speaks for large videos (docs/media.md):

    POST unggah-bertahap/ (filename, size)        -> 201 {"id", "url", "received": 0, "chunk_size"}
    GET  <url>                                    -> {"received", "total"}   (how much the server has)
    PUT  <url>  Content-Range: bytes a-b/total    -> {"received", ...}; 409 {"received"} when a != received
    the last chunk                                -> {"done": true, "message", "ok", "media"} or 400 {"error"}
                                                     or 503 {"retry": true, "error"} (a server fault: the
                                                     bytes stay; finish again with the POST below)
    POST <url>  (no body, all bytes received)     -> finishes again, same answers as the last chunk
"""

from __future__ import annotations

import re
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bakohumas.core.bodylimit import large_body
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.media import selectors as s
from bakohumas.media import services
from bakohumas.media.forms import UploadForm, UploadStartForm
from bakohumas.media.models import UploadSession
from bakohumas.media.views import CHUNK_SIZE

CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")
MAX_CHUNK = 2 * CHUNK_SIZE


@large_body
@login_required
@require_POST
def upload(request: AuthenticatedHttpRequest, activity_id: UUID) -> HttpResponse:
    """Keep every good file of the batch; name each refused one and why."""
    activity, may_edit = s.get_activity_for_user(request.user, activity_id)
    if not may_edit:
        raise PermissionDenied
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Pilih setidaknya satu foto atau video."))
        return redirect("media:activity_media", activity_id=activity.id)
    for result in services.media_add_batch(activity=activity, actor=request.user, files=form.uploads()):
        level = messages.error if result.error else messages.warning if result.duplicate else messages.success
        level(request, result.message)
    return redirect("media:activity_media", activity_id=activity.id)


def _error(message: str, status: int = 400, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


@login_required
@require_POST
def upload_start(request: AuthenticatedHttpRequest, activity_id: UUID) -> JsonResponse:
    activity, may_edit = s.get_activity_for_user(request.user, activity_id)
    if not may_edit:
        raise PermissionDenied
    form = UploadStartForm(request.POST)
    if not form.is_valid():
        return _error(_("Nama dan ukuran berkas diperlukan."))
    try:
        session = services.upload_session_start(activity=activity, actor=request.user,
                                                filename=form.cleaned_data["filename"],
                                                total_size=form.cleaned_data["size"])
    except ValidationError as exc:
        return _error(" ".join(exc.messages))
    return JsonResponse({"id": str(session.id), "url": reverse("media:upload_chunk", args=[session.id]),
                         "received": 0, "total": session.total_size, "chunk_size": CHUNK_SIZE}, status=201)


@large_body
@login_required
@require_http_methods(["GET", "PUT", "POST"])
def upload_chunk(request: AuthenticatedHttpRequest, session_id: UUID) -> JsonResponse:
    session = s.get_upload_session_for_user(request.user, session_id)
    if request.method == "GET":
        return JsonResponse({"received": session.received, "total": session.total_size})
    if request.method == "POST" and session.received >= session.total_size:
        return _finish(request, session)  # after a server fault while keeping the assembled file
    match = CONTENT_RANGE.match(request.headers.get("Content-Range", ""))
    if not match:
        return _error(_("Header Content-Range tidak ada atau salah."))
    start, end, total = (int(g) for g in match.groups())
    length = end - start + 1
    if length <= 0 or length > MAX_CHUNK:
        return _error(_("Potongan terlalu besar atau kosong."))
    chunk = request.read(length + 1)  # read from the stream: a raw body is not capped by Django
    if len(chunk) != length:
        return _error(_("Isi potongan tidak sesuai dengan Content-Range."), received=session.received)
    try:
        session = services.upload_session_append(session_id=session.id, start=start, chunk=chunk, total=total)
    except services.ChunkOutOfPlace as exc:
        return _error(_("Server sudah menerima %(n)s bita; lanjutkan dari situ.") % {"n": exc.args[0]},
                      status=409, received=exc.args[0])
    except ValidationError as exc:
        return _error(" ".join(exc.messages), received=session.received)
    if session.received < session.total_size:
        return JsonResponse({"received": session.received, "total": session.total_size})
    return _finish(request, session)


def _finish(request: AuthenticatedHttpRequest, session: UploadSession) -> JsonResponse:
    result = services.upload_session_finish(session=session, actor=request.user)
    if result.retry:
        return JsonResponse({"done": False, "retry": True, "ok": False, "error": result.message,
                             "received": session.received, "total": session.total_size}, status=503)
    # Also for the page the script opens next (where the other files' messages are shown).
    (messages.error if result.error else messages.warning if result.duplicate else messages.success)(
        request, result.message)
    payload = {"done": True, "ok": not result.error, "message": result.message,
               "media": str(result.media.id) if result.media else None}
    return JsonResponse(payload, status=400 if result.error else 200)
