"""Writes of the national quality standard: Humas KPU RI only (selectors.can_edit_standard), validated, audited."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from bakohumas.audit.services import audit_record
from bakohumas.quality.models import QualityStandard
from bakohumas.quality.selectors import can_edit_standard
from bakohumas.quality.standard import Standard


@transaction.atomic
def standard_update(*, actor: Any, data: Mapping[str, Any]) -> QualityStandard:
    """Change thresholds of the national standard (fields not in `data` keep their value).
    The audit row keeps every changed field's old and new value."""
    if not can_edit_standard(actor):
        raise PermissionDenied
    row = QualityStandard.objects.select_for_update().filter(scope=QualityStandard.NATIONAL).first()
    if row is None:
        row = QualityStandard()
    changes: dict[str, list[Any]] = {}
    for name in Standard.field_names():
        if name in data and getattr(row, name) != data[name]:
            changes[name] = [getattr(row, name), data[name]]
            setattr(row, name, data[name])
    row.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    row.full_clean()
    row.save()
    audit_record(actor=actor, action="quality_standard.update", target=row, office=getattr(actor, "office", None),
                 data={"changes": changes})
    return row
