"""The evaluation workbook (openpyxl): the evaluation, completeness, every office's values, the
indicators per office, the constraints in the offices' words, per province for the nation, and
the charts. The workbook comes from `core.spreadsheet`, which guards every text cell as it is saved.

Figures are numbers (a percentage is a fraction shown as `0.0%`), totals are formulas
(`=SUM(…)`, `=COUNTIF(…)`) that compute the same figures as the engine, every sheet keeps its
header in view and prints landscape on A4, one page wide, with the header row repeated."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_noop

from bakohumas.core.spreadsheet import new_workbook, set_formula, workbook_bytes
from bakohumas.evaluation.documents.properties import office_name
from bakohumas.evaluation.engine import RULE_LABELS
from bakohumas.evaluation.report import EvaluationReport, Progress, period_label
from bakohumas.reports.models import Element

HEADER_FILL = "B5121B"
ZEBRA = "F3F3F3"
PERCENT = "0.0%"
DATE = "DD/MM/YYYY"


def _fraction(percent: float | None) -> float | None:
    """The engine's percentage (10.5) as the fraction a spreadsheet formats as 10,5%."""
    return None if percent is None else round(percent / 100, 6)


def _print_setup(sheet, header_rows: str | None) -> None:
    """Landscape A4, one page wide (as many pages down as needed), the header row on every page,
    and "Halaman n dari m" in the footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    if header_rows:
        sheet.print_title_rows = header_rows
    sheet.oddFooter.right.text = "Halaman &P dari &N"
    sheet.oddFooter.left.text = "&A"


def _formats(sheet, column: int, first_row: int, last_row: int, number_format: str) -> None:
    for row in range(first_row, last_row + 1):
        sheet.cell(row=row, column=column).number_format = number_format


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
    sheet["A2"] = " · ".join(report.cover_lines)
    sheet["A2"].font = Font(italic=True, color="555555")


def _evaluation_sheet(book, report: EvaluationReport) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.active
    sheet.title = "Evaluasi"
    _title(sheet, report, "ringkasan")
    result = report.result
    sheet.append([])
    # The counts are formulas over the "Kelengkapan" sheet, so they agree with its rows.
    last = 4 + len(report.offices)
    counts = [("KPU Kabupaten/Kota dalam cakupan", f"=COUNTA(Kelengkapan!A5:A{last})", result.expected),
              ("Melapor", f'=COUNTIF(Kelengkapan!G5:G{last},"ya")', len(result.reported)),
              ("Belum pernah melapor", f'=COUNTIF(Kelengkapan!H5:H{last},"–")', len(result.never_reported)),
              ("Belum memperbarui", "=B4-B5-B6", len(result.stale)),
              ("Terlambat", f'=COUNTIF(Kelengkapan!F5:F{last},"ya")', len(result.late))]
    for label, formula, _value in counts:
        _append(sheet, [label, None])
        set_formula(sheet.cell(row=sheet.max_row, column=2), formula)
    _append(sheet, ["Batas waktu", result.period.deadline])
    sheet.cell(row=sheet.max_row, column=2).number_format = DATE
    _append(sheet, ["Aturan data kosong", str(RULE_LABELS[result.missing_rule])])
    sheet.append([])
    start = sheet.max_row + 1
    _header(sheet, start, ["Indikator", "Jenis", "Memenuhi (n)", "Dari (N)", "%", "% dari yang dievaluasi",
                           f"n {report.previous_label}", f"N {report.previous_label}", f"% {report.previous_label}",
                           "Perubahan (poin %)", "Perubahan"],
            [48, 10, 13, 10, 9, 14, 13, 13, 13, 13, 60])
    sheet.row_dimensions[start].height = 45  # room for the wrapped labels of the narrow columns
    for change in report.changes:
        item, before = change.current, change.previous
        _append(sheet, [
            item.name, "proporsi" if item.kind == "share" else "rasio", item.numerator, item.denominator,
            _fraction(item.percent), _fraction(item.percent_of_reported) if item.kind == "share" else None,
            before.numerator if before else None, before.denominator if before else None,
            _fraction(before.percent) if before else None, change.delta_points, change.text,
        ])
        row = sheet.max_row
        for column in (5, 6, 9):
            sheet.cell(row=row, column=column).number_format = PERCENT
        sheet.cell(row=row, column=10).number_format = "+0.0;-0.0;0.0"
    sheet.freeze_panes = sheet.cell(row=start + 1, column=2)
    _print_setup(sheet, f"{start}:{start}")
    sheet.append([])
    for heading, lines in (("Temuan", result.findings), ("Rekomendasi", report.recommendations),
                           ("Catatan evaluator", [line for line in report.note.splitlines() if line.strip()])):
        if not lines:
            continue
        sheet.append([heading])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
        for number, line in enumerate(lines, start=1):
            _append(sheet, [f"{number}. {line}" if heading != "Catatan evaluator" else line])
            sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(wrap_text=False)
        sheet.append([])


def _completeness_sheet(book, report: EvaluationReport) -> None:
    sheet = book.create_sheet("Kelengkapan")
    _title(sheet, report, "kelengkapan laporan")
    sheet.append([])
    _header(sheet, 4, ["Kode", "KPU Kabupaten/Kota", "Provinsi", "Status", "Tanggal lapor", "Terlambat",
                       "Melapor", "Laporan yang dievaluasi"], [8, 36, 26, 44, 16, 11, 11, 14])
    for row in report.offices:
        unit = row.unit
        _append(sheet, [unit.code, unit.name, row.province, row.status,
                        unit.reported_on if unit.reported else None, "ya" if unit.late else "tidak",
                        "ya" if unit.reported else "tidak", period_label(unit.evaluated_period) or "–"])
        sheet.cell(row=sheet.max_row, column=5).number_format = DATE
    last = sheet.max_row
    sheet.auto_filter.ref = f"A4:H{last}"
    _append(sheet, [None, "Jumlah"])
    set_formula(sheet.cell(row=last + 1, column=6), f'=COUNTIF(F5:F{last},"ya")')
    set_formula(sheet.cell(row=last + 1, column=7), f'=COUNTIF(G5:G{last},"ya")')
    sheet.freeze_panes = "C5"
    _print_setup(sheet, "4:4")


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
        _append(sheet, [row.unit.code, row.unit.name, row.province, period_label(row.unit.evaluated_period) or "–",
                        *values])
    sheet.row_dimensions[4].height = 60
    for cell in sheet[4]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C6"
    sheet.auto_filter.ref = f"A5:{sheet.cell(row=5, column=len(codes)).column_letter}{sheet.max_row}"
    _print_setup(sheet, "4:5")


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
    last = sheet.max_row
    _append(sheet, [None, "Jumlah"])
    _append(sheet, [None, "Persentase"])
    for column in range(4, 4 + len(shares)):
        letter = sheet.cell(row=4, column=column).column_letter
        set_formula(sheet.cell(row=last + 1, column=column), f"=SUM({letter}5:{letter}{last})")
        set_formula(sheet.cell(row=last + 2, column=column), f"={letter}{last + 1}/COUNTA($A$5:$A${last})")
        sheet.cell(row=last + 2, column=column).number_format = PERCENT
    sheet.freeze_panes = "C5"
    _print_setup(sheet, "4:4")


def _constraints_sheet(book, report: EvaluationReport) -> None:
    from openpyxl.styles import Alignment

    sheet = book.create_sheet("Kendala")
    _title(sheet, report, "kendala")
    sheet.append([])
    _header(sheet, 4, ["Jenis kendala", "Jumlah kantor", "Dari", "%", "Perubahan"], [40, 14, 10, 10, 70])
    for change in report.constraints.types:
        item = change.current
        _append(sheet, [item.name, item.numerator, item.denominator, _fraction(item.percent), change.text])
        sheet.cell(row=sheet.max_row, column=4).number_format = PERCENT
    sheet.freeze_panes = "A5"
    _print_setup(sheet, "4:4")
    sheet.append([])
    start = sheet.max_row + 1
    _header(sheet, start, ["Tema", "Uraian kendala (kata kantor sendiri)", "Jumlah kantor", "KPU Kabupaten/Kota"])
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["D"].width = 70
    for theme in report.constraints.themes:
        for quote in theme.quotes:
            _append(sheet, [theme.label, quote.text, len(quote.offices), ", ".join(quote.offices)])
            for column in (2, 4):  # long text wraps inside its column, so the page is not scaled down
                sheet.cell(row=sheet.max_row, column=column).alignment = Alignment(wrap_text=True, vertical="top")
            lines = max(len(quote.text), len(", ".join(quote.offices))) // 75 + 1  # ~75 characters a line
            sheet.row_dimensions[sheet.max_row].height = 15 * lines


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
        values = [province.code, province.name, r.expected, len(r.reported), len(r.not_updated), len(r.late), None]
        for item in shares:
            mine = province.share(item.code)
            values.append(_fraction(mine.percent) if mine else None)
        _append(sheet, values)
        row = sheet.max_row
        set_formula(sheet.cell(row=row, column=7), f'=IF(C{row}>0,D{row}/C{row},"")')
        for column in range(7, 8 + len(shares)):
            sheet.cell(row=row, column=column).number_format = PERCENT
    last = sheet.max_row
    _append(sheet, [None, "Nasional"])
    for column in range(3, 7):
        letter = sheet.cell(row=4, column=column).column_letter
        set_formula(sheet.cell(row=last + 1, column=column), f"=SUM({letter}5:{letter}{last})")
    set_formula(sheet.cell(row=last + 1, column=7), f'=IF(C{last + 1}>0,D{last + 1}/C{last + 1},"")')
    sheet.cell(row=last + 1, column=7).number_format = PERCENT
    sheet.freeze_panes = "C5"
    _print_setup(sheet, "4:4")


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
    sheet.freeze_panes = "A4"
    _print_setup(sheet, None)
    sheet.page_setup.fitToHeight = 0


def _properties(book, report: EvaluationReport) -> None:
    """The office, the title and the moment it was made, instead of openpyxl's own name."""
    from django.utils import timezone

    properties = book.properties
    properties.creator = properties.lastModifiedBy = office_name(report)
    properties.title = f"{report.title} — {report.subtitle}"
    properties.subject = report.subtitle
    properties.language = "id-ID"
    properties.created = properties.modified = timezone.now().astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)


def render(report: EvaluationReport, progress: Progress) -> bytes:
    book = new_workbook()
    _properties(book, report)
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
