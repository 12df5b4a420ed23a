from __future__ import annotations

from django import template

from bakohumas.audit import presentation

register = template.Library()


@register.filter
def audit_label(action: str) -> str:
    return presentation.action_label(action)


@register.filter
def audit_summary(data) -> list[str]:
    return presentation.data_summary(data)
