"""Writes for the election library. Every function is atomic, validates before saving and leaves
an audit row in the same transaction (Rule 3)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.audit.services import audit_record
from bakohumas.core.conflicts import user_name
from bakohumas.core.uploads import named_by_bytes
from bakohumas.library.isbn import normalize_isbn
from bakohumas.library.models import (
    ApplicationEvent,
    ApplicationPart,
    CatalogueRecord,
    IsbnApplication,
    Item,
    PartKind,
    RecordFile,
)
from bakohumas.offices.models import Office

# The descriptive fields a form, an import or MARC may set.
RECORD_FIELDS = [
    "title", "subtitle", "responsibility", "authors", "publisher", "place", "year", "edition", "collation",
    "series", "subjects", "language", "election", "election_stage", "document_type", "isbns", "issns",
    "call_number", "notes", "files_public", "marc_extra",
]
Status = IsbnApplication.Status


def _apply(record: CatalogueRecord, data: Mapping[str, Any]) -> list[str]:
    unknown = set(data) - set(RECORD_FIELDS) - {"cover"}
    if unknown:
        raise ValueError(f"unknown record fields: {sorted(unknown)}")
    changed = []
    for field, value in data.items():
        if field == "cover" and not value:
            continue  # an empty upload keeps the stored cover
        if field == "cover":
            value = named_by_bytes(value)  # never the uploader's name: `sampul.html` is no cover
        if getattr(record, field) != value:
            changed.append(field)
        setattr(record, field, value)
    record.full_clean()
    record.search_text = record.build_search_text()
    return changed


class ConflictError(ValidationError):
    """Somebody else saved the record after this user opened it."""


@transaction.atomic
def record_create(*, office: Office, actor: Any, data: Mapping[str, Any], source: str = "",
                  record_id: uuid.UUID | None = None, form_token: uuid.UUID | None = None) -> CatalogueRecord:
    """`record_id` only for data that must keep stable identifiers (demo data, migrations).
    `form_token` is the create form's one-time token: posting the same form twice gives the record
    created the first time, not a second one."""
    if form_token is not None:
        existing = CatalogueRecord.objects.filter(form_token=form_token, office=office).first()
        if existing is not None:
            return existing
    record = CatalogueRecord(office=office, created_by=actor if getattr(actor, "is_authenticated", False) else None,
                             form_token=form_token)
    if record_id is not None:
        record.id = record_id
    _apply(record, data)
    try:
        with transaction.atomic():  # a savepoint: the same token posted at the same moment hits the unique index
            record.save()
    except IntegrityError:
        if form_token is None:
            raise
        return CatalogueRecord.objects.get(form_token=form_token, office=office)
    audit_record(actor=actor, action="library.record.create", target=record, office=office, note=source)
    return record


@transaction.atomic
def record_update(*, record: CatalogueRecord, actor: Any, data: Mapping[str, Any],
                  revision: int | None = None) -> CatalogueRecord:
    """`revision` is the one the editor loaded: if someone saved in between, the save is refused
    (ConflictError) instead of silently overwriting their work. None only for internal callers."""
    record = CatalogueRecord.objects.select_for_update(of=("self",)).select_related("updated_by").get(pk=record.pk)
    if record.is_deleted:
        raise ValidationError(_("Katalog yang sudah dihapus tidak dapat diubah."))
    if revision is not None and revision != record.revision:
        raise ConflictError(_("Katalog ini baru saja disimpan oleh %(who)s pada %(when)s, setelah Anda membukanya.")
                            % {"who": user_name(record.updated_by),
                               "when": timezone.localtime(record.updated_at).strftime("%H:%M")})
    changed = _apply(record, data)
    record.revision += 1
    record.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    record.save()
    audit_record(actor=actor, action="library.record.update", target=record, office=record.office,
                 data={"fields": changed})
    return record


@transaction.atomic
def record_delete(*, record: CatalogueRecord, actor: Any) -> CatalogueRecord:
    """Soft delete: the OAI-PMH endpoint keeps reporting the record as deleted (deletedRecord=persistent)."""
    if record.is_deleted:
        raise ValidationError(_("Katalog ini sudah dihapus."))
    record.deleted_at = timezone.now()
    record.save(update_fields=["deleted_at", "updated_at"])
    audit_record(actor=actor, action="library.record.delete", target=record, office=record.office)
    return record


@transaction.atomic
def record_add_file(*, record: CatalogueRecord, actor: Any, upload: File, label: str = "") -> RecordFile:
    attached = RecordFile(record=record, label=label, file=named_by_bytes(upload), size=upload.size or 0)
    attached.full_clean()
    attached.save()
    record.save(update_fields=["updated_at"])  # a new file changes what harvesters see
    audit_record(actor=actor, action="library.record.add_file", target=record, office=record.office,
                 data={"file": attached.file.name})
    return attached


@transaction.atomic
def item_add(*, record: CatalogueRecord, actor: Any, inventory_code: str, location: str = "",
             status: str = Item.Status.AVAILABLE, note: str = "") -> Item:
    item = Item(record=record, office=record.office, inventory_code=inventory_code.strip(), location=location,
                status=status, note=note)
    try:
        item.full_clean()
    except ValidationError as exc:
        if "__all__" in exc.message_dict or "inventory_code" in exc.message_dict:
            raise ValidationError({"inventory_code": _("Kode inventaris %(code)s sudah dipakai di kantor ini.")
                                   % {"code": item.inventory_code}} if item.inventory_code else exc.message_dict) from exc
        raise
    item.save()
    audit_record(actor=actor, action="library.item.add", target=record, office=record.office,
                 data={"inventory_code": item.inventory_code})
    return item


# ---- ISBN applications ------------------------------------------------------------------------

def _log(application: IsbnApplication, *, actor: Any, action: str, old: str, comment: str = "") -> None:
    ApplicationEvent.objects.create(
        application=application, actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action, from_status=old, to_status=application.status, comment=comment)
    audit_record(actor=actor, action=f"library.isbn.{action}", target=application, office=application.office,
                 note=comment, data={"from": old, "to": application.status})


def _move(application: IsbnApplication, *, allowed: tuple[str, ...], to: str, message: str) -> str:
    if application.status not in allowed:
        raise ValidationError(message)
    old = application.status
    application.status = to
    return old


@transaction.atomic
def application_create(*, record: CatalogueRecord, actor: Any) -> IsbnApplication:
    if record.is_deleted:
        raise ValidationError(_("Katalog yang sudah dihapus tidak dapat diajukan ISBN."))
    if record.isbn_applications.exclude(status=Status.ASSIGNED).exists():
        raise ValidationError(_("Buku ini sudah memiliki pengajuan ISBN yang sedang berjalan."))
    application = IsbnApplication(office=record.office, record=record)
    application.full_clean()
    application.save()
    _log(application, actor=actor, action="create", old="")
    return application


@transaction.atomic
def application_attach_part(*, application: IsbnApplication, actor: Any, kind: str,
                            upload: File) -> ApplicationPart:
    if not application.office_may_edit:
        raise ValidationError(_("Kelengkapan hanya dapat diubah selama pengajuan berstatus draf atau dikembalikan."))
    part = application.parts.filter(kind=kind).first() or ApplicationPart(application=application, kind=kind)
    part.file = named_by_bytes(upload)
    part.size = upload.size or 0
    part.full_clean()
    part.save()
    application.save(update_fields=["updated_at"])
    audit_record(actor=actor, action="library.isbn.attach", target=application, office=application.office,
                 data={"kind": kind, "file": part.file.name})
    return part


def application_missing_parts(application: IsbnApplication) -> list[PartKind]:
    present = {part.kind for part in application.parts.all()}
    return [kind for kind in PartKind if kind.value not in present]


@transaction.atomic
def application_submit(*, application: IsbnApplication, actor: Any) -> IsbnApplication:
    missing = application_missing_parts(application)
    if missing:
        raise ValidationError(_("Pengajuan belum lengkap. Belum ada: %(parts)s.")
                              % {"parts": ", ".join(str(kind.label) for kind in missing)})
    old = _move(application, allowed=(Status.DRAFT, Status.RETURNED), to=Status.SUBMITTED,
                message=_("Hanya pengajuan draf atau yang dikembalikan yang dapat dikirim."))
    application.submitted_at = timezone.now()
    application.full_clean()
    application.save()
    _log(application, actor=actor, action="submit", old=old)
    return application


@transaction.atomic
def application_return(*, application: IsbnApplication, actor: Any, comment: str) -> IsbnApplication:
    if not comment.strip():
        raise ValidationError(_("Tuliskan catatan untuk kantor pengaju."))
    old = _move(application, allowed=(Status.SUBMITTED, Status.FORWARDED), to=Status.RETURNED,
                message=_("Hanya pengajuan yang sedang diperiksa yang dapat dikembalikan."))
    application.full_clean()
    application.save()
    _log(application, actor=actor, action="return", old=old, comment=comment.strip())
    return application


@transaction.atomic
def application_forward(*, application: IsbnApplication, actor: Any, comment: str = "") -> IsbnApplication:
    old = _move(application, allowed=(Status.SUBMITTED,), to=Status.FORWARDED,
                message=_("Hanya pengajuan yang sudah diajukan yang dapat diteruskan ke Perpusnas."))
    application.full_clean()
    application.save()
    _log(application, actor=actor, action="forward", old=old, comment=comment.strip())
    return application


@transaction.atomic
def application_assign(*, application: IsbnApplication, actor: Any, isbn: str, kdt: str) -> IsbnApplication:
    """Record the ISBN and KDT from Perpusnas; the ISBN is added to the book's catalogue record."""
    isbn13 = normalize_isbn(isbn)
    if not kdt.strip():
        raise ValidationError(_("Isi KDT (Katalog Dalam Terbitan) dari Perpusnas."))
    old = _move(application, allowed=(Status.FORWARDED,), to=Status.ASSIGNED,
                message=_("ISBN hanya dicatat untuk pengajuan yang sudah diteruskan ke Perpusnas."))
    application.isbn, application.kdt, application.assigned_at = isbn13, kdt.strip(), timezone.now()
    application.full_clean()
    application.save()
    record = application.record
    if isbn13 not in record.isbns:
        record.isbns = [*record.isbns, isbn13]
        record.full_clean()
        record.search_text = record.build_search_text()
        record.save()
    _log(application, actor=actor, action="assign", old=old, comment=isbn13)
    return application


@transaction.atomic
def application_record_deposit(*, application: IsbnApplication, actor: Any, deposit_on: dt.date,
                               note: str = "") -> IsbnApplication:
    """Serah simpan karya cetak (legal deposit, UU 13/2018) after the ISBN is assigned."""
    if application.status != Status.ASSIGNED:
        raise ValidationError(_("Serah simpan dicatat setelah ISBN terbit."))
    application.deposit_on, application.deposit_note = deposit_on, note.strip()
    application.full_clean()
    application.save()
    _log(application, actor=actor, action="deposit", old=application.status,
         comment=f"{deposit_on.isoformat()} {note}".strip())
    return application
