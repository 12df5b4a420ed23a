"""Quarterly periods written `YYYYQn` (`2025Q2` = Triwulan II 2025) and their default dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_PERIOD_RE = re.compile(r"^([0-9]{4})Q([1-4])$")  # [0-9], not \d: \d also matches "٢٠٢٥"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class InvalidPeriod(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    @classmethod
    def parse(cls, code: str) -> Quarter:
        match = _PERIOD_RE.match(code.strip()) if isinstance(code, str) else None
        if not match:
            raise InvalidPeriod(f"Periode {code!r} tidak valid; gunakan bentuk YYYYQn, misalnya 2025Q2.")
        year = int(match.group(1))
        if not 2000 <= year <= 2099:
            raise InvalidPeriod(f"Tahun periode {code!r} di luar rentang 2000–2099.")
        return cls(year, int(match.group(2)))

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def code(self) -> str:
        return f"{self.year}Q{self.quarter}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.quarter - 2, 1)

    @property
    def end(self) -> dt.date:
        return self.next().start - dt.timedelta(days=1)

    @property
    def default_deadline(self) -> dt.date:
        """The 10th day of the month after the quarter ends (2025Q2 -> 2025-07-10)."""
        return dt.date(self.next().year, self.next().start.month, 10)

    @property
    def label(self) -> str:
        return f"Triwulan {ROMAN[self.quarter]} {self.year}"

    def has_started(self, today: dt.date) -> bool:
        return self.start <= today

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.quarter == 4 else Quarter(self.year, self.quarter + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.quarter == 1 else Quarter(self.year, self.quarter - 1)

    def __str__(self) -> str:
        return self.code
