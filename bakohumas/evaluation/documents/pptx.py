"""Slides for the Rakor (python-pptx, 16:9): title, completeness, indicator chart, change from the
previous quarter, findings, constraints, the per-office table (per-province for the nation) split
across slides, and recommendations. Slides do not shrink text when it overflows, so long lists
are split by an estimate of the lines they take, with room to spare."""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext_noop

from bakohumas.core.formatting import tanggal
from bakohumas.evaluation.report import EvaluationReport, Progress, persen

WIDTH_IN, HEIGHT_IN = 13.333, 7.5
RED = "B5121B"
DARK = "3A3A3A"
GREY = "777777"
ROWS_PER_SLIDE = 13
ROW_LINES = 15  # single-line table rows that fit under the header row
BODY_LINES = 15  # lines of 18-pt text that fit the body box
CHARS_PER_LINE = 95  # at 18 pt over 12 inches, with room to spare


def _rgb(hex_color: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_color)


def _text(frame, text: str, size: float, bold: bool = False, color: str = DARK, first: bool = True) -> Any:
    from pptx.util import Pt

    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, _rgb(color)
    run.font.name = "DejaVu Sans"
    return paragraph


def _box(slide, left: float, top: float, width: float, height: float) -> Any:
    from pptx.util import Inches

    shape = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = shape.text_frame
    frame.word_wrap = True
    return frame


def _slide(deck, title: str, subtitle: str = "") -> Any:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, deck.slide_width, Inches(0.12))
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(RED)
    band.line.fill.background()
    _text(_box(slide, 0.5, 0.3, 12.3, 0.7), title, 26, True, RED)
    footer = _box(slide, 0.5, 7.0, 12.3, 0.35)
    _text(footer, subtitle, 10, False, GREY)
    return slide


def _picture(slide, png: bytes | None, left: float, top: float, width: float, max_height: float) -> None:
    from PIL import Image
    from pptx.util import Inches

    if not png:
        return
    with Image.open(io.BytesIO(png)) as image:
        ratio = image.height / image.width
    if width * ratio > max_height:
        width = max_height / ratio
    slide.shapes.add_picture(io.BytesIO(png), Inches(left), Inches(top), width=Inches(width))


def _lines(text: str, chars: int = CHARS_PER_LINE) -> int:
    return max(1, math.ceil(len(text) / chars))


def _chunks(items: list[str], lines: int = BODY_LINES, chars: int = CHARS_PER_LINE) -> Iterator[list[str]]:
    """Items grouped so each group's estimated lines fit one slide."""
    group: list[str] = []
    used = 0.0
    for item in items:
        need = _lines(item, chars) + 0.3  # paragraph spacing
        if group and used + need > lines:
            yield group
            group, used = [], 0.0
        group.append(item)
        used += need
    if group:
        yield group


def _bullets(deck, title: str, items: list[str], subtitle: str, numbered: bool = True) -> None:
    from pptx.util import Pt

    groups = list(_chunks(items)) or [[]]
    number = 1
    for index, group in enumerate(groups, start=1):
        heading = title if len(groups) == 1 else f"{title} ({index}/{len(groups)})"
        frame = _box(_slide(deck, heading, subtitle), 0.6, 1.2, 12.1, 5.7)
        for position, item in enumerate(group):
            paragraph = _text(frame, f"{number}. {item}" if numbered else f"• {item}", 18, first=position == 0)
            paragraph.space_after = Pt(6)
            number += 1


def _table(slide, headers: list[str], rows: list[list[str]], widths: list[float], top: float = 1.15,
           size: float = 11, header_size: float = 10, center_from: int = 99) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    height = 0.36 * (len(rows) + 1)
    shape = slide.shapes.add_table(len(rows) + 1, len(headers), Inches(0.5), Inches(top),
                                   Inches(sum(widths)), Inches(height))
    table = shape.table
    for c, width in enumerate(widths):
        table.columns[c].width = Inches(width)
    for r in range(len(rows) + 1):
        table.rows[r].height = Inches(0.34)
    for c, label in enumerate(headers):
        cell = table.cell(0, c)
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(RED)
        cell.text_frame.word_wrap = True
        cell.margin_left = cell.margin_right = Pt(3)
        for line_number, line in enumerate(label.split("\n")):  # a paragraph per line, each centred
            paragraph = _text(cell.text_frame, line, header_size, True, "FFFFFF", first=line_number == 0)
            if c >= center_from:
                paragraph.alignment = PP_ALIGN.CENTER
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb("F3F3F3" if r % 2 == 0 else "FFFFFF")
            cell.margin_top = cell.margin_bottom = Pt(2)
            paragraph = _text(cell.text_frame, value, size, color="17663A" if value == "✓" else DARK)
            if c >= center_from:
                paragraph.alignment = PP_ALIGN.CENTER


def _title_slide(deck, report: EvaluationReport) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[6])
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, deck.slide_width, Inches(4.3))
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(RED)
    band.line.fill.background()
    _text(_box(slide, 0.8, 0.7, 11.5, 0.5), "KOMISI PEMILIHAN UMUM", 16, True, "FFFFFF")
    _text(_box(slide, 0.8, 1.7, 11.5, 1.0), report.title, 40, True, "FFFFFF")
    _text(_box(slide, 0.8, 2.9, 11.5, 0.7), report.period_title, 26, False, "FFFFFF")
    _text(_box(slide, 0.8, 4.8, 11.5, 0.8), report.scope_title, 30, True, DARK)
    meta = _box(slide, 0.8, 6.1, 11.5, 0.8)
    _text(meta, " · ".join(["Rapat Koordinasi Bakohumas", *report.cover_lines[2:]]), 14, False, DARK)
    _text(meta, f"{report.result.expected} KPU Kabupaten/Kota dalam cakupan · batas waktu laporan "
                f"{tanggal(report.result.period.deadline)}", 12, False, GREY, first=False)


def _names(names: list[str], limit: int) -> str:
    if len(names) <= limit:
        return ", ".join(names)
    return ", ".join(names[:limit]) + f", dan {len(names) - limit} lainnya"


def _completeness_slide(deck, report: EvaluationReport, subtitle: str) -> None:
    from pptx.util import Pt

    result = report.result
    slide = _slide(deck, "Kelengkapan laporan", subtitle)
    _picture(slide, report.charts.get("completeness"), 0.4, 1.2, 6.6, 4.2)
    frame = _box(slide, 7.2, 1.3, 5.6, 5.5)
    _text(frame, f"{len(result.reported)} dari {result.expected} melapor", 22, True, RED)
    limit = 12
    for heading, units, named in report.missing_groups:
        _text(frame, f"{heading} ({len(units)})", 15, True, first=False).space_before = Pt(12)
        _text(frame, _names([o.name for o in units], limit) if named else f"{len(units)} kantor (lihat lampiran)", 13,
              first=False)
    if result.late:
        _text(frame, f"Terlambat ({len(result.late)})", 15, True, first=False).space_before = Pt(12)
        _text(frame, _names([f"{o.name} ({tanggal(o.reported_on)})" for o in result.late], limit // 2), 13,
              first=False)
    if not result.not_updated and not result.late:
        _text(frame, "Seluruh laporan masuk tepat waktu.", 15, first=False)


def _changes_slide(deck, report: EvaluationReport, subtitle: str) -> None:
    slide = _slide(deck, f"Perubahan dari {report.previous_label}", subtitle)
    if not report.has_previous:
        _text(_box(slide, 0.6, 1.3, 12, 1), f"Belum ada data {report.previous_label} untuk dibandingkan.", 18)
        return
    rows = []
    for change in report.changes:
        before = change.previous
        mark = {"up": "▲ naik", "down": "▼ turun", "same": "■ tetap"}.get(change.direction, "–")
        verdict = {True: "membaik", False: "memburuk"}.get(change.improved, "") if change.improved is not None else ""
        rows.append([change.current.short_label,
                     f"{before.numerator}/{before.denominator} ({persen(before.percent)})" if before else "–",
                     f"{change.current.numerator}/{change.current.denominator} ({persen(change.current.percent)})",
                     mark, verdict])
    _table(slide, ["Indikator", report.previous_label, report.result.period.label, "Arah", "Keterangan"], rows,
           [4.3, 2.5, 2.5, 1.6, 1.6], size=11)


def _constraints_slide(deck, report: EvaluationReport, subtitle: str) -> None:
    from pptx.util import Pt

    slide = _slide(deck, "Kendala", subtitle)
    _picture(slide, report.charts.get("constraints"), 0.4, 1.3, 7.0, 5.4)
    frame = _box(slide, 7.6, 1.2, 5.3, 5.7)
    _text(frame, "Uraian kendala menurut tema", 16, True, RED)
    themes = report.constraints.themes
    if not themes:
        _text(frame, "Tidak ada kantor yang menuliskan uraian kendala.", 13, first=False)
    # Every theme with its most shared sentence; a second one while the box has room (~15 lines).
    budget = 15 - 2 * len(themes)
    for theme in themes:
        _text(frame, f"{theme.label} · {theme.office_count} kantor", 13, True, first=False).space_before = Pt(6)
        for number, quote in enumerate(theme.quotes[:2]):
            text = quote.text if len(quote.text) <= 120 else quote.text[:117].rstrip() + "…"
            need = _lines(text, 55)
            if number and need > budget:
                break
            _text(frame, f"“{text}” ({len(quote.offices)} kantor)", 11, first=False)
            budget -= need - (0 if number else 1)


def _office_table_slides(deck, report: EvaluationReport, subtitle: str) -> None:
    columns = report.met_columns
    if report.provinces:
        codes = [i.code for i in columns]
        rows = [[p.name, f"{p.reported}/{p.expected}", str(p.late), *[persen(v) for v in p.percents(codes)]]
                for p in report.provinces]
        headers = ["Provinsi", "Melapor", "Terlambat", *[_stacked(i.short_label) for i in columns]]
        widths = [2.6, 0.95, 0.95] + [(12.3 - 4.5) / len(columns)] * len(columns)
        title, size, center = "Per provinsi", 10.0, 1
    else:
        rows = [[str(n), row.unit.name, row.status_short, *["✓" if i.code in row.met else "" for i in columns]]
                for n, row in enumerate(report.offices, start=1)]
        headers = ["No.", "KPU Kabupaten/Kota", "Status", *[_stacked(i.short_label) for i in columns]]
        widths = [0.5, 2.5, 1.9] + [(12.3 - 4.9) / len(columns)] * len(columns)
        title, size, center = "Indikator per KPU Kabupaten/Kota", 10.5, 3
    pages = list(_table_pages(rows, widths))
    for number, chunk in enumerate(pages, start=1):
        heading = title if len(pages) == 1 else f"{title} ({number}/{len(pages)})"
        _table(_slide(deck, heading, subtitle), headers, chunk, widths, size=size, header_size=7.5,
               center_from=center)


def _stacked(label: str) -> str:
    """One word a line, so narrow header cells wrap between words, never inside one."""
    return "\n".join(label.split())


def _table_pages(rows: list[list[str]], widths: list[float]) -> Iterator[list[list[str]]]:
    """At most ROWS_PER_SLIDE rows a slide, fewer when long cells wrap to a second line: the body
    has room for about ROW_LINES single-line rows under the header."""
    if not rows:
        yield []
        return
    page: list[list[str]] = []
    used = 0
    for row in rows:
        lines = max(_lines(text, int(width * 11)) for text, width in zip(row, widths, strict=True))
        if page and (len(page) == ROWS_PER_SLIDE or used + lines > ROW_LINES):
            yield page
            page, used = [], 0
        page.append(row)
        used += lines
    yield page


def render(report: EvaluationReport, progress: Progress) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    progress(45, gettext_noop("Menyusun slide"))
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    deck.core_properties.title = f"{report.title} — {report.subtitle}"
    deck.core_properties.language = "id-ID"
    subtitle = f"{report.title} · {report.scope_title} · {report.period_title}"
    _title_slide(deck, report)
    _completeness_slide(deck, report, subtitle)
    if report.provinces:
        slide = _slide(deck, "Kelengkapan per provinsi", subtitle)
        _picture(slide, report.charts.get("provinces"), 0.5, 1.1, 12.3, 5.8)
    slide = _slide(deck, "Capaian indikator", subtitle)
    _picture(slide, report.charts.get("indicators"), 0.8, 1.1, 11.7, 5.8)
    _changes_slide(deck, report, subtitle)
    progress(60, gettext_noop("Menyusun temuan dan kendala"))
    _bullets(deck, "Temuan", report.result.findings, subtitle)
    _constraints_slide(deck, report, subtitle)
    progress(75, gettext_noop("Menyusun tabel per kantor"))
    _office_table_slides(deck, report, subtitle)
    _bullets(deck, "Rekomendasi", report.recommendations, subtitle)
    if report.note:
        _bullets(deck, "Catatan evaluator", [report.note], subtitle, numbered=False)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
