from __future__ import annotations

from django import template

from bakohumas.audit import presentation
from bakohumas.audit.models import AuditEntry

register = template.Library()


@register.filter
def audit_label(action: str) -> str:
    return presentation.action_label(action)


@register.filter
def audit_summary(entry_or_data) -> list[str]:
    """`entry|audit_summary` labels the fields from the entry's target model; plain `data` works too."""
    if isinstance(entry_or_data, AuditEntry):
        return presentation.data_summary(entry_or_data.data, entry_or_data.target_type)
    return presentation.data_summary(entry_or_data)


@register.filter
def audit_when(moment) -> str:
    """"17 Juli 2025 14.05" in Jakarta time."""
    return presentation.local_moment(moment)


@register.filter
def audit_target(target_type: str) -> str:
    return presentation.target_label(target_type)
