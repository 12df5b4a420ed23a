from __future__ import annotations

from typing import Any

from django.db import models

from bakohumas.audit.models import AuditEntry


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None,
    office: Any = None,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record a change; call it inside the transaction that makes the change. Without a target (a failed
    login for an unknown user name) the row is filed under `target_type="auth"`."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "auth",
        target_id=str(target.pk) if target is not None else "",
        office=office,
        note=note,
        data=data or {},
    )
