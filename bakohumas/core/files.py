"""Stored files leave the server only through scoped views, never under MEDIA_URL.

Nothing serves MEDIA_URL in production, and a folder served as-is would hand every file to anyone
who guesses its path. So every FileField/ImageField has a view that first looks up the object it
belongs to with that object's scoped lookup (outsiders 404), then answers with `serve_file`:
the Content-Type the stored bytes give (not the name, not what the uploader said), `nosniff`,
inline only for images and PDFs a browser shows safely, an attachment for everything else, and a
download name whose extension matches the bytes. Files stored before uploads were renamed by their
bytes (`evil.html` holding a JPEG) are served the same way.

`FILE_VIEWS` names that view for every file field; bakohumas/core/tests/test_files.py checks it
against every model Django knows, so a new file field fails the suite until it has one."""

from __future__ import annotations

import re

import filetype
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest
from django.utils.translation import gettext as _

from bakohumas.core.uploads import HEAD_BYTES

# model ("app_label.ModelName.field") -> the URL names that serve it, each through serve_file.
FILE_VIEWS: dict[str, tuple[str, ...]] = {
    "reports.ReportValue.evidence_file": ("reports:evidence",),
    "library.CatalogueRecord.cover": ("library:cover",),
    "library.RecordFile.file": ("library:file_download", "library:opac_file"),
    "library.ApplicationPart.file": ("library:part_download",),
    "records.Partnership.document": ("records:partnership_document",),
    "ppid.InformationRequest.power_of_attorney": ("ppid:power_of_attorney",),
    "media.MediaFile.file": ("media:original",),
    "media.Derivative.file": ("media:derivative",),
    "jobs.Job.file": ("jobs:download",),
    "offices.OfficeProfile.logo": ("offices:profile_logo",),
    "meetings.AgendaItem.material": ("meetings:material",),
}

# What a browser may show in the page: pictures and PDFs, which run no script of ours. Anything
# else (HTML, SVG, text, office files, videos, unknown bytes) is a download.
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"})
OCTET_STREAM = "application/octet-stream"
PRIVATE_CACHE = "private, max-age=3600"


class StoredFileMissing(Http404):
    """The record names a file the storage no longer has (lost in a move, a restored backup)."""


def sniff_stored(handle) -> tuple[str, str] | None:
    """(MIME type, extension) that a stored file's first bytes give, or None if they say nothing."""
    head = handle.read(HEAD_BYTES)
    handle.seek(0)
    kind = filetype.guess(head)
    return (kind.mime, kind.extension) if kind else None


def download_name(name: str, extension: str | None) -> str:
    """A safe download name: no folders, no quotes or control characters, and, where the bytes are
    known, their extension (`laporan.pdf.html` holding a PDF is offered as `laporan.pdf`)."""
    base = re.split(r"[\\/]", name or "")[-1].strip().replace(" ", "_")
    base = re.sub(r"[^\w.\-]", "", base).lstrip(".") or "berkas"
    if extension:
        stem = base.rsplit(".", 1)[0] if "." in base else base
        base = stem if stem.lower().endswith(f".{extension}") else f"{stem}.{extension}"
    return base[-150:]


def serve_file(request: HttpRequest, field: FieldFile, *, filename: str, content_type: str = "",
               attachment: bool = False, cache_control: str = PRIVATE_CACHE) -> FileResponse:
    """Answer with the stored file of `field`, which the caller has already checked the user may
    see. `content_type` is only used when the bytes say nothing (CSV written by the app itself);
    `attachment` forces a download; `?unduh` in the URL asks for one. A missing file is a 404."""
    if not field:
        raise Http404(_("Berkas tidak ditemukan."))
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise StoredFileMissing(_("Berkas tidak ditemukan di penyimpanan.")) from None
    sniffed = sniff_stored(handle)
    mime = sniffed[0] if sniffed else (content_type or OCTET_STREAM)
    inline = sniffed is not None and mime in INLINE_TYPES and not attachment and "unduh" not in request.GET
    response = FileResponse(handle, as_attachment=not inline,
                            filename=download_name(filename, sniffed[1] if sniffed else None),
                            content_type=mime)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = cache_control
    return response
