"""Writes of the content calendar: validated, atomic and audited in the same transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bakohumas.audit.services import audit_record
from bakohumas.governance.models import PlannedPost
from bakohumas.offices.models import Office

PLANNED_POST_FIELDS = ("planned_on", "platform", "topic", "notes", "status")


def _save(plan: PlannedPost) -> None:
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:  # a double click: the unique constraint decides
        raise ValidationError(str(PlannedPost._meta.constraints[-1].violation_error_message)) from None


def _audit_data(plan: PlannedPost, changed: list[str]) -> dict[str, Any]:
    return {name: str(getattr(plan, name)) for name in changed}


@transaction.atomic
def planned_post_create(*, office: Office, actor: Any, data: Mapping[str, Any]) -> PlannedPost:
    plan = PlannedPost(office=office, created_by=actor if getattr(actor, "is_authenticated", False) else None)
    changed = [name for name in PLANNED_POST_FIELDS if name in data]
    for name in changed:
        setattr(plan, name, data[name])
    plan.full_clean()
    _save(plan)
    audit_record(actor=actor, action="governance.planned_post.create", target=plan, office=office,
                 data=_audit_data(plan, changed))
    return plan


@transaction.atomic
def planned_post_update(*, plan: PlannedPost, actor: Any, data: Mapping[str, Any]) -> PlannedPost:
    changed = [name for name in PLANNED_POST_FIELDS if name in data and getattr(plan, name) != data[name]]
    if not changed:
        return plan
    for name in changed:
        setattr(plan, name, data[name])
    plan.full_clean()
    _save(plan)
    audit_record(actor=actor, action="governance.planned_post.update", target=plan, office=plan.office,
                 data=_audit_data(plan, changed))
    return plan
