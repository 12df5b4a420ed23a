"""Deadlines from the database: the active rule set and the calendar an office works by."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from bakohumas.offices.models import Office
from bakohumas.ppid.calendar import Deadlines, RuleDays, WorkingCalendar, compute_deadlines
from bakohumas.ppid.default_rules import RULE_SETS
from bakohumas.ppid.models import NonWorkingDay, RuleSet


class UnknownRule(ValueError):
    pass


def active_rule_set(code: str) -> RuleSet:
    rule = RuleSet.objects.filter(code=code, is_active=True).first()
    if rule is None:
        known = ", ".join(sorted(set(RuleSet.objects.values_list("code", flat=True)) | set(RULE_SETS)))
        raise UnknownRule(f"Aturan {code!r} tidak dikenal; pilih salah satu: {known}.")
    return rule


def rule_days(rule: RuleSet) -> RuleDays:
    return RuleDays(code=rule.code, version=rule.version, notice_days=rule.notice_days,
                    extension_days=rule.extension_days)


def calendar_for(office: Office | None) -> WorkingCalendar:
    """National calendar + national extra days + the office's own (and its province's) extra days."""
    scope = Q(office__isnull=True)
    if office is not None:
        scope |= Q(office=office)
        if office.parent_id and office.is_regency:
            scope |= Q(office_id=office.parent_id)
    extra: dict[dt.date, str] = {}
    for day in NonWorkingDay.objects.filter(scope).order_by("date", "office_id"):
        extra.setdefault(day.date, day.reason)
    return WorkingCalendar(extra=extra)


def deadlines_for(start: dt.date, rule: RuleSet, office: Office | None) -> Deadlines:
    return compute_deadlines(start, rule_days(rule), calendar_for(office))
