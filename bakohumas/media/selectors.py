"""Reads of the media library, scoped like the records they belong to: an activity's office staff
(operator, ketua) write; whoever may see the office reads; anyone else gets 404."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from bakohumas.jobs.models import Job
from bakohumas.media.models import Derivative, MediaFile, UploadSession
from bakohumas.records.models import Activity
from bakohumas.records.selectors import get_activity_for_user, may_edit_records

__all__ = ["get_activity_for_user", "get_media_for_user", "get_derivative_for_user", "get_upload_session_for_user",
           "media_for_activity", "latest_jobs"]


def get_media_for_user(user, media_id: UUID) -> tuple[MediaFile, bool]:
    media = get_object_or_404(MediaFile.objects.visible_to(user).select_related("activity", "office"), id=media_id)
    return media, may_edit_records(user, media.office)


def get_derivative_for_user(user, derivative_id: UUID) -> Derivative:
    return get_object_or_404(Derivative.objects.filter(media__in=MediaFile.objects.visible_to(user))
                             .select_related("media", "media__office"), id=derivative_id)


def get_upload_session_for_user(user, session_id: UUID) -> UploadSession:
    """A session is its uploader's alone (and only while they may still write the office's records)."""
    session = get_object_or_404(UploadSession.objects.filter(user=user).select_related("activity__office"),
                                id=session_id)
    if not may_edit_records(user, session.activity.office):
        from django.http import Http404

        raise Http404
    return session


@dataclass(frozen=True)
class ActivityMedia:
    photos: list[MediaFile]
    videos: list[MediaFile]


def media_for_activity(activity: Activity) -> ActivityMedia:
    """Photos best first (grade, then score) with their derivatives; videos in upload order."""
    files: QuerySet[MediaFile] = (MediaFile.objects.filter(activity=activity).best_first()
                                  .prefetch_related(Prefetch("derivatives", Derivative.objects.order_by("preset"))))
    rows = list(files)
    return ActivityMedia(photos=[m for m in rows if m.is_photo], videos=[m for m in rows if not m.is_photo])


def latest_jobs(user, activity: Activity, kinds: tuple[str, ...]) -> list[Job]:
    """The user's most recent media jobs for this activity (the page shows their progress)."""
    return list(Job.objects.filter(requested_by=user, kind__in=kinds, params__activity=str(activity.id))
                .order_by("-created_at")[:3])
