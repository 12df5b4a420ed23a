"""Writes of the media library: adding files (one at a time, so a bad file in a batch costs only
itself), editing their notes, deleting them, resumable upload sessions, and derivatives."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.audit.services import audit_record
from bakohumas.core.formatting import tanggal
from bakohumas.media import derivatives as d
from bakohumas.media.exif import photo_facts
from bakohumas.media.models import Derivative, MediaFile, UploadSession
from bakohumas.records.models import Activity

logger = logging.getLogger(__name__)

MB = 1024 * 1024
MIME_EXTENSIONS = {
    "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "video/mp4": "mp4", "video/quicktime": "mov",
    "video/x-matroska": "mkv", "video/webm": "webm", "video/x-msvideo": "avi", "video/3gpp": "3gp",
    "video/x-m4v": "m4v", "video/mpeg": "mpg",
}
PHOTO_NAMES = {"jpg", "jpeg", "jpe", "png", "webp", "heic", "heif", "gif", "bmp", "tif", "tiff"}
VIDEO_NAMES = {"mp4", "mov", "mkv", "webm", "avi", "3gp", "m4v", "mpg", "mpeg", "wmv"}
EDITABLE_FIELDS = ("caption", "credit", "taken_at", "place", "consent_notes", "copyright_notes")


def max_bytes(kind: str) -> int:
    """The size limit of a photo or a video (settings MEDIA_PHOTO_MAX_MB / MEDIA_VIDEO_MAX_MB)."""
    if kind == MediaFile.Kind.PHOTO:
        return int(settings.MEDIA_PHOTO_MAX_MB) * MB
    return int(settings.MEDIA_VIDEO_MAX_MB) * MB


def largest_allowed() -> int:
    return max(max_bytes(MediaFile.Kind.PHOTO), max_bytes(MediaFile.Kind.VIDEO))


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",")


@dataclass(frozen=True)
class UploadResult:
    """What became of one file of a batch: saved, already there (the same bytes), or refused."""

    name: str
    media: MediaFile | None = None
    duplicate: bool = False
    error: str = ""
    retry: bool = False  # refused for a passing fault, not the content: the same bytes may be tried again

    @property
    def ok(self) -> bool:
        return self.media is not None and not self.duplicate

    @property
    def message(self) -> str:
        if self.error:
            return _("%(name)s ditolak: %(reason)s") % {"name": self.name, "reason": self.error}
        if self.duplicate:
            return _("%(name)s sudah pernah diunggah untuk kegiatan ini (isinya sama), jadi tidak disimpan dua kali.") \
                % {"name": self.name}
        return _("%(name)s tersimpan.") % {"name": self.name}


def _sha256(handle: IO[bytes]) -> str:
    handle.seek(0)
    digest = hashlib.sha256()
    for block in iter(lambda: handle.read(MB), b""):
        digest.update(block)
    handle.seek(0)
    return digest.hexdigest()


def _name_mismatch(name: str, kind: str) -> bool:
    """A name that says photo for a video (or the other way round)."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return (kind == MediaFile.Kind.PHOTO and extension in VIDEO_NAMES) or (
        kind == MediaFile.Kind.VIDEO and extension in PHOTO_NAMES)


def media_add(*, activity: Activity, actor: Any, handle: IO[bytes], name: str, size: int | None = None) -> UploadResult:
    """Judge one file by its bytes and keep it if it is a photo or video within the limits. Never
    raises for a bad file: the result says why it was refused, naming it, so a batch goes on."""
    from bakohumas.quality.media_checks import examine
    from bakohumas.quality.sniff import KeepOpen

    name = os.path.basename(name or "").strip() or _("(tanpa nama)")
    if size is None:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(0)
    if size > largest_allowed():
        return UploadResult(name, error=_("ukurannya %(size)s MB, melebihi batas %(limit)s MB.")
                            % {"size": _megabytes(size), "limit": _megabytes(largest_allowed())})
    digest = _sha256(handle)
    existing = MediaFile.objects.filter(activity=activity, sha256=digest).first()
    if existing is not None:
        return UploadResult(name, media=existing, duplicate=True)
    report = examine(handle)
    handle.seek(0)
    if report.kind == "invalid":
        return UploadResult(name, error=report.reason or _("berkas ini bukan foto atau video yang didukung."))
    if _name_mismatch(name, report.kind):
        return UploadResult(name, error=_("namanya menyatakan jenis lain, tetapi isinya %(mime)s.")
                            % {"mime": report.mime or report.kind})
    if size > max_bytes(report.kind):
        return UploadResult(name, error=_("ukurannya %(size)s MB, melebihi batas %(limit)s MB untuk %(kind)s.")
                            % {"size": _megabytes(size), "limit": _megabytes(max_bytes(report.kind)),
                               "kind": MediaFile.Kind(report.kind).label.lower()})
    facts = photo_facts(cast(IO[bytes], KeepOpen(handle))) if report.kind == MediaFile.Kind.PHOTO else None
    handle.seek(0)
    media = MediaFile(
        activity=activity, office=activity.office, kind=report.kind, original_name=name[:255], mime=report.mime,
        size=size, sha256=digest, grade=report.grade, checks=[c.as_dict() for c in report.checks],
        score=max(0.0, min(1.0, float(report.score))), width=report.width, height=report.height,
        duration=report.duration, uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
        taken_at=facts.taken_at if facts else None, place=facts.place if facts else "",
    )
    # The bytes go into storage before the transaction: copying up to 500 MB must not hold SQLite's
    # single write lock. The row follows in a short transaction; if it fails, the stored copy goes.
    extension = MIME_EXTENSIONS.get(report.mime, "bin")
    media.file.save(f"{media.id}.{extension}", File(handle), save=False)
    try:
        _media_create(media=media, actor=actor)
    except (IntegrityError, ValidationError):
        media.file.delete(save=False)
        # The same bytes saved a moment ago by another request (a double click): full_clean() sees
        # the unique constraint (ValidationError), the database sees it if both got past that.
        existing = MediaFile.objects.filter(activity=activity, sha256=digest).first()
        if existing is None:
            raise
        return UploadResult(name, media=existing, duplicate=True)
    except BaseException:
        media.file.delete(save=False)
        raise
    return UploadResult(name, media=media)


@transaction.atomic
def _media_create(*, media: MediaFile, actor: Any) -> MediaFile:
    media.full_clean(exclude=["file"], validate_unique=False)  # constraints (the unique bytes) still checked
    media.save()
    audit_record(actor=actor, action="media.upload", target=media, office=media.office,
                 data={"activity": str(media.activity_id), "name": media.original_name, "kind": media.kind,
                       "grade": media.grade})
    return media


def _add_safely(*, activity: Activity, actor: Any, upload: Any) -> UploadResult:
    """media_add, with anything unexpected turned into this file's refusal (logged), so the rest
    of the batch goes on."""
    name = os.path.basename(getattr(upload, "name", "") or "").strip() or _("(tanpa nama)")
    try:
        return media_add(activity=activity, actor=actor, handle=upload, name=name, size=upload.size)
    except Exception:
        logger.exception("upload of %r to activity %s failed", name, activity.pk)
        return UploadResult(name, error=unexpected_error())


def unexpected_error() -> str:
    return _("terjadi kesalahan saat menyimpannya (bukan karena isi berkas). Berkas lain tetap diproses; "
             "coba unggah berkas ini lagi.")


def media_add_batch(*, activity: Activity, actor: Any, files: list[Any]) -> list[UploadResult]:
    """Each uploaded file in turn (Django UploadedFile objects); one refusal never loses the others.
    Photos saved get their derivatives in a background job (one job for the batch)."""
    results = [_add_safely(activity=activity, actor=actor, upload=upload) for upload in files]
    new_photos = [r.media for r in results if r.ok and r.media and r.media.is_photo]
    if new_photos:
        derivatives_request(user=actor, activity=activity, media=new_photos)
    return results


@transaction.atomic
def media_update(*, media: MediaFile, actor: Any, data: dict[str, Any]) -> MediaFile:
    changed = {}
    for field in EDITABLE_FIELDS:
        if field in data and getattr(media, field) != data[field]:
            changed[field] = str(data[field])
            setattr(media, field, data[field])
    media.full_clean(exclude=["file"], validate_unique=False)
    media.save()
    audit_record(actor=actor, action="media.update", target=media, office=media.office, data=changed)
    if changed.keys() & {"caption", "credit"} and media.is_photo and media.derivatives.exists():
        # The embedded caption and credit must say what the page says: render them again.
        transaction.on_commit(lambda: derivatives_request(user=actor, activity=media.activity, media=[media]))
    return media


@transaction.atomic
def media_delete(*, media: MediaFile, actor: Any) -> None:
    files = [media.file.name] + [der.file.name for der in media.derivatives.all()]
    audit_record(actor=actor, action="media.delete", target=media, office=media.office,
                 data={"name": media.original_name, "sha256": media.sha256})
    media.delete()
    storage = MediaFile._meta.get_field("file").storage

    def remove() -> None:
        for name in files:
            if name:
                storage.delete(name)

    transaction.on_commit(remove)


# --- derivatives -------------------------------------------------------------------------------

def media_metadata(media: MediaFile) -> d.Metadata:
    return d.Metadata(caption=media.caption, credit=media.credit, office=str(media.office.name),
                      activity=media.activity.title, activity_date=media.activity.held_on,
                      taken_at=media.taken_at)


def derivatives_generate(*, media: MediaFile, presets: tuple[str, ...] | None = None) -> list[Derivative]:
    """Render the presets of one photo from its original and keep them (replacing older ones)."""
    presets = presets or tuple(d.PRESETS)
    with media.file.open("rb") as handle:
        # Rendered before the transaction (it takes a second; SQLite allows one writer at a
        # time): the encoded JPEGs are small next to one decoded original.
        rendered = list(d.render_all(handle, presets, media_metadata(media)))
    return _derivatives_store(media, rendered)


def _derivatives_store(media: MediaFile, rendered: list[d.Rendered]) -> list[Derivative]:
    """Files first (outside the transaction, like the originals), then the rows in a short one that
    replaces the older renditions. If anything fails, the files stored by this call go again."""
    storage = Derivative._meta.get_field("file").storage
    made: list[Derivative] = []
    try:
        for item in rendered:
            derivative = Derivative(media=media, preset=item.preset, width=item.width, height=item.height,
                                    bytes=len(item.content))
            made.append(derivative)  # before save(): its name is set only once the file is stored
            derivative.file.save(f"{media.id}-{item.preset}.jpg", ContentFile(item.content), save=False)
        _derivatives_replace(media, made)
    except BaseException:
        for derivative in made:
            if derivative.file.name:
                storage.delete(derivative.file.name)
        raise
    return made


@transaction.atomic
def _derivatives_replace(media: MediaFile, made: list[Derivative]) -> None:
    storage = Derivative._meta.get_field("file").storage
    old = list(Derivative.objects.select_for_update().filter(media=media, preset__in=[x.preset for x in made]))
    old_names = [x.file.name for x in old]
    Derivative.objects.filter(pk__in=[x.pk for x in old]).delete()

    def remove_old() -> None:
        for name in old_names:
            if name:
                storage.delete(name)

    transaction.on_commit(remove_old)
    for derivative in made:
        derivative.full_clean(exclude=["file"], validate_unique=False)
        derivative.save()


def derivatives_request(*, user: Any, activity: Activity, media: list[MediaFile]):
    """Queue one job that renders every preset of these photos (see jobs.py)."""
    from bakohumas.media.jobs import DERIVATIVES_JOB
    from bakohumas.jobs.services import job_request

    return job_request(user=user, kind=DERIVATIVES_JOB,
                       title=_("Turunan foto %(activity)s (%(date)s)") % {
                           "activity": activity.title, "date": tanggal(activity.held_on)},
                       params={"activity": str(activity.id), "media": sorted(str(m.id) for m in media)})


def channel_zip_request(*, user: Any, activity: Activity, channel: str, make_missing: bool = False):
    """Queue the channel's ZIP. `make_missing` (only for users who may edit the activity) lets the
    job render derivatives that do not exist yet; readers get the ones that exist."""
    from bakohumas.media.jobs import ZIP_JOB
    from bakohumas.jobs.services import job_request

    if channel not in d.CHANNELS:
        raise ValidationError(_("Kanal tidak dikenal."))
    return job_request(user=user, kind=ZIP_JOB,
                       title=_("ZIP %(channel)s: %(activity)s") % {"channel": channel, "activity": activity.title},
                       params={"activity": str(activity.id), "channel": channel,
                               "make_missing": bool(make_missing)})


# --- resumable uploads -------------------------------------------------------------------------

def upload_path(session: UploadSession) -> Path:
    return Path(settings.MEDIA_UPLOAD_TMP) / f"{session.id}.part"


@transaction.atomic
def upload_session_start(*, activity: Activity, actor: Any, filename: str, total_size: int) -> UploadSession:
    filename = os.path.basename(filename or "").strip()[:255]
    if not filename:
        raise ValidationError(_("Nama berkas kosong."))
    if total_size <= 0:
        raise ValidationError(_("%(name)s kosong.") % {"name": filename})
    if total_size > largest_allowed():
        raise ValidationError(_("%(name)s ditolak: ukurannya %(size)s MB, melebihi batas %(limit)s MB.")
                              % {"name": filename, "size": _megabytes(total_size),
                                 "limit": _megabytes(largest_allowed())})
    session = UploadSession(activity=activity, user=actor, filename=filename, total_size=total_size)
    session.full_clean()
    session.save()
    path = upload_path(session)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    return session


class ChunkOutOfPlace(Exception):
    """The chunk does not start where the server's bytes end (the client must ask and resume)."""


def upload_session_append(*, session_id: Any, start: int, chunk: bytes, total: int) -> UploadSession:
    """Write a chunk at `start`, which must be exactly what the server already has."""
    with transaction.atomic():
        session = UploadSession.objects.select_for_update().get(pk=session_id)
        if total != session.total_size:
            raise ValidationError(_("Ukuran total berkas berubah di tengah pengunggahan."))
        if start != session.received:
            raise ChunkOutOfPlace(session.received)
        if start + len(chunk) > session.total_size:
            raise ValidationError(_("Potongan melewati ukuran berkas."))
        path = upload_path(session)
        with open(path, "r+b" if path.exists() else "wb") as out:
            out.seek(start)
            out.write(chunk)
            out.truncate()
        session.received = start + len(chunk)
        session.save(update_fields=["received", "updated_at"])
    return session


def upload_session_finish(*, session: UploadSession, actor: Any) -> UploadResult:
    """All bytes are here: judge and keep the file exactly as the plain form would, then forget
    the session and its temporary file. When keeping it fails for a reason that is not the file's
    content (storage, database, a bug), the assembled bytes and the session stay, the result's
    `retry` is set, and this may be called again: nobody re-sends 500 MB for a passing fault."""
    path = upload_path(session)
    try:
        with open(path, "rb") as handle:
            result = media_add(activity=session.activity, actor=actor, handle=handle, name=session.filename,
                               size=session.total_size)
    except FileNotFoundError:  # the bytes are gone (pruned, or removed by hand): start again
        logger.warning("upload session %s has no temporary file", session.pk)
        session.delete()
        return UploadResult(session.filename, error=_("berkas sementara di server tidak ada lagi; unggah ulang."))
    except ValidationError:  # a row the model refuses: trying the same bytes again will not help
        logger.exception("upload session %s: the file was refused by the model", session.pk)
        path.unlink(missing_ok=True)
        session.delete()
        return UploadResult(session.filename, error=unexpected_error())
    except Exception:
        logger.exception("finishing upload session %s failed", session.pk)
        return UploadResult(session.filename, error=unexpected_finish_error(), retry=True)
    # Kept, already there, or refused for its content: either way the temporary bytes have served.
    path.unlink(missing_ok=True)
    session.delete()
    if result.ok and result.media and result.media.is_photo:
        derivatives_request(user=actor, activity=result.media.activity, media=[result.media])
    return result


def unexpected_finish_error() -> str:
    return _("berkas sudah diterima lengkap, tetapi gagal disimpan karena gangguan di server (bukan karena isi "
             "berkas). Bagian yang sudah terkirim disimpan; coba selesaikan lagi tanpa mengirim ulang.")


def upload_sessions_prune(*, older_than_hours: int = 48) -> int:
    """Forget uploads abandoned half-way (and their bytes)."""
    count = 0
    cutoff = timezone.now() - dt.timedelta(hours=older_than_hours)
    for session in UploadSession.objects.filter(updated_at__lt=cutoff):
        upload_path(session).unlink(missing_ok=True)
        session.delete()
        count += 1
    return count
