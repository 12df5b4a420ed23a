"""Background work of the media library: rendering derivatives after an upload, and the ZIP of an
activity's photos for one channel. Runners are registered in MediaConfig.ready()."""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import zipfile
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bakohumas.jobs.registry import JobOutput, Progress
from bakohumas.media import derivatives as d
from bakohumas.media.models import Derivative, MediaFile
from bakohumas.records.models import Activity

logger = logging.getLogger(__name__)

DERIVATIVES_JOB = "media_derivatives"
ZIP_JOB = "media_zip"


def _slug(text: str, limit: int = 60) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit] or "kegiatan"


def failure_reason(exc: Exception) -> str:
    """Why a photo's derivatives could not be made, for the summary (no exception class names)."""
    from bakohumas.quality.photo import TooManyPixels, too_many_pixels_reason

    if isinstance(exc, TooManyPixels):
        return _("turunan tidak dibuat. %(reason)s") % {"reason": too_many_pixels_reason(exc)}
    return _("turunan tidak dapat dibuat: berkas aslinya rusak, tidak terbaca, atau terjadi gangguan di "
             "server. Coba buat ulang turunannya; jika tetap gagal, unggah ulang fotonya.")


def run_derivatives(params: dict[str, Any], progress: Progress) -> JobOutput:
    """Every preset of each listed photo, one photo at a time. A photo that cannot be rendered is
    noted in the job's summary and the others go on."""
    from bakohumas.media.services import derivatives_generate

    photos = list(MediaFile.objects.filter(activity_id=params["activity"], id__in=params["media"],
                                           kind=MediaFile.Kind.PHOTO).select_related("activity", "office"))
    lines = []
    for index, media in enumerate(photos):
        progress(int(100 * index / max(1, len(photos))), gettext_noop("Membuat turunan foto"))
        try:
            made = derivatives_generate(media=media)
        except Exception as exc:  # a damaged original must not stop the rest
            logger.exception("derivatives of %s failed", media.pk)
            lines.append(f"{media.original_name}: {failure_reason(exc)}")
        else:
            lines.append(_("%(name)s: turunan dibuat (%(list)s).") % {
                "name": media.original_name, "list": ", ".join(f"{x.preset} {x.width}×{x.height}" for x in made)})
    return JobOutput(("\n".join(lines) + "\n").encode("utf-8"), "turunan.txt", "text/plain; charset=utf-8")


def run_channel_zip(params: dict[str, Any], progress: Progress) -> JobOutput:
    """The channel's renditions of every photo of the activity, best first. Missing renditions are
    made only when the requester may edit the activity (params["make_missing"], set by the view):
    making them is a write, and a reader's ZIP holds what exists. Photos left out (not rendered yet,
    or rendering failed) are listed in BACA-SAYA.txt inside the ZIP.
    Written to a temporary file entry by entry (JPEGs are stored, not recompressed), which the job
    copies into storage in chunks: the archive is never held in memory."""
    from bakohumas.media.services import derivatives_generate

    activity = Activity.objects.select_related("office").get(pk=params["activity"])
    channel = params["channel"]
    make_missing = bool(params.get("make_missing", False))
    presets = d.CHANNELS[channel]
    photos = list(MediaFile.objects.filter(activity=activity, kind=MediaFile.Kind.PHOTO).best_first()
                  .select_related("activity", "office"))
    folder = f"{activity.held_on:%Y-%m-%d}-{_slug(activity.title)}"
    left_out: list[str] = []
    spool = tempfile.TemporaryFile()  # closed by the job once stored
    try:
        with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_STORED) as archive:
            for index, media in enumerate(photos, start=1):
                progress(int(95 * (index - 1) / max(1, len(photos))), gettext_noop("Menyusun berkas ZIP"))
                have = {x.preset: x for x in media.derivatives.filter(preset__in=presets)}
                if len(have) < len(presets) and make_missing:
                    try:
                        derivatives_generate(media=media, presets=tuple(p for p in presets if p not in have))
                    except Exception as exc:
                        logger.exception("derivatives of %s failed", media.pk)
                        left_out.append(f"- {media.original_name}: {failure_reason(exc)}")
                        continue
                    have = {x.preset: x for x in media.derivatives.filter(preset__in=presets)}
                elif len(have) < len(presets):
                    missing = ", ".join(p for p in presets if p not in have)
                    left_out.append("- " + _("%(name)s: turunan %(presets)s belum dibuat; petugas humas satuan "
                                             "kerja ini dapat membuatnya.") % {"name": media.original_name,
                                                                               "presets": missing})
                stem = _slug(media.original_name.rsplit(".", 1)[0], 40)
                for preset in presets:
                    derivative: Derivative | None = have.get(preset)
                    if derivative is None:
                        continue
                    name = f"{folder}/{preset}/{index:03d}-{stem}.jpg"
                    with derivative.file.open("rb") as source, archive.open(name, "w") as target:
                        shutil.copyfileobj(source, target, 1024 * 1024)
            if left_out:
                note = _("Foto yang tidak (lengkap) masuk ZIP ini:") + "\n\n" + "\n".join(left_out) + "\n"
                archive.writestr(f"{folder}/BACA-SAYA.txt", note.replace("\n", "\r\n").encode("utf-8"))
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return JobOutput(spool, f"{folder}-{channel}.zip", "application/zip")
