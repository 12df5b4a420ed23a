"""Letter number patterns: which placeholders a pattern may use and how a number is written.

A pattern is an office's own way of writing its letter numbers, e.g. `{nomor}/PP.05-SD/{kode}/{tahun}`
gives `27/PP.05-SD/3571/2025`. The placeholders:

- `{nomor}`: the sequence number of the year (1, 2, ... 127); required;
- `{nomor3}`: the same, at least three digits (001, 027, 127);
- `{kode}`: the office's letter code from its profile (its region code when empty);
- `{kode_wilayah}`: the office's region code (3571, 35);
- `{bulan}`: the month of the letter in Roman numerals (I ... XII);
- `{tahun}`: the year (2025).

Allocation (one number per letter, atomically) is `bakohumas.offices.services.letter_number_next`."""

from __future__ import annotations

import datetime as dt
import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PLACEHOLDERS = ("nomor", "nomor3", "kode", "kode_wilayah", "bulan", "tahun")
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _fields(pattern: str) -> list[str]:
    try:
        return [field for _text, field, _spec, _conv in string.Formatter().parse(pattern) if field is not None]
    except ValueError:
        raise ValidationError(_("Pola nomor surat tidak dapat dibaca: periksa tanda kurung kurawal.")) from None


def validate_pattern(pattern: str) -> None:
    """Refuse a pattern without {nomor}/{nomor3} or with an unknown placeholder or format spec."""
    fields = _fields(pattern)
    unknown = sorted({f for f in fields if f not in PLACEHOLDERS})
    if unknown:
        raise ValidationError(_("Pola nomor surat memuat isian yang tidak dikenal: %(names)s. Yang tersedia: "
                                "%(known)s.") % {"names": ", ".join(f"{{{n}}}" for n in unknown),
                                                 "known": ", ".join(f"{{{n}}}" for n in PLACEHOLDERS)})
    if not {"nomor", "nomor3"} & set(fields):
        raise ValidationError(_("Pola nomor surat wajib memuat {nomor}."))
    if any(spec or conv for _t, f, spec, conv in string.Formatter().parse(pattern) if f is not None):
        raise ValidationError(_("Tulis isian tanpa format tambahan, misalnya {nomor}."))


def format_number(pattern: str, *, number: int, code: str, region_code: str, day: dt.date) -> str:
    return pattern.format(nomor=number, nomor3=f"{number:03d}", kode=code or region_code,
                          kode_wilayah=region_code, bulan=ROMAN_MONTHS[day.month - 1], tahun=day.year)


def is_real_number(value: str) -> bool:
    """A typed letter number counts only if it has a letter or digit: "-", "…" or "/" are no number."""
    return any(ch.isalnum() for ch in value or "")
