"""Indonesian formatting for dates, numbers and percentages, used by pages, CLI and documents."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words

MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]


def tanggal(day: dt.date | dt.datetime | None) -> str:
    """17 Juli 2025."""
    if day is None:
        return "-"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def round_half_up(value: float | Decimal, places: int = 1) -> float:
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def percent(numerator: int, denominator: int) -> float | None:
    """Share as a percentage rounded half up to one decimal; None for a zero denominator."""
    if not denominator:
        return None
    return round_half_up(Decimal(numerator) * 100 / Decimal(denominator), 1)


def whole_percent(numerator: int, denominator: int) -> int | None:
    if not denominator:
        return None
    return int(round_half_up(Decimal(numerator) * 100 / Decimal(denominator), 0))


def angka(number: int) -> str:
    """A count in words for small numbers (as Indonesian style asks), digits otherwise."""
    return num2words(number, lang="id") if 0 <= number <= 10 else str(number)


def angka_kapital(number: int) -> str:
    text = angka(number)
    return text[0].upper() + text[1:]


def join_id(items: list[str]) -> str:
    """'a', 'a dan b', 'a, b, dan c'."""
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]
