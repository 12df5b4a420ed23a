"""Text that a spreadsheet would run as a formula (=, +, -, @ at the start) is written with a
leading apostrophe, the convention spreadsheets show as plain text; reading strips it again."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def cell_value(raw: str) -> str:
    return raw[1:] if raw.startswith("'") and raw[1:].startswith(FORMULA_STARTS) else raw
