"""Writes of the office records: validated (`full_clean`), atomic, and audited in the same
transaction. Forms and the importer hand over cleaned data as a mapping of model fields.

`full_clean` already refuses a duplicate (a channel, partnership or activity that is already
recorded); two requests at the same moment (a double click) can both pass it, so the database's
unique constraint decides and the loser gets the same Indonesian message instead of an error page.
A partnership's replaced or deleted document leaves the storage once the change is committed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, models, transaction

from bakohumas.audit.services import audit_record
from bakohumas.core.uploads import named_by_bytes
from bakohumas.offices.models import Office
from bakohumas.records.models import Activity, Channel, Partnership

CHANNEL_FIELDS = ("kind", "handle", "url", "active_since", "active_until", "managed_by", "notes")
PARTNERSHIP_FIELDS = ("partner_name", "partner_type", "form", "number", "scope", "signed_on", "valid_until",
                      "notes")
ACTIVITY_FIELDS = ("held_on", "kind", "title", "partnership", "partners", "non_budget", "audience_size",
                   "publication_urls", "notes")


def _assign(instance: models.Model, data: Mapping[str, Any], allowed: tuple[str, ...]) -> list[str]:
    """Set the allowed fields present in `data`; the names of those that changed."""
    changed = []
    for name in allowed:
        if name in data and getattr(instance, name) != data[name]:
            setattr(instance, name, data[name])
            changed.append(name)
    return changed


def _audit_data(instance: models.Model, changed: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in changed:
        value = getattr(instance, name)
        if isinstance(value, models.Model):
            value = value.pk
        out[name] = value if isinstance(value, (int, bool, list, type(None))) else str(value)
    return out


def _save(instance: models.Model) -> None:
    """Save in a savepoint; a concurrent duplicate becomes the model's own "already recorded" message."""
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        unique = next(c for c in instance._meta.constraints if isinstance(c, models.UniqueConstraint))
        raise ValidationError(unique.get_violation_error_message()) from None


def _delete_file_on_commit(field_file: Any) -> None:
    storage, name = field_file.storage, field_file.name
    transaction.on_commit(lambda: storage.delete(name))  # a rollback keeps the file the row points to


# --- channels ----------------------------------------------------------------------------------

@transaction.atomic
def channel_create(*, office: Office, actor: Any, data: Mapping[str, Any], note: str = "") -> Channel:
    channel = Channel(office=office)
    changed = _assign(channel, data, CHANNEL_FIELDS)
    channel.full_clean()
    _save(channel)
    audit_record(actor=actor, action="records.channel.create", target=channel, office=office, note=note,
                 data=_audit_data(channel, changed))
    return channel


@transaction.atomic
def channel_update(*, channel: Channel, actor: Any, data: Mapping[str, Any], note: str = "") -> Channel:
    changed = _assign(channel, data, CHANNEL_FIELDS)
    if not changed:
        return channel
    channel.full_clean()
    _save(channel)
    audit_record(actor=actor, action="records.channel.update", target=channel, office=channel.office, note=note,
                 data=_audit_data(channel, changed))
    return channel


# --- partnerships ------------------------------------------------------------------------------

def _save_partnership(partnership: Partnership, *, new_document: bool) -> None:
    """Save; if the row is refused, the document just stored for it goes again."""
    try:
        _save(partnership)
    except ValidationError:
        name = partnership.document.name
        if new_document and name:
            partnership.document.storage.delete(name)
        raise


@transaction.atomic
def partnership_create(*, office: Office, actor: Any, data: Mapping[str, Any],
                       document: UploadedFile | None = None, note: str = "") -> Partnership:
    partnership = Partnership(office=office)
    changed = _assign(partnership, data, PARTNERSHIP_FIELDS)
    if document:
        partnership.document = named_by_bytes(document)  # type: ignore[assignment]
        changed.append("document")
    partnership.full_clean()
    _save_partnership(partnership, new_document=bool(document))  # stores an uploaded document too
    audit_record(actor=actor, action="records.partnership.create", target=partnership, office=office,
                 note=note, data=_audit_data(partnership, changed))
    return partnership


@transaction.atomic
def partnership_update(*, partnership: Partnership, actor: Any, data: Mapping[str, Any],
                       document: UploadedFile | None = None, note: str = "") -> Partnership:
    changed = _assign(partnership, data, PARTNERSHIP_FIELDS)
    old_file = partnership.document if partnership.document else None
    old_document = old_file.name if old_file is not None else ""
    if document:
        partnership.document = named_by_bytes(document)  # type: ignore[assignment]
        changed.append("document")
    if not changed:
        return partnership
    partnership.full_clean()
    _save_partnership(partnership, new_document=bool(document))
    if document and old_file is not None:
        _delete_file_on_commit(old_file)  # the replaced document is no longer reachable
    audit_record(actor=actor, action="records.partnership.update", target=partnership,
                 office=partnership.office, note=note,
                 data={**_audit_data(partnership, changed), **({"replaced_document": old_document}
                                                               if document and old_document else {})})
    return partnership


# --- activities --------------------------------------------------------------------------------

@transaction.atomic
def activity_create(*, office: Office, actor: Any, data: Mapping[str, Any]) -> Activity:
    activity = Activity(office=office)
    changed = _assign(activity, data, ACTIVITY_FIELDS)
    activity.full_clean()
    _save(activity)
    audit_record(actor=actor, action="records.activity.create", target=activity, office=office,
                 data=_audit_data(activity, changed))
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, actor: Any, data: Mapping[str, Any]) -> Activity:
    changed = _assign(activity, data, ACTIVITY_FIELDS)
    if not changed:
        return activity
    activity.full_clean()
    _save(activity)
    audit_record(actor=actor, action="records.activity.update", target=activity, office=activity.office,
                 data=_audit_data(activity, changed))
    return activity


# --- deleting a record entered by mistake ----------------------------------------------------------

@transaction.atomic
def record_delete(*, record: Channel | Partnership | Activity, actor: Any) -> None:
    """Delete a channel, partnership or activity entered by mistake (a record that simply ended gets
    an end date instead). The audit row keeps what it said; a partnership's activities stay, no longer
    linked to it, and its signed document is removed once the deletion is committed."""
    kind = {Channel: "channel", Partnership: "partnership", Activity: "activity"}[type(record)]
    fields = {Channel: CHANNEL_FIELDS, Partnership: PARTNERSHIP_FIELDS, Activity: ACTIVITY_FIELDS}[type(record)]
    audit_record(actor=actor, action=f"records.{kind}.delete", target=record, office=record.office,
                 data=_audit_data(record, list(fields)))
    document = getattr(record, "document", None)
    record.delete()
    if document:
        _delete_file_on_commit(document)
