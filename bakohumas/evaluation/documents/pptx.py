"""Slides for the Rakor (python-pptx, 16:9), made to be read on a projector from the back of a room:
body text at 20 pt (never under 18), tables at 14 pt, charts as native PowerPoint charts (editable,
their data inside the file) across the slide, a slide number on every slide, and what the presenter
says in the speaker notes. Arial throughout (LibreOffice substitutes the metric-compatible
Liberation Sans), every text tagged id-ID.

Slides do not shrink text that overflows, so lists and tables are split across as many slides as
their estimated lines need; a continuation slide is titled "… (lanjutan)"."""

from __future__ import annotations

import io
import math
from collections.abc import Iterator, Sequence
from typing import Any

from django.utils.translation import gettext_noop

from bakohumas.core.formatting import tanggal
from bakohumas.evaluation.documents.properties import FONT, LANGUAGE, set_app_properties, set_core_properties
from bakohumas.evaluation.report import EvaluationReport, IndicatorResult, Progress, persen

WIDTH_IN, HEIGHT_IN = 13.333, 7.5
LEFT, BODY_TOP, BODY_WIDTH, BODY_BOTTOM = 0.5, 1.25, 12.3, 6.8
RED = "B5121B"
DARK = "3A3A3A"
GREY = "6B6B6B"
LIGHT = "C9C9C9"
GREEN = "17663A"
TITLE_PT = 32
BODY_PT = 20  # body text; nothing on a slide body is under MIN_BODY_PT
MIN_BODY_PT = 18
TABLE_PT = 14  # table cells and chart labels
FOOTER_PT = 14
NOTES_PT = 12
BODY_LINES = 13  # lines of 20-pt text (with paragraph spacing) that fit the body box
CHARS_PER_LINE = 80  # at 20 pt over 12 inches, with room to spare
TABLE_CHARS_PER_INCH = 8.5  # 14-pt Arial, with room to spare
ROW_IN = 0.36  # one line of 14-pt text in a table row, with its margins
LINE_IN = 0.23  # each further line of a wrapped cell
CONTINUED = "lanjutan"
ROTATED_CHARS = 17


def _rgb(hex_color: str) -> Any:
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(hex_color)


def _run(paragraph, text: str, size: float, bold: bool = False, color: str = DARK) -> Any:
    from pptx.util import Pt

    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, _rgb(color)
    run.font.name = FONT
    return run


def _text(frame, text: str, size: float = BODY_PT, bold: bool = False, color: str = DARK,
          first: bool = True) -> Any:
    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    _run(paragraph, text, size, bold, color)
    return paragraph


def _box(slide, left: float, top: float, width: float, height: float, name: str = "") -> Any:
    from pptx.util import Inches

    shape = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    if name:
        shape.name = name
    frame = shape.text_frame
    frame.word_wrap = True
    return frame


def _notes(slide, lines: Sequence[str]) -> None:
    """What the presenter says, one paragraph a line, in the speaker notes."""
    lines = [line for line in lines if line]
    if not lines:
        return
    frame = slide.notes_slide.notes_text_frame
    for index, line in enumerate(lines):
        _text(frame, line, NOTES_PT, first=index == 0)


def _slide_number(slide, left: float, top: float, width: float) -> None:
    """A slide-number field, which PowerPoint and LibreOffice fill in themselves."""
    from pptx.enum.text import PP_ALIGN
    from pptx.oxml import parse_xml
    from pptx.oxml.ns import nsdecls

    frame = _box(slide, left, top, width, 0.4, name="Slide Number")
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT
    number = len(slide.part.package.presentation_part.presentation.slides)
    paragraph._p.append(parse_xml(
        f'<a:fld {nsdecls("a")} id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" type="slidenum">'
        f'<a:rPr lang="{LANGUAGE}" sz="{FOOTER_PT * 100}"><a:solidFill><a:srgbClr val="{GREY}"/></a:solidFill>'
        f'<a:latin typeface="{FONT}"/></a:rPr><a:t>{number}</a:t></a:fld>'))


def _slide(deck, title: str, footer: str, notes: Sequence[str] = ()) -> Any:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, deck.slide_width, Inches(0.12))
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(RED)
    band.line.fill.background()
    _text(_box(slide, LEFT, 0.3, BODY_WIDTH, 0.85, name="Title"), title, TITLE_PT, True, RED)
    _text(_box(slide, LEFT, 6.95, 10.8, 0.4, name="Footer"), footer, FOOTER_PT, color=GREY)
    _slide_number(slide, 11.3, 6.95, 1.5)
    _notes(slide, notes)
    return slide


def _continued(title: str, index: int) -> str:
    return title if index == 0 else f"{title} ({CONTINUED})"


def _lines(text: str, chars: int = CHARS_PER_LINE) -> int:
    return max(1, math.ceil(len(text) / chars))


def _chunks(items: list[str], lines: int = BODY_LINES, chars: int = CHARS_PER_LINE) -> Iterator[list[str]]:
    """Items grouped so each group's estimated lines fit one slide."""
    group: list[str] = []
    used = 0.0
    for item in items:
        need = _lines(item, chars) + 0.35  # paragraph spacing
        if group and used + need > lines:
            yield group
            group, used = [], 0.0
        group.append(item)
        used += need
    if group:
        yield group


def _list_paragraph(paragraph, numbered: bool, start: int) -> None:
    """A real list paragraph (PowerPoint's own numbering or bullet), hanging indent 0.45 in."""
    from pptx.oxml import parse_xml
    from pptx.oxml.ns import nsdecls

    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", "411480")
    properties.set("indent", "-411480")
    bullet = (f'<a:buAutoNum {nsdecls("a")} type="arabicPeriod" startAt="{start}"/>' if numbered
              else f'<a:buChar {nsdecls("a")} char="•"/>')
    properties.append(parse_xml(f'<a:buFont {nsdecls("a")} typeface="{FONT}"/>'))
    properties.append(parse_xml(bullet))


def _list_slides(deck, title: str, items: list[str], footer: str, numbered: bool = True,
                 notes: Sequence[str] | None = None, empty: str = "") -> None:
    """`notes` go under the first slide; without them, each slide's notes are its own items."""
    from pptx.util import Pt

    groups = list(_chunks(items)) or [[]]
    number = 1
    for index, group in enumerate(groups):
        said = group if notes is None else (notes if index == 0 else [f"{title} ({CONTINUED})."])
        slide = _slide(deck, _continued(title, index), footer, said or ([empty] if empty else []))
        frame = _box(slide, LEFT + 0.1, BODY_TOP, BODY_WIDTH - 0.2, BODY_BOTTOM - BODY_TOP)
        if not group and empty:
            _text(frame, empty)
        for position, item in enumerate(group):
            paragraph = _text(frame, item, first=position == 0)
            _list_paragraph(paragraph, numbered, number)
            paragraph.space_after = Pt(8)
            number += 1


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------

def _cell_lines(text: str, width: float) -> int:
    return sum(_lines(part, max(1, int((width - 0.1) * TABLE_CHARS_PER_INCH))) for part in text.split("\n"))


def _table_pages(rows: list[list[str]], widths: list[float], room: float) -> list[list[list[str]]]:
    """Rows split into the fewest slides their estimated heights allow, evened out (38 rows that
    need four slides go 10, 10, 9, 9 rather than 11, 11, 11, 5)."""
    if not rows:
        return [[]]
    heights = [ROW_IN + LINE_IN * (max(_cell_lines(t, w) for t, w in zip(row, widths, strict=True)) - 1)
               for row in rows]
    for pages in range(math.ceil(sum(heights) / room), len(rows) + 1):
        sizes = [len(rows) // pages + (index < len(rows) % pages) for index in range(pages)]
        bounds = [sum(sizes[:index]) for index in range(pages + 1)]
        if all(sum(heights[bounds[i]:bounds[i + 1]]) <= room for i in range(pages)):
            return [rows[bounds[i]:bounds[i + 1]] for i in range(pages)]
    return [[row] for row in rows]  # every row taller than a slide: one per slide


def _table(slide, headers: list[str], rows: list[list[str]], widths: list[float], header_height: float,
           center_from: int = 99, rotate_from: int = 99) -> None:
    """A table at 14 pt; header cells from `rotate_from` on read bottom to top, so that narrow
    columns keep a readable label."""
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_table(len(rows) + 1, len(headers), Inches(LEFT), Inches(BODY_TOP),
                                   Inches(sum(widths)), Inches(header_height + ROW_IN * len(rows)))
    table = shape.table
    for c, width in enumerate(widths):
        table.columns[c].width = Inches(width)
    table.rows[0].height = Inches(header_height)
    for r in range(1, len(rows) + 1):
        table.rows[r].height = Inches(ROW_IN)
    for c, label in enumerate(headers):
        cell = table.cell(0, c)
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(RED)
        cell.margin_left = cell.margin_right = Pt(4)
        cell.vertical_anchor = MSO_ANCHOR.BOTTOM
        if c >= rotate_from:
            cell._tc.get_or_add_tcPr().set("vert", "vert270")
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
        for line_number, line in enumerate(label.split("\n")):  # a paragraph a line
            paragraph = _text(cell.text_frame, line, TABLE_PT, True, "FFFFFF", first=line_number == 0)
            if c >= center_from and c < rotate_from:
                paragraph.alignment = PP_ALIGN.CENTER
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb("F1F1F1" if r % 2 == 0 else "FFFFFF")
            cell.margin_top = cell.margin_bottom = Pt(2)
            cell.margin_left = cell.margin_right = Pt(4)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            paragraph = _text(cell.text_frame, value, TABLE_PT, value == "✓", GREEN if value == "✓" else DARK)
            if c >= center_from:
                paragraph.alignment = PP_ALIGN.CENTER


def _table_slides(deck, title: str, footer: str, headers: list[str], rows: list[list[str]],
                  widths: list[float], notes: Sequence[str] = (), header_height: float = ROW_IN,
                  center_from: int = 99, rotate_from: int = 99, name_column: int = 0) -> None:
    room = BODY_BOTTOM - BODY_TOP - header_height
    for index, page in enumerate(_table_pages(rows, widths, room)):
        said = list(notes) if index == 0 else []
        if page:
            said.append(f"{title}: {page[0][name_column]} sampai {page[-1][name_column]}.".replace("\n", ", "))
        slide = _slide(deck, _continued(title, index), footer, said)
        _table(slide, headers, page, widths, header_height, center_from, rotate_from)


# --------------------------------------------------------------------------------------------
# Charts (native: PowerPoint and LibreOffice draw them, and the figures stay editable)
# --------------------------------------------------------------------------------------------

def _fraction(percent: float | None) -> float:
    return (percent or 0) / 100


def _label(item: IndicatorResult) -> str:
    return f"{item.numerator}/{item.denominator} ({persen(item.percent)})"


def _chart_text(chart, size: float = TABLE_PT + 2) -> None:
    from pptx.util import Pt

    chart.has_title = False  # the slide title says it; a one-series chart would repeat the series name
    chart.font.name = FONT
    chart.font.size = Pt(size)
    chart.font.color.rgb = _rgb(DARK)


def _point_labels(series, labels: list[str], color: str = DARK) -> None:
    """Each bar labelled with its own text ("36/38 (94,7%)"), beyond its end."""
    from pptx.enum.chart import XL_LABEL_POSITION
    from pptx.util import Pt

    for point, text in zip(series.points, labels, strict=True):
        label = point.data_label
        label.position = XL_LABEL_POSITION.OUTSIDE_END
        paragraph = label.text_frame.paragraphs[0]
        _run(paragraph, text, TABLE_PT, color=color)
        label.font.size = Pt(TABLE_PT)


def _bar_chart(slide, categories: list[str], series: list[tuple[str, list[float], list[str], str]],
               top: float = BODY_TOP, height: float = BODY_BOTTOM - BODY_TOP, maximum: float = 1.25) -> Any:
    """Horizontal bars, first category at the top; `series` = (name, fractions, labels, colour)."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
    from pptx.util import Inches, Pt

    data = CategoryChartData(number_format="0.0%")
    data.categories = categories[::-1]  # a bar chart draws its first category at the bottom
    for name, values, _labels, _color in series:
        data.add_series(name, values[::-1])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, Inches(LEFT), Inches(top), Inches(BODY_WIDTH),
                                   Inches(height), data)
    chart = frame.chart
    _chart_text(chart)
    plot = chart.plots[0]
    plot.gap_width = 45
    plot.overlap = 0
    plot.vary_by_categories = False
    for drawn, (_name, _values, labels, color) in zip(plot.series, series, strict=True):
        drawn.format.fill.solid()
        drawn.format.fill.fore_color.rgb = _rgb(color)
        drawn.invert_if_negative = False
        _point_labels(drawn, labels[::-1], DARK if color == RED else GREY)
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0, maximum, 0.25
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb("E0E0E0")
    axis.tick_labels.number_format, axis.tick_labels.number_format_is_linked = "0%", False
    axis.tick_labels.font.size = Pt(TABLE_PT)
    axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    axis.format.line.fill.background()
    chart.category_axis.tick_labels.font.size = Pt(TABLE_PT + 2)
    chart.category_axis.format.line.color.rgb = _rgb(LIGHT)
    chart.has_legend = len(series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(TABLE_PT + 2)
    _hide_max_tick(axis, maximum)
    return chart


def _hide_max_tick(axis, maximum: float) -> None:
    """The axis runs past 100% to leave room for the labels; its ticks stop at 100%."""
    if maximum <= 1:
        return
    axis.tick_labels.number_format = '[<=1]0%;""'


def _share_series(report: EvaluationReport, items: list[IndicatorResult]) -> list[tuple[str, list[float],
                                                                                         list[str], str]]:
    series = [(report.result.period.label, [_fraction(i.percent) for i in items], [_label(i) for i in items], RED)]
    if report.previous is not None:
        before = {i.code: i for i in report.previous.indicators}
        previous = [before.get(i.code) for i in items]
        series.append((report.previous_label, [_fraction(p.percent) if p else 0 for p in previous],
                       [_label(p) if p else "–" for p in previous], LIGHT))
    return series


def _doughnut(slide, parts: list[tuple[str, int, str]]) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Inches, Pt

    data = CategoryChartData(number_format="0")
    data.categories = [f"{label}: {count}" for label, count, _c in parts]
    data.add_series("Kantor", [count for _l, count, _c in parts])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.DOUGHNUT, Inches(LEFT), Inches(BODY_TOP), Inches(BODY_WIDTH),
                                   Inches(BODY_BOTTOM - BODY_TOP), data)
    chart = frame.chart
    _chart_text(chart, BODY_PT)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.RIGHT
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(BODY_PT)
    plot = chart.plots[0]
    plot.vary_by_categories = True
    plot.has_data_labels = True
    plot.data_labels.show_value, plot.data_labels.show_category_name = True, False
    plot.data_labels.font.size, plot.data_labels.font.bold = Pt(BODY_PT), True
    plot.data_labels.font.color.rgb = _rgb("FFFFFF")
    hole = plot._element.find("{http://schemas.openxmlformats.org/drawingml/2006/chart}holeSize")
    if hole is not None:
        hole.set("val", "50")
    for point, (_label_text, _count, color) in zip(plot.series[0].points, parts, strict=True):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(color)
        if color in (LIGHT, "E6E6E6"):
            point.data_label.font.color.rgb = _rgb(DARK)


# --------------------------------------------------------------------------------------------
# The slides
# --------------------------------------------------------------------------------------------

def _title_slide(deck, report: EvaluationReport) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches, Pt

    slide = deck.slides.add_slide(deck.slide_layouts[6])
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, deck.slide_width, Inches(4.4))
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(RED)
    band.line.fill.background()
    _text(_box(slide, 0.8, 0.6, 11.7, 0.5), "KOMISI PEMILIHAN UMUM", BODY_PT, True, "FFFFFF")
    _text(_box(slide, 0.8, 1.5, 11.7, 1.0, name="Title"), report.title, 44, True, "FFFFFF")
    lines = report.cover_lines
    if lines:
        _text(_box(slide, 0.8, 2.8, 11.7, 1.4), lines[0], 28, False, "FFFFFF")
    meta = _box(slide, 0.8, 4.75, 11.7, 2.2)
    for index, line in enumerate(lines[1:]):
        _text(meta, line, 24 if index == 0 else BODY_PT, index == 0, DARK, first=index == 0).space_after = Pt(6)
    _text(meta, f"{report.result.expected} KPU Kabupaten/Kota dalam cakupan · batas waktu laporan "
                f"{tanggal(report.result.period.deadline)}", MIN_BODY_PT, False, GREY, first=len(lines) < 2)
    _slide_number(slide, 11.3, 6.95, 1.5)
    _notes(slide, [report.title, *lines, *([f"Catatan evaluator: {report.note}"] if report.note else [])])


def _completeness_slides(deck, report: EvaluationReport, footer: str) -> None:
    result = report.result
    on_time = len(result.reported) - len(result.late)
    carried = len(result.carried_forward)
    parts = [("Tepat waktu", on_time, DARK), ("Terlambat", len(result.late), RED),
             ("Belum memperbarui, laporan lama dipakai", carried, "9A9A9A"),
             ("Belum memperbarui, tanpa laporan", len(result.stale) - carried, "C8C8C8"),
             ("Belum pernah melapor", len(result.never_reported), "E6E6E6")]
    parts = [p for p in parts if p[1]]
    notes = [f"{len(result.reported)} dari {result.expected} KPU Kabupaten/Kota telah melapor; "
             f"{len(result.late)} di antaranya terlambat."]
    for heading, units, one_by_one in report.missing_groups:
        notes.append(f"{heading} ({len(units)}): " + ("; ".join(o.name for o in units) if one_by_one
                                                      else "daftar lengkap di lampiran") + ".")
    if result.late and report.name_late:
        notes.append("Terlambat: " + "; ".join(f"{o.name} ({tanggal(o.reported_on)})" for o in result.late) + ".")
    slide = _slide(deck, f"Kelengkapan laporan: {len(result.reported)} dari {result.expected} melapor", footer,
                   notes)
    if parts:
        _doughnut(slide, parts)
    # Who is behind, by name (for the nation, beyond NAMES_LISTED, per province in the table slides).
    rows = [row for row in report.offices if not row.unit.reported or row.unit.late]
    named = [row for row in rows if (row.unit.late and report.name_late)
             or (not row.unit.reported and report.name_not_updated)]
    if named:
        table_rows = [[row.unit.name + (f"\n{row.province}" if report.provinces else ""), row.status,
                       tanggal(row.unit.reported_on) if row.unit.reported else "–"] for row in named]
        _table_slides(deck, f"Belum melapor dan terlambat ({len(named)})", footer,
                      ["KPU Kabupaten/Kota", "Status", "Tanggal lapor"], table_rows, [4.3, 5.3, 2.7])


def _province_chart_slides(deck, report: EvaluationReport, footer: str) -> None:
    rows = sorted(report.provinces, key=lambda r: (r.reported / (r.expected or 1), r.name))
    per_slide = math.ceil(len(rows) / math.ceil(len(rows) / 20)) if rows else 1
    for index in range(0, len(rows), per_slide):
        chunk = rows[index:index + per_slide]
        slide = _slide(deck, _continued("Kelengkapan per provinsi (terendah dahulu)", index), footer,
                       ["Persentase KPU Kabupaten/Kota yang melapor di setiap provinsi, dari yang terendah: "
                        + "; ".join(f"{r.name} {r.reported} dari {r.expected}" for r in chunk) + "."])
        _bar_chart(slide, [r.name for r in chunk],
                   [("Melapor", [r.reported / r.expected if r.expected else 0 for r in chunk],
                     [f"{r.reported}/{r.expected}" for r in chunk], RED)], maximum=1.15)


def _changes_slides(deck, report: EvaluationReport, footer: str) -> None:
    title = f"Perubahan dari {report.previous_label}"
    if not report.has_previous:
        text = f"Belum ada data {report.previous_label} untuk dibandingkan."
        slide = _slide(deck, title, footer, [text])
        _text(_box(slide, LEFT, BODY_TOP, BODY_WIDTH, 1), text)
        return
    rows = []
    for change in report.changes:
        before = change.previous
        mark = {"up": "▲ naik", "down": "▼ turun", "same": "■ tetap"}.get(change.direction, "–")
        verdict = {True: "membaik", False: "memburuk"}.get(change.improved, "") if change.improved is not None else ""
        rows.append([change.current.short_label, _label(before) if before else "–", _label(change.current),
                     mark, verdict])
    _table_slides(deck, title, footer, ["Indikator", report.previous_label, report.result.period.label, "Arah",
                                        "Keterangan"], rows, [4.4, 2.55, 2.55, 1.4, 1.4],
                  notes=[c.sentence for c in report.changes], center_from=1)


def _constraints_slides(deck, report: EvaluationReport, footer: str) -> None:
    summary = report.constraints
    items = [c.current for c in summary.types]
    slide = _slide(deck, f"Kendala yang disampaikan (dari {report.result.expected})", footer,
                   [c.sentence for c in summary.types])
    if items:
        _bar_chart(slide, [i.short_label for i in items], _share_series(report, items))
    themes = summary.themes
    lines = [f"{theme.label} ({theme.office_count} kantor): “{_clip(theme.quotes[0].text)}”" for theme in themes]
    notes = [f"{theme.label} ({theme.office_count} kantor): " + " ".join(
        f"“{q.text}” ({q.offices_text})." for q in theme.shown) for theme in themes]
    _list_slides(deck, "Uraian kendala menurut tema", lines, footer, numbered=False, notes=notes,
                 empty="Tidak ada kantor yang menuliskan uraian kendala.")


def _clip(text: str, limit: int = 150) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _rotated(label: str, limit: int = ROTATED_CHARS) -> str:
    """A long rotated header label in two lines, broken between words where the lines are most even."""
    words = label.split()
    if len(label) <= limit or len(words) < 2:
        return label
    first, second = min(((" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(1, len(words))),
                        key=lambda pair: max(len(pair[0]), len(pair[1])))
    return f"{first}\n{second}"


def _rotated_height(labels: list[str]) -> float:
    """The header row's height: its longest rotated line (14-pt bold Arial, about 0.08 in a character as LibreOffice and PowerPoint draw it)."""
    longest = max((len(line) for label in labels for line in label.split("\n")), default=8)
    return round(max(1.0, longest * 0.08 + 0.2), 2)


def _office_table_slides(deck, report: EvaluationReport, footer: str) -> None:
    columns = report.met_columns
    names = [_rotated(i.short_label) for i in columns]
    header_height = _rotated_height(names)
    if report.provinces:
        codes = [i.code for i in columns]
        rows = [[p.name, f"{p.reported}/{p.expected}", str(p.late), *[persen(v) for v in p.percents(codes)]]
                for p in report.provinces]
        width = (BODY_WIDTH - 3.3 - 2 * 1.0) / max(1, len(columns))
        _table_slides(deck, "Per provinsi", footer, ["Provinsi", "Melapor", "Terlambat", *names], rows,
                      [3.3, 1.0, 1.0] + [width] * len(columns), header_height=header_height, center_from=1, rotate_from=1,
                      notes=["Persentase KPU Kabupaten/Kota yang memenuhi setiap indikator, per provinsi; "
                             "“–” berarti provinsi itu belum memiliki laporan."])
        return
    rows = [[str(n), row.unit.name, row.status_short, *["✓" if i.code in row.met else "" for i in columns]]
            for n, row in enumerate(report.offices, start=1)]
    width = (BODY_WIDTH - 0.6 - 3.1 - 2.4) / max(1, len(columns))
    _table_slides(deck, "Indikator per KPU Kabupaten/Kota", footer, ["No.", "KPU Kabupaten/Kota", "Status", *names],
                  rows, [0.6, 3.1, 2.4] + [width] * len(columns), header_height=header_height, center_from=3, rotate_from=3,
                  name_column=1,
                  notes=["✓ berarti kantor itu memenuhi indikator pada kolomnya."])


def _tag_language_and_font(deck) -> None:
    """id-ID on every run and default (slides, notes, masters, layouts, charts), Arial in the theme."""
    from lxml import etree

    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    tags = {f"{{{a}}}rPr", f"{{{a}}}defRPr", f"{{{a}}}endParaRPr"}
    for part in deck.part.package.iter_parts():
        name = str(part.partname)
        if name.startswith("/ppt/theme/"):
            theme = etree.fromstring(part.blob)
            for font in theme.iter(f"{{{a}}}latin"):
                if font.getparent().tag in (f"{{{a}}}majorFont", f"{{{a}}}minorFont"):
                    font.set("typeface", FONT)
            part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)
            continue
        element = getattr(part, "_element", None)
        if element is None:
            continue
        for node in element.iter(*tags):
            node.set("lang", LANGUAGE)
            if node.get("altLang"):
                del node.attrib["altLang"]


def render(report: EvaluationReport, progress: Progress) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    progress(45, gettext_noop("Menyusun slide"))
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    set_core_properties(deck.core_properties, report)
    footer = f"{report.title} · {report.subtitle}"
    _title_slide(deck, report)
    _completeness_slides(deck, report, footer)
    if report.provinces:
        _province_chart_slides(deck, report, footer)
    items = report.met_columns
    slide = _slide(deck, f"Capaian indikator (dari {report.result.expected} KPU Kabupaten/Kota)", footer,
                   [f"{i.name}: {_label(i)}." for i in report.result.indicators])
    _bar_chart(slide, [i.short_label for i in items], _share_series(report, items))
    _changes_slides(deck, report, footer)
    progress(60, gettext_noop("Menyusun temuan dan kendala"))
    findings = report.result.findings
    _list_slides(deck, "Temuan", findings, footer)
    _constraints_slides(deck, report, footer)
    progress(75, gettext_noop("Menyusun tabel per kantor"))
    _office_table_slides(deck, report, footer)
    _list_slides(deck, "Rekomendasi", report.recommendations, footer)
    if report.note:
        paragraphs = [p.strip() for p in report.note.splitlines() if p.strip()]
        _list_slides(deck, "Catatan evaluator", paragraphs, footer, numbered=False)
    _tag_language_and_font(deck)
    count = len(deck.slides)
    set_app_properties(deck.part.package, report, PresentationFormat="Layar lebar (16:9)", Slides=count, Notes=count)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
