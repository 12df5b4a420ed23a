"""CSV interchange of section 2 of `formats/laporan-bakohumas-triwulan.md`: parse and check a
whole file first (every bad row named), then write it all in one transaction, or nothing. What a
row may do depends on who imports it (`import_rules`); cells go through the spreadsheet formula
guard both ways (section 6)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.core.periods import InvalidPeriod, Quarter
from bakohumas.core.spreadsheet import cell_value, csv_writer
from bakohumas.offices.models import Office
from bakohumas.reports.forms import reason_field_name, report_form_class
from bakohumas.reports.import_rules import ADMIN_POLICY, ImportMode, ImportPolicy
from bakohumas.reports.models import Element, FormVersion, Period, Submission
from bakohumas.reports.services import (
    active_form,
    period_get_or_create,
    submission_import,
    submission_import_entry,
)

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
    reported_on: dt.date | None  # None: the server's date when the report is sent (an office's import)
    values: dict[str, int | str | None]
    reasons: dict[str, str] = field(default_factory=dict)  # why an answer differs from its suggestion
    change: str = "baru"  # baru / diganti / sama
    changed_codes: list[str] = field(default_factory=list)


@dataclass
class ParsedImport:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    policy: ImportPolicy = ADMIN_POLICY

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


def _period_for(quarter: Quarter, periods: dict[str, Period]) -> Period:
    """The stored period, or the one `period_get_or_create` would make (unsaved: checking writes nothing)."""
    return periods.get(quarter.code) or Period(code=quarter.code, start=quarter.start, end=quarter.end,
                                               deadline=quarter.default_deadline)


def parse_reports_csv(
    text: str,
    *,
    form_version: FormVersion | None = None,
    policy: ImportPolicy = ADMIN_POLICY,
    today: dt.date | None = None,
) -> ParsedImport:
    """Check a whole CSV file against the format and against what `policy` lets the importer do."""
    form_version = form_version or active_form()
    today = today or timezone.localdate()
    result = ParsedImport(policy=policy)
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
    # An office's import takes the server's date, so its file needs no tanggal_lapor.
    keys = KEY_COLUMNS if policy.keeps_file_dates else [c for c in KEY_COLUMNS if c != "tanggal_lapor"]
    required = keys + [e.code for e in elements if e.required]
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
    periods = {p.code: p for p in Period.objects.all()}
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
        row = {key: cell_value((value or "").strip()) for key, value in raw.items()}
        errors: list[RowError] = []
        office = offices.get(row["kode_satker"])
        if office is None:
            errors.append(RowError(number, "kode_satker", f"kode satker {row['kode_satker']!r} tidak dikenal."))
        elif not office.is_regency:
            errors.append(RowError(number, "kode_satker", f"{office.code} ({office.name}) bukan KPU Kabupaten/Kota."))
        elif refusal := policy.refuse_office(office):
            errors.append(RowError(number, "kode_satker", refusal))
        quarter = None
        try:
            quarter = Quarter.parse(row["periode"])
        except InvalidPeriod as exc:
            errors.append(RowError(number, "periode", str(exc)))
        reported_on = None
        if policy.keeps_file_dates:
            try:
                reported_on = _parse_date(row["tanggal_lapor"])
            except ValueError:
                errors.append(RowError(number, "tanggal_lapor",
                                       f"tanggal {row['tanggal_lapor']!r} tidak valid; gunakan bentuk YYYY-MM-DD."))
            if reported_on and quarter and reported_on < quarter.start:
                errors.append(RowError(number, "tanggal_lapor", "tanggal lapor sebelum periode laporan dimulai."))
            if reported_on and reported_on > today:
                errors.append(RowError(number, "tanggal_lapor", "tanggal lapor ada di masa depan."))
        # The entry page's form: the same messages, and (for an office) the same suggestions, whose
        # differing answers need a reason in the column `<kode>__alasan`.
        suggestions = policy.suggestions(office, _period_for(quarter, periods)) if office and quarter else {}
        data = {e.code: row.get(e.code, "") for e in present_elements}
        data.update({reason_field_name(code): row.get(reason_field_name(code), "") for code in suggestions})
        form = form_class(data=data, suggestions=suggestions)
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
        assert office is not None and quarter is not None and (reported_on is not None or not policy.keeps_file_dates)
        values = {e.code: form.cleaned_data.get(e.code) for e in present_elements}
        result.rows.append(ImportRow(number, office, quarter.code, reported_on, values, reasons=form.reasons()))
    _mark_changes(result, periods)
    return result


def _blank_to_none(value: int | str | None) -> int | str | None:
    return None if value in ("", None) else value


def _mark_changes(parsed: ParsedImport, periods: dict[str, Period]) -> None:
    """Compare each row with what is stored, for the preview ("baru", "diganti", "sama"), and refuse
    the rows that would change what the importer may not change."""
    if not parsed.rows:
        return
    existing = {
        (s.office_id, s.period_id): s
        for s in Submission.objects.filter(
            office__in={r.office.pk for r in parsed.rows}, period__in={r.period_code for r in parsed.rows}
        ).prefetch_related("values")
    }
    policy = parsed.policy
    for row in parsed.rows:
        submission = existing.get((row.office.pk, row.period_code))
        if submission is not None:
            stored = submission.value_map()
            row.changed_codes = [c for c, v in row.values.items() if _blank_to_none(v) != stored.get(c)]
            if policy.keeps_file_dates:
                same = submission.reported_on == row.reported_on and submission.is_reported
            else:  # unchanged answers: nothing to do, unless a draft or returned report is to be sent now
                same = not policy.submit or submission.status in (Submission.Status.SUBMITTED,
                                                                  Submission.Status.VERIFIED)
            row.change = "sama" if same and not row.changed_codes else "diganti"
        if row.change != "sama" and (
                refusal := policy.refuse_write(period=periods.get(row.period_code), existing=submission)):
            parsed.errors.append(RowError(row.row, *refusal))


@transaction.atomic
def reports_import(parsed: ParsedImport, *, actor: Any, source: str) -> dict[str, int]:
    """Write a checked import; all rows or none. The services check the rules again (a ValidationError
    if something changed since the check), so nothing here relies on the preview alone."""
    if parsed.errors:
        raise ValueError("An import with errors cannot be written.")
    policy = parsed.policy
    for row in parsed.rows:
        if row.change == "sama":
            continue
        period = period_get_or_create(row.period_code)
        if policy.mode is ImportMode.OFFICE:
            submission_import_entry(office=row.office, period=period, values=row.values, reasons=row.reasons,
                                    submit=policy.submit, actor=actor, source=source)
        else:
            assert row.reported_on is not None  # the file's date, checked by parse_reports_csv
            submission_import(
                office=row.office, period=period, reported_on=row.reported_on, values=row.values, actor=actor,
                source=source, replace_locked=policy.mode is ImportMode.ADMIN,
                via="cli" if policy.mode is ImportMode.ADMIN else "web",
            )
    if connection.vendor == "sqlite" and len(parsed.rows) > 100:
        with connection.cursor() as cursor:  # a large import changes the statistics the planner needs
            cursor.execute("ANALYZE")
    return parsed.counts()


def _csv_value(element: Element, value: int | str | None) -> int | str:
    if value is None:
        return ""
    if element.kind == Element.Kind.BOOLEAN:
        return "ya" if value else "tidak"
    return value  # a count stays a number; text goes through the formula guard


def export_reports_csv(*, region: Office, period_code: str) -> str:
    """The reports of every kab/kota in `region` (a province, one office, or KPU RI for all)."""
    elements = list(active_form().elements.all())
    submissions = (
        Submission.objects.reported()
        .filter(office__in=Office.objects.in_region(region), period_id=period_code)
        .select_related("office").prefetch_related("values").order_by("office__code")
    )
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\n")
    writer.writerow(KEY_COLUMNS + [e.code for e in elements])
    for submission in submissions:
        values = submission.value_map()
        assert submission.reported_on is not None  # constraint reported_submission_has_date
        writer.writerow(
            [submission.office.code, period_code, submission.reported_on.isoformat()]
            + [_csv_value(e, values.get(e.code)) for e in elements]
        )
    return out.getvalue()
