"""The evaluation workbook (openpyxl): the evaluation, completeness, every office's values, the
indicators per office, the constraints in the offices' words, per province for the nation, and
the charts. The workbook comes from `core.spreadsheet`, which guards every text cell as it is saved."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_noop

from bakohumas.core.formatting import tanggal
from bakohumas.core.spreadsheet import new_workbook, workbook_bytes
from bakohumas.evaluation.engine import RULE_LABELS
from bakohumas.evaluation.report import EvaluationReport, Progress, period_label, persen
from bakohumas.reports.models import Element

HEADER_FILL = "B5121B"
ZEBRA = "F3F3F3"


def _text(value: Any) -> Any:
    return str(value) if isinstance(value, Promise) else value  # a lazily translated label


def _header(sheet, row: int, labels: list[str], widths: Sequence[float] | None = None) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for column, label in enumerate(labels, start=1):
        cell = sheet.cell(row=row, column=column, value=_text(label))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[sheet.cell(row=row, column=column).column_letter].width = width


def _append(sheet, values: list[Any]) -> None:
    sheet.append([_text(v) for v in values])


def _title(sheet, report: EvaluationReport, heading: str) -> None:
    from openpyxl.styles import Font

    sheet["A1"] = f"{report.title} — {heading}"
    sheet["A1"].font = Font(bold=True, size=14, color=HEADER_FILL)
    sheet["A2"] = " · ".join([*report.cover_lines, f"dibuat {report.date_text}"])
    sheet["A2"].font = Font(italic=True, color="555555")


def _evaluation_sheet(book, report: EvaluationReport) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.active
    sheet.title = "Evaluasi"
    _title(sheet, report, "ringkasan")
    result = report.result
    sheet.append([])
    for label, value in (("KPU Kabupaten/Kota dalam cakupan", result.expected),
                         ("Melapor", len(result.reported)), ("Belum pernah melapor", len(result.never_reported)),
                         ("Belum memperbarui", len(result.stale)),
                         ("Terlambat", len(result.late)), ("Batas waktu", tanggal(result.period.deadline)),
                         ("Aturan data kosong", str(RULE_LABELS[result.missing_rule]))):
        _append(sheet, [label, value])
    sheet.append([])
    start = sheet.max_row + 1
    _header(sheet, start, ["Indikator", "Jenis", "Memenuhi (n)", "Dari (N)", "%", "% dari yang dievaluasi",
                           f"n {report.previous_label}", f"N {report.previous_label}", f"% {report.previous_label}",
                           "Perubahan (poin %)", "Perubahan"],
            [48, 10, 13, 10, 9, 14, 13, 13, 13, 13, 60])
    for change in report.changes:
        item, before = change.current, change.previous
        _append(sheet, [
            item.name, "proporsi" if item.kind == "share" else "rasio", item.numerator, item.denominator,
            item.percent, item.percent_of_reported if item.kind == "share" else None,
            before.numerator if before else None, before.denominator if before else None,
            before.percent if before else None, change.delta_points, change.text,
        ])
    sheet.freeze_panes = sheet.cell(row=start + 1, column=2)
    sheet.append([])
    for heading, lines in (("Temuan", result.findings), ("Rekomendasi", report.recommendations),
                           ("Catatan evaluator", [report.note] if report.note else [])):
        if not lines:
            continue
        sheet.append([heading])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
        for number, line in enumerate(lines, start=1):
            _append(sheet, [f"{number}. {line}"])
            sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(wrap_text=False)
        sheet.append([])


def _completeness_sheet(book, report: EvaluationReport) -> None:
    sheet = book.create_sheet("Kelengkapan")
    _title(sheet, report, "kelengkapan laporan")
    sheet.append([])
    _header(sheet, 4, ["Kode", "KPU Kabupaten/Kota", "Provinsi", "Status", "Tanggal lapor", "Terlambat",
                       "Laporan yang dievaluasi"], [8, 36, 26, 44, 16, 11, 14])
    for row in report.offices:
        unit = row.unit
        _append(sheet, [unit.code, unit.name, row.province, row.status,
                        unit.reported_on if unit.reported else None, "ya" if unit.late else "tidak",
                        period_label(unit.evaluated_period) or "–"])
        sheet.cell(row=sheet.max_row, column=5).number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "C5"
    sheet.auto_filter.ref = f"A4:G{sheet.max_row}"


def _data_sheet(book, report: EvaluationReport) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.create_sheet("Data")
    _title(sheet, report, "nilai laporan setiap kantor")
    sheet.append([])
    elements = report.elements
    labels = ["Kode", "KPU Kabupaten/Kota", "Provinsi", "Periode laporan"] + [e.label for e in elements]
    _header(sheet, 4, labels, [8, 36, 24, 14] + [18 if e.kind != Element.Kind.TEXT else 50 for e in elements])
    codes = ["kode_satker", "", "", "periode"] + [e.code for e in elements]
    _append(sheet, codes)
    for cell in sheet[5]:
        cell.font = Font(italic=True, color="777777", size=9)
    kinds = {e.code: e.kind for e in elements}
    for row in report.offices:
        values = []
        for element in elements:
            value = row.values.get(element.code)
            if kinds[element.code] == Element.Kind.BOOLEAN and value is not None:
                value = "ya" if value else "tidak"
            values.append(value)
        _append(sheet, [row.unit.code, row.unit.name, row.province, period_label(row.unit.evaluated_period) or "–", *values])
    sheet.row_dimensions[4].height = 60
    for cell in sheet[4]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C6"
    sheet.auto_filter.ref = f"A5:{sheet.cell(row=5, column=len(codes)).column_letter}{sheet.max_row}"


def _met_sheet(book, report: EvaluationReport) -> None:
    sheet = book.create_sheet("Indikator per kantor")
    _title(sheet, report, "indikator yang dipenuhi (1 = ya)")
    sheet.append([])
    shares = report.shares
    _header(sheet, 4, ["Kode", "KPU Kabupaten/Kota", "Provinsi"] + [i.short_label for i in shares],
            [8, 36, 24] + [14] * len(shares))
    sheet.row_dimensions[4].height = 45
    for row in report.offices:
        _append(sheet, [row.unit.code, row.unit.name, row.province] + [int(i.code in row.met) for i in shares])
    _append(sheet, ["", "Jumlah", ""] + [i.numerator for i in shares])
    _append(sheet, ["", "Persentase", ""] + [persen(i.percent) for i in shares])
    sheet.freeze_panes = "C5"


def _constraints_sheet(book, report: EvaluationReport) -> None:
    sheet = book.create_sheet("Kendala")
    _title(sheet, report, "kendala")
    sheet.append([])
    _header(sheet, 4, ["Jenis kendala", "Jumlah kantor", "Dari", "%", "Perubahan"], [40, 14, 10, 10, 70])
    for change in report.constraints.types:
        item = change.current
        _append(sheet, [item.name, item.numerator, item.denominator, item.percent, change.text])
    sheet.append([])
    start = sheet.max_row + 1
    _header(sheet, start, ["Tema", "Uraian kendala (kata kantor sendiri)", "Jumlah kantor", "KPU Kabupaten/Kota"])
    sheet.column_dimensions["B"].width = 70
    for theme in report.constraints.themes:
        for quote in theme.quotes:
            _append(sheet, [theme.label, quote.text, len(quote.offices), ", ".join(quote.offices)])


def _provinces_sheet(book, report: EvaluationReport) -> None:
    sheet = book.create_sheet("Provinsi")
    _title(sheet, report, "per provinsi")
    sheet.append([])
    shares = report.met_columns
    _header(sheet, 4, ["Kode", "Provinsi", "KPU Kab/Kota", "Melapor", "Belum memperbarui", "Terlambat", "% melapor"]
            + [f"% {i.short_label}" for i in shares], [8, 28, 12, 10, 12, 10, 11] + [14] * len(shares))
    sheet.row_dimensions[4].height = 45
    for province in report.provinces:
        r = province.result
        reported = len(r.reported)
        values = [province.code, province.name, r.expected, reported, len(r.not_updated), len(r.late),
                  round(100 * reported / r.expected, 1) if r.expected else None]
        for item in shares:
            mine = province.share(item.code)
            values.append(mine.percent if mine else None)
        _append(sheet, values)
    sheet.freeze_panes = "C5"


def _charts_sheet(book, report: EvaluationReport) -> None:
    from openpyxl.drawing.image import Image

    sheet = book.create_sheet("Grafik")
    _title(sheet, report, "grafik")
    row = 4
    for name in ("completeness", "indicators", "constraints", "provinces"):
        png = report.charts.get(name)
        if not png:
            continue
        image = Image(io.BytesIO(png))
        scale = 720 / image.width
        image.width, image.height = int(image.width * scale), int(image.height * scale)
        sheet.add_image(image, f"A{row}")
        row += int(image.height / 20) + 2


def render(report: EvaluationReport, progress: Progress) -> bytes:
    book = new_workbook()
    progress(45, gettext_noop("Menyusun lembar evaluasi"))
    _evaluation_sheet(book, report)
    _completeness_sheet(book, report)
    progress(60, gettext_noop("Menyusun data setiap kantor"))
    _data_sheet(book, report)
    _met_sheet(book, report)
    _constraints_sheet(book, report)
    if report.provinces:
        _provinces_sheet(book, report)
    progress(80, gettext_noop("Menyisipkan grafik"))
    _charts_sheet(book, report)
    return workbook_bytes(book)
