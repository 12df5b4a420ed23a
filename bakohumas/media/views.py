"""The documentation page of an activity (photos best first with their checks and derivatives,
videos, upload form, ZIPs per channel) and the scoped views that serve its files: files are never
public, each request checks that the user may see the activity's office."""

from __future__ import annotations

import copy
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from bakohumas.core.files import serve_file
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.core.views import form_page
from bakohumas.jobs.models import Job
from bakohumas.media import selectors as s
from bakohumas.media import services
from bakohumas.media.derivatives import CHANNELS
from bakohumas.media.forms import MediaEditForm, UploadForm, ZipForm
from bakohumas.media.jobs import DERIVATIVES_JOB, ZIP_JOB
from bakohumas.media.models import Derivative, MediaFile

CHANNEL_LABELS = {"sosial-media": gettext_lazy("Media sosial"), "website": gettext_lazy("Website"),
                  "siaran-pers": gettext_lazy("Siaran pers"), "arsip": gettext_lazy("Arsip internal")}


@login_required
@require_GET
def activity_media(request: AuthenticatedHttpRequest, activity_id: UUID) -> HttpResponse:
    activity, may_edit = s.get_activity_for_user(request.user, activity_id)
    files = s.media_for_activity(activity)
    jobs = s.latest_jobs(request.user, activity, (DERIVATIVES_JOB, ZIP_JOB))
    # A finished derivatives job has nothing to offer (its renditions are on the page); a ZIP has.
    job = next((j for j in jobs[:1] if j.status != Job.Status.DONE or j.kind == ZIP_JOB), None)
    return render(request, "media/activity.html", {
        "activity": activity, "office": activity.office, "may_edit": may_edit, "photos": files.photos,
        "videos": files.videos, "form": UploadForm() if may_edit else None, "job": job,
        "channels": [(code, CHANNEL_LABELS.get(code, code)) for code in CHANNELS],
        "photo_limit": services.max_bytes(MediaFile.Kind.PHOTO) // services.MB,
        "video_limit": services.max_bytes(MediaFile.Kind.VIDEO) // services.MB,
        "chunk_size": CHUNK_SIZE,
    })


CHUNK_SIZE = 4 * 1024 * 1024  # below DATA_UPLOAD_MAX_MEMORY_SIZE, small enough for a weak connection


@login_required
def media_edit(request: AuthenticatedHttpRequest, media_id: UUID) -> HttpResponse:
    media, may_edit = s.get_media_for_user(request.user, media_id)
    if not may_edit:
        raise PermissionDenied
    # The form fills a copy: the service compares the stored values with the new ones.
    form = MediaEditForm(request.POST or None, instance=copy.copy(media))
    return form_page(request, form, lambda data: services.media_update(media=media, actor=request.user, data=data),
                     {"media": media, "activity": media.activity, "office": media.office},
                     lambda _saved: redirect(f"{_page(media)}#berkas-{media.id}"), template="media/edit.html")


def _page(media: MediaFile) -> str:
    from django.urls import reverse

    return reverse("media:activity_media", args=[media.activity_id])


@login_required
def media_delete(request: AuthenticatedHttpRequest, media_id: UUID) -> HttpResponse:
    media, may_edit = s.get_media_for_user(request.user, media_id)
    if not may_edit:
        raise PermissionDenied
    if request.method == "POST":
        services.media_delete(media=media, actor=request.user)
        messages.success(request, _("“%(name)s” dihapus.") % {"name": media.original_name})
        return redirect("media:activity_media", activity_id=media.activity_id)
    return render(request, "media/confirm_delete.html", {"media": media, "activity": media.activity,
                                                         "office": media.office})


@login_required
@require_GET
def media_original(request: AuthenticatedHttpRequest, media_id: UUID) -> FileResponse:
    media, _may_edit = s.get_media_for_user(request.user, media_id)
    return serve_file(request, media.file, filename=media.original_name)


@login_required
@require_GET
def derivative_file(request: AuthenticatedHttpRequest, derivative_id: UUID) -> FileResponse:
    derivative: Derivative = s.get_derivative_for_user(request.user, derivative_id)
    stem = derivative.media.original_name.rsplit(".", 1)[0]
    return serve_file(request, derivative.file, filename=f"{stem}-{derivative.preset}")


@login_required
@require_POST
def derivatives_remake(request: AuthenticatedHttpRequest, activity_id: UUID) -> HttpResponse:
    """Render every photo's derivatives again (after a preset change, or a failed job)."""
    activity, may_edit = s.get_activity_for_user(request.user, activity_id)
    if not may_edit:
        raise PermissionDenied
    photos = list(MediaFile.objects.filter(activity=activity, kind=MediaFile.Kind.PHOTO))
    if not photos:
        messages.info(request, _("Belum ada foto."))
        return redirect("media:activity_media", activity_id=activity.id)
    job = services.derivatives_request(user=request.user, activity=activity, media=photos)
    return redirect("jobs:detail", job_id=job.id)


@login_required
@require_POST
def channel_zip(request: AuthenticatedHttpRequest, activity_id: UUID) -> HttpResponse:
    """Everyone who may see the activity may take its photos for a channel as one ZIP; only those
    who may edit it get missing derivatives made on the way (a write); a reader's ZIP holds the
    existing ones and its BACA-SAYA.txt names the photos left out."""
    activity, may_edit = s.get_activity_for_user(request.user, activity_id)
    form = ZipForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Kanal tidak dikenal."))
    job = services.channel_zip_request(user=request.user, activity=activity, channel=form.cleaned_data["channel"],
                                       make_missing=may_edit)
    return redirect("jobs:detail", job_id=job.id)
