"""Path converters: an office or region code is "ID", two digits (province) or four (kab/kota).
Anything else never reaches a view or a query (a NUL byte in a path would crash PostgreSQL)."""

from __future__ import annotations


class OfficeCodeConverter:
    regex = "ID|[0-9]{2}|[0-9]{4}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class PeriodCodeConverter(OfficeCodeConverter):
    """A quarter: 2025Q2 (bakohumas.core.periods)."""

    regex = "[0-9]{4}Q[1-4]"
