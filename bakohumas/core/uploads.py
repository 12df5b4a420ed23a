"""A file is what its bytes say, not what its name says."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import TypeVar

import filetype
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

EVIDENCE_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
HEAD_BYTES = 8192  # enough for filetype to tell an XLSX from any other ZIP
KIND_LABELS = {"pdf": "PDF", "jpg": "JPG", "png": "PNG", "xlsx": "XLSX", "zip": "ZIP", "text": "CSV/teks",
               "image": gettext_lazy("foto"), "video": gettext_lazy("video")}


def sniff_evidence(upload) -> str | None:
    """The extension for an allowed evidence file, judged from its first bytes; None otherwise."""
    head = upload.read(261)
    upload.seek(0)
    kind = filetype.guess(head)
    return EVIDENCE_TYPES.get(kind.mime) if kind else None


def sniff_kind(upload) -> str | None:
    """What the first bytes say the file is: pdf, jpg, png, xlsx, zip, image, video, text (no NUL
    byte and no known binary signature: CSV, JSON, MARC, XML) or None (some other binary)."""
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        return None if b"\x00" in head else "text"
    if kind.mime in EVIDENCE_TYPES:
        return EVIDENCE_TYPES[kind.mime]
    if kind.mime == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
        return "xlsx"
    if kind.mime == "application/zip":
        return "zip"
    return kind.mime.split("/")[0] if kind.mime.split("/")[0] in {"image", "video"} else None


def check_upload(upload, *, max_bytes: int, kinds: Collection[str]) -> str:
    """The shared guard of a form's clean_<file>: within `max_bytes`, and its bytes one of `kinds`
    (see sniff_kind; "image"/"video" accept every photo/video format, jpg and png included).
    Returns the kind; raises ValidationError with an Indonesian message otherwise."""
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(_("Berkas terlalu besar; batasnya %(limit)s MB.")
                              % {"limit": f"{max_bytes / (1024 * 1024):g}".replace(".", ",")})
    kind = sniff_kind(upload)
    accepted = kind in kinds or (kind in {"jpg", "png"} and "image" in kinds) or (kind == "xlsx" and "zip" in kinds)
    if kind is None or not accepted:
        raise ValidationError(_("Isi berkas tidak sesuai; yang diterima: %(kinds)s.")
                              % {"kinds": ", ".join(str(KIND_LABELS.get(k, k)) for k in kinds)})
    return kind


def stored_name(upload) -> str:
    """The name an upload is stored under: random (nothing the uploader chose reaches the storage
    path) with the extension its bytes give (`evil.html` holding a JPEG is stored as .jpg,
    `laporan.pdf.html` holding a PDF as .pdf), or .bin when they say nothing."""
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    return f"{uuid.uuid4().hex}.{kind.extension if kind else 'bin'}"


Upload = TypeVar("Upload", bound=File)


def named_by_bytes(upload: Upload) -> Upload:
    """The upload renamed with stored_name, for services to call before saving it to a file field."""
    upload.name = stored_name(upload)
    return upload
