"""Indonesian working days for PPID deadlines (contract: docs/../formats/ppid-deadlines.md).

A working day is Monday–Friday that is neither a national public holiday nor cuti bersama (the
`holidays` package, country ID, categories public + government) nor an extra non-working day an
administrator added. Counting starts the day after the event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import holidays

CATEGORIES = ("public", "government")  # "government" carries cuti bersama in `holidays`


@lru_cache(maxsize=64)
def national_holidays(year: int) -> Mapping[dt.date, str]:
    """Public holidays and cuti bersama of one year, named in Indonesian."""
    calendar = holidays.country_holidays("ID", years=year, categories=CATEGORIES, language="id")
    return dict(calendar.items())


@dataclass(frozen=True)
class SkippedDay:
    date: dt.date
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"date": self.date.isoformat(), "reason": self.reason}


@dataclass(frozen=True)
class WorkingCalendar:
    """The national calendar plus extra non-working days (date -> reason)."""

    extra: Mapping[dt.date, str] = field(default_factory=dict)

    def closed_reason(self, day: dt.date) -> str | None:
        """Why `day` is not a working day, or None if it is one."""
        if day in self.extra:
            return self.extra[day]
        name = national_holidays(day.year).get(day)
        if name:
            return name
        if day.weekday() >= 5:
            return "Sabtu" if day.weekday() == 5 else "Minggu"
        return None

    def is_working_day(self, day: dt.date) -> bool:
        return self.closed_reason(day) is None

    def add_working_days(self, start: dt.date, days: int) -> tuple[dt.date, list[SkippedDay]]:
        """The `days`-th working day after `start` and the non-working days skipped on the way
        (weekends are left out of the list; they are obvious)."""
        if days < 1:
            raise ValueError("days must be at least 1")
        day, counted, skipped = start, 0, []
        while counted < days:
            day += dt.timedelta(days=1)
            reason = self.closed_reason(day)
            if reason is None:
                counted += 1
            elif day.weekday() < 5 or day in self.extra:
                skipped.append(SkippedDay(day, reason))
        return day, skipped

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 if `end` <= `start`)."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


@dataclass(frozen=True)
class RuleDays:
    """The numbers of one rule set version that deadlines need."""

    code: str
    version: int
    notice_days: int
    extension_days: int


@dataclass(frozen=True)
class Deadlines:
    start: dt.date
    rule: RuleDays
    first_working_day: dt.date
    notice_due: dt.date
    extended_due: dt.date
    skipped: tuple[SkippedDay, ...]

    def explanation(self) -> dict:
        """How the due dates were computed, stored with the request and shown on its page."""
        return {
            "start": self.start.isoformat(),
            "rule": self.rule.code,
            "rule_version": self.rule.version,
            "notice_days": self.rule.notice_days,
            "extension_days": self.rule.extension_days,
            "first_working_day": self.first_working_day.isoformat(),
            "notice_due": self.notice_due.isoformat(),
            "extended_due": self.extended_due.isoformat(),
            "skipped": [s.as_dict() for s in self.skipped],
        }

    def as_contract(self) -> dict[str, str]:
        return {"received": self.start.isoformat(), "rule": self.rule.code,
                "notice_due": self.notice_due.isoformat(), "extended_due": self.extended_due.isoformat()}


def compute_deadlines(start: dt.date, rule: RuleDays, calendar: WorkingCalendar) -> Deadlines:
    """Notice due `notice_days` working days after `start`; the extension counts from notice_due."""
    first, skipped_first = calendar.add_working_days(start, 1)
    notice_due, skipped_notice = calendar.add_working_days(start, rule.notice_days)
    extended_due, skipped_ext = calendar.add_working_days(notice_due, rule.extension_days)
    del skipped_first  # a subset of skipped_notice
    return Deadlines(start=start, rule=rule, first_working_day=first, notice_due=notice_due,
                     extended_due=extended_due, skipped=tuple(skipped_notice + skipped_ext))
