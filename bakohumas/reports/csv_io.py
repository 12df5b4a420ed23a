"""CSV interchange of section 2 of `formats/laporan-bakohumas-triwulan.md`: parse and check a
whole file first (every bad row named), then write it all in one transaction, or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.core.periods import InvalidPeriod, Quarter
from bakohumas.offices.models import Office
from bakohumas.reports.forms import report_form_class
from bakohumas.reports.models import Element, FormVersion, Submission
from bakohumas.reports.services import active_form, period_get_or_create, submission_import

KEY_COLUMNS = ["kode_satker", "periode", "tanggal_lapor"]


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"baris {self.row}, kolom {self.column or '-'}: {self.reason}"


@dataclass
class ImportRow:
    row: int
    office: Office
    period_code: str
    reported_on: dt.date
    values: dict[str, int | str | None]
    change: str = "baru"  # baru / diganti / sama
    changed_codes: list[str] = field(default_factory=list)


@dataclass
class ParsedImport:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        out = {"baru": 0, "diganti": 0, "sama": 0}
        for row in self.rows:
            out[row.change] += 1
        return out


def _unreadable_csv() -> str:  # the same words as the posts and records imports
    return _("Berkas CSV tidak dapat dibaca: ada sel yang terlalu panjang atau tanda kutip yang tidak ditutup.")


def _parse_date(raw: str) -> dt.date:
    if len(raw) != 10:
        raise ValueError
    return dt.date.fromisoformat(raw)


def parse_reports_csv(
    text: str,
    *,
    form_version: FormVersion | None = None,
    may_import: Callable[[Office], bool] | None = None,
    today: dt.date | None = None,
) -> ParsedImport:
    """Check a whole CSV file. `may_import` limits the offices the importing user may write."""
    form_version = form_version or active_form()
    today = today or timezone.localdate()
    result = ParsedImport()
    # newline="": the csv module reads \r\n, \n and \r (old Mac Excel) endings and keeps breaks inside quotes.
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = [name.strip() for name in (reader.fieldnames or [])]
    except csv.Error:
        result.errors.append(RowError(1, "", _unreadable_csv()))
        return result
    if not header:
        result.errors.append(RowError(1, "", "berkas kosong atau tidak memiliki baris judul (header)."))
        return result
    reader.fieldnames = header
    elements = list(form_version.elements.all())
    required = KEY_COLUMNS + [e.code for e in elements if e.required]
    for column in required:
        if column not in header:
            result.errors.append(RowError(1, column, "kolom wajib tidak ada di baris judul."))
    for column in {c for c in header if header.count(c) > 1}:
        result.errors.append(RowError(1, column, "kolom muncul lebih dari sekali."))
    if result.errors:
        return result

    offices = {o.code: o for o in Office.objects.only("id", "code", "name", "level", "parent_id")}
    form_class = report_form_class(form_version)
    present_elements = [e for e in elements if e.code in header]
    seen: dict[tuple[str, str], int] = {}
    try:
        raw_rows = list(reader)
    except csv.Error:  # an unclosed quote running past the csv module's cell limit
        result.errors.append(RowError(reader.line_num, "", _unreadable_csv()))
        return result
    for number, raw in enumerate(raw_rows, start=2):
        if None in raw:
            result.errors.append(RowError(number, "", "baris ini memiliki lebih banyak kolom daripada baris judul."))
            continue
        row = {key: (value or "").strip() for key, value in raw.items()}
        errors: list[RowError] = []
        office = offices.get(row["kode_satker"])
        if office is None:
            errors.append(RowError(number, "kode_satker", f"kode satker {row['kode_satker']!r} tidak dikenal."))
        elif not office.is_regency:
            errors.append(RowError(number, "kode_satker", f"{office.code} ({office.name}) bukan KPU Kabupaten/Kota."))
        elif may_import is not None and not may_import(office):
            errors.append(RowError(number, "kode_satker", f"Anda tidak berwenang mengimpor laporan {office.name}."))
        quarter = None
        try:
            quarter = Quarter.parse(row["periode"])
        except InvalidPeriod as exc:
            errors.append(RowError(number, "periode", str(exc)))
        reported_on = None
        try:
            reported_on = _parse_date(row["tanggal_lapor"])
        except ValueError:
            errors.append(RowError(number, "tanggal_lapor",
                                   f"tanggal {row['tanggal_lapor']!r} tidak valid; gunakan bentuk YYYY-MM-DD."))
        if reported_on and quarter and reported_on < quarter.start:
            errors.append(RowError(number, "tanggal_lapor", "tanggal lapor sebelum periode laporan dimulai."))
        if reported_on and reported_on > today:
            errors.append(RowError(number, "tanggal_lapor", "tanggal lapor ada di masa depan."))
        form = form_class(data={e.code: row.get(e.code, "") for e in present_elements})
        if not form.is_valid():
            for column, messages in form.errors.items():
                errors.extend(RowError(number, column, str(message)) for message in messages)
        if office and quarter:
            key = (office.code, quarter.code)
            if key in seen:
                errors.append(RowError(number, "kode_satker",
                                       f"{office.code} {quarter.code} sudah ada di baris {seen[key]}."))
            else:
                seen[key] = number
        if errors:
            result.errors.extend(errors)
            continue
        # Each of these being None added a row error above.
        assert office is not None and quarter is not None and reported_on is not None
        values = {e.code: form.cleaned_data.get(e.code) for e in present_elements}
        result.rows.append(ImportRow(number, office, quarter.code, reported_on, values))
    _mark_changes(result)
    return result


def _blank_to_none(value: int | str | None) -> int | str | None:
    return None if value in ("", None) else value


def _mark_changes(parsed: ParsedImport) -> None:
    """Compare each row with what is stored, for the preview ("baru", "diganti", "sama")."""
    if not parsed.rows:
        return
    existing = {
        (s.office_id, s.period_id): s
        for s in Submission.objects.filter(
            office__in={r.office.pk for r in parsed.rows}, period__in={r.period_code for r in parsed.rows}
        ).prefetch_related("values")
    }
    for row in parsed.rows:
        submission = existing.get((row.office.pk, row.period_code))
        if submission is None:
            continue
        stored = submission.value_map()
        row.changed_codes = [c for c, v in row.values.items() if _blank_to_none(v) != stored.get(c)]
        same = not row.changed_codes and submission.reported_on == row.reported_on and submission.is_reported
        row.change = "sama" if same else "diganti"


@transaction.atomic
def reports_import(parsed: ParsedImport, *, actor: Any, source: str) -> dict[str, int]:
    """Write a checked import; all rows or none."""
    if parsed.errors:
        raise ValueError("An import with errors cannot be written.")
    for row in parsed.rows:
        if row.change == "sama":
            continue
        submission_import(
            office=row.office, period=period_get_or_create(row.period_code), reported_on=row.reported_on,
            values=row.values, actor=actor, source=source,
        )
    if connection.vendor == "sqlite" and len(parsed.rows) > 100:
        with connection.cursor() as cursor:  # a large import changes the statistics the planner needs
            cursor.execute("ANALYZE")
    return parsed.counts()


def _csv_value(element: Element, value: int | str | None) -> str:
    if value is None:
        return ""
    if element.kind == Element.Kind.BOOLEAN:
        return "ya" if value else "tidak"
    return str(value)


def export_reports_csv(*, region: Office, period_code: str) -> str:
    """The reports of every kab/kota in `region` (a province, one office, or KPU RI for all)."""
    elements = list(active_form().elements.all())
    submissions = (
        Submission.objects.reported()
        .filter(office__in=Office.objects.in_region(region), period_id=period_code)
        .select_related("office").prefetch_related("values").order_by("office__code")
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(KEY_COLUMNS + [e.code for e in elements])
    for submission in submissions:
        values = submission.value_map()
        assert submission.reported_on is not None  # constraint reported_submission_has_date
        writer.writerow(
            [submission.office.code, period_code, submission.reported_on.isoformat()]
            + [_csv_value(e, values.get(e.code)) for e in elements]
        )
    return out.getvalue()
