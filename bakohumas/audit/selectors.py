"""Who may read which audit rows: KPU RI everything; a province evaluator its province and its kab/kota;
a Ketua Bakohumas their own office. Operators and pimpinan do not read the audit trail (403): they see
their own work on the records themselves, and the trail also holds colleagues' logins."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from bakohumas.audit.models import AuditEntry
from bakohumas.audit.presentation import KINDS
from bakohumas.offices.models import Office, User


def may_read_audit(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser or user.role == User.Role.HUMAS_RI:
        return True
    return user.office_id is not None and user.role in (User.Role.EVALUATOR, User.Role.KETUA)


def audit_entries_for_user(user) -> QuerySet[AuditEntry]:
    if not may_read_audit(user):
        raise PermissionDenied
    entries = AuditEntry.objects.select_related("actor", "office")
    if user.is_superuser or user.role == User.Role.HUMAS_RI:
        return entries
    if user.role == User.Role.EVALUATOR:
        return entries.filter(office__in=Office.objects.visible_to(user))
    return entries.filter(office_id=user.office_id)


def get_entry_for_user(user, entry_id: UUID) -> AuditEntry:
    return get_object_or_404(audit_entries_for_user(user), pk=entry_id)


def filter_entries(entries: QuerySet[AuditEntry], filters: dict[str, Any]) -> QuerySet[AuditEntry]:
    if filters.get("kind") in KINDS:
        prefixes = KINDS[filters["kind"]][1]
        condition = Q()
        for prefix in prefixes:
            condition |= Q(action__startswith=prefix)
        entries = entries.filter(condition)
    if filters.get("office"):
        entries = entries.filter(office=filters["office"])
    if filters.get("user"):
        entries = entries.filter(actor__username=filters["user"])
    if filters.get("date_from"):
        entries = entries.filter(created_at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        entries = entries.filter(created_at__date__lte=filters["date_to"])
    return entries
