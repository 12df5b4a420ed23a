"""The evaluation report as DOCX (python-docx), for the province to edit: the same sections as the
PDF, on A4, with real Word headings, numbered lists that are Word lists (each restarting at 1), a
header and a footer with the page number (a PAGE field, which Word and LibreOffice fill in), tables
at 9 pt or more whose header row repeats on every page, and the charts. Arial throughout (LibreOffice
substitutes the metric-compatible Liberation Sans), the text tagged id-ID, and file properties naming
the office."""

from __future__ import annotations

import io

from django.utils.translation import gettext_noop

from bakohumas.core.formatting import tanggal
from bakohumas.evaluation.documents.properties import (
    FONT,
    LANGUAGE,
    office_name,
    set_app_properties,
    set_core_properties,
)
from bakohumas.evaluation.report import EvaluationReport, Progress, persen

RED = "B5121B"
DARK = "3A3A3A"


def _shade(cell, color: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), color)
    cell._tc.get_or_add_tcPr().append(shading)


def _keep_rows(table) -> None:
    """The header row repeats on every page; no row is split across pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if index == 0:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            properties.append(header)


def _narrow_margins(table) -> None:
    """Cell margins of 0.08 cm left and right (Word's default is 0.19), so narrow columns keep
    their header words whole."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "45")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)


TABLE_PT = 9  # no table text is smaller


def _rotate(cell) -> None:
    """Header text read bottom to top, so that a narrow column keeps its label whole."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    cell._tc.get_or_add_tcPr().append(direction)


def _row_height(row, cm: float) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    row.height, row.height_rule = Cm(cm), WD_ROW_HEIGHT_RULE.AT_LEAST


def _table(doc, headers: list[str], rows: list[list[str]], widths: list[float] | None = None,
           size: float = TABLE_PT, right: set[int] | None = None, header_size: float | None = None,
           center: set[int] | None = None, rotate_from: int = 99, header_height: float = 0):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    right = right or set()
    table = doc.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = "Table Grid"
    _narrow_margins(table)
    table.autofit = widths is None
    # Writing through the cell XML once per cell; python-docx's row.cells rebuilds a grid each call.
    all_cells = table._cells
    columns = len(headers)
    for index, text in enumerate(headers):
        cell = all_cells[index]
        _shade(cell, RED)
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size, run.font.color.rgb = True, Pt(header_size or size), RGBColor(0xFF, 0xFF, 0xFF)
        if index >= rotate_from:
            _rotate(cell)
    if header_height:
        _row_height(table.rows[0], header_height)
    _keep_rows(table)
    for r, values in enumerate(rows, start=1):
        for c, text in enumerate(values):
            paragraph = all_cells[r * columns + c].paragraphs[0]
            paragraph.add_run(text).font.size = Pt(size)
            if c in right:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif center and c in center:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if widths:
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        for c, width in enumerate(widths):
            grid[c].set(qn("w:w"), str(int(Cm(width).twips)))
            for r in range(len(rows) + 1):
                all_cells[r * columns + c].width = Cm(width)
    doc.add_paragraph()
    return table


def _picture(doc, png: bytes | None, width_cm: float = 16) -> None:
    from docx.shared import Cm

    if png:
        doc.add_picture(io.BytesIO(png), width=Cm(width_cm))


def _cover(doc, report: EvaluationReport) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt, RGBColor

    def line(text: str, size: float, bold: bool = False, color: str = DARK, space: float = 6) -> None:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.space_after = Pt(space)
        run = paragraph.add_run(text)
        run.bold, run.font.size, run.font.color.rgb = bold, Pt(size), RGBColor.from_string(color)

    line("KOMISI PEMILIHAN UMUM", 12, True, RED, 60)
    line(report.title, 28, True, RED, 10)
    lines = report.cover_lines
    for index, text in enumerate(lines):
        line(text, 18 if index == 0 else 14, index == 0, DARK, 40 if index == 0 else 6)
    doc.add_paragraph().paragraph_format.space_after = Pt(120)
    line(f"{report.result.expected} KPU Kabupaten/Kota dalam cakupan · batas waktu laporan "
         f"{tanggal(report.result.period.deadline)}", 10)
    line("Disusun dari data Aplikasi Bakohumas", 10)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _completeness(doc, report: EvaluationReport) -> None:
    result = report.result
    doc.add_heading("1. Kelengkapan laporan", level=1)
    doc.add_paragraph(f"{len(result.reported)} dari {result.expected} KPU Kabupaten/Kota telah melapor; "
                      f"{len(result.never_reported)} belum pernah melapor; {len(result.stale)} belum memperbarui; "
                      f"{len(result.late)} terlambat.")
    _picture(doc, report.charts.get("completeness"), 11)
    if report.provinces:
        _picture(doc, report.charts.get("provinces"), 15)
    for heading, units, named in report.missing_groups:
        doc.add_heading(f"{heading} ({len(units)})", level=2)
        if named:
            doc.add_paragraph("; ".join(
                o.name + (f" (dievaluasi dengan laporan {o.carried_forward_label})" if o.carried_forward_from else "")
                for o in units) + ".")
        else:
            doc.add_paragraph("Terlalu banyak untuk disebut satu per satu: jumlahnya per provinsi ada di lampiran, "
                              "namanya di lembar “Kelengkapan” berkas XLSX.")
    if result.late:
        doc.add_heading(f"Terlambat ({len(result.late)})", level=2)
        doc.add_paragraph("; ".join(f"{o.name} ({tanggal(o.reported_on)})" for o in result.late) + "."
                          if report.name_late else "Namanya ada di lembar “Kelengkapan” berkas XLSX.")


def _indicators(doc, report: EvaluationReport) -> None:
    doc.add_heading("2. Indikator", level=1)
    rows = [[i.name + (" (makin rendah makin baik)" if i.polarity == "negative" else ""), str(i.numerator),
             str(i.denominator), persen(i.percent)] for i in report.result.indicators]
    _table(doc, ["Indikator", "Memenuhi", "Dari", "%"], rows, [10, 2.3, 2, 2.2], right={1, 2, 3})
    _picture(doc, report.charts.get("indicators"))


def _changes(doc, report: EvaluationReport) -> None:
    doc.add_heading(f"4. Perubahan dari {report.previous_label}", level=1)
    if not report.has_previous:
        doc.add_paragraph(f"Belum ada data {report.previous_label} untuk dibandingkan.")
        return
    rows = []
    for change in report.changes:
        mark = {"up": "▲", "down": "▼", "same": "■"}.get(change.direction, "–")
        verdict = {True: " (membaik)", False: " (memburuk)"}.get(change.improved, "") \
            if change.improved is not None else ""
        rows.append([change.current.name, f"{mark} {change.text}{verdict}"])
    _table(doc, ["Indikator", "Perubahan"], rows, [5.5, 11])


def _constraints(doc, report: EvaluationReport) -> None:
    summary = report.constraints
    doc.add_heading("5. Kendala", level=1)
    _picture(doc, report.charts.get("constraints"))
    _table(doc, ["Jenis kendala", "KPU Kab/Kota", "%"],
           [[t.current.name, f"{t.current.numerator} dari {t.current.denominator}", persen(t.current.percent)]
            for t in summary.types], [9, 4, 3], right={1, 2})
    doc.add_heading("Uraian kendala menurut tema", level=2)
    if not summary.themes:
        doc.add_paragraph("Tidak ada kantor yang menuliskan uraian kendala.")
    for theme in summary.themes:
        doc.add_heading(f"{theme.label} ({theme.office_count} kantor)", level=3)
        for quote in theme.shown:
            doc.add_paragraph(f"“{quote.text}” — {quote.offices_text}", style="List Bullet")
        if theme.hidden:
            doc.add_paragraph(f"dan {len(theme.hidden)} uraian lain (lihat lembar “Kendala” berkas XLSX).")


def _appendix(doc, report: EvaluationReport) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Cm

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False  # the cover's rule, not the appendix's
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)
    columns = report.met_columns
    if report.provinces:
        doc.add_heading("Lampiran. Kelengkapan dan indikator per provinsi", level=1)
        codes = [i.code for i in columns]
        rows = [[p.name, str(p.expected), str(p.reported), str(p.not_updated), str(p.late),
                 *[persen(v) for v in p.percents(codes)]] for p in report.provinces]
        _table(doc, ["Provinsi", "Kab/Kota", "Melapor", "Belum", "Terlambat", *[i.short_label for i in columns]],
               rows, [5.4, 1.5, 1.5, 1.5, 1.5] + [(26.5 - 11.4) / max(1, len(columns))] * len(columns),
               right=set(range(1, 5 + len(columns))), rotate_from=1, header_height=2.8)
        return
    doc.add_heading("Lampiran. Indikator per KPU Kabupaten/Kota", level=1)
    doc.add_paragraph("✓ = memenuhi indikator; Kendala: S = SDM, A = anggaran, P = sarana dan prasarana.")
    rows = [[str(n), row.unit.name, row.status, tanggal(row.unit.reported_on) if row.unit.reported else "–",
             *["✓" if i.code in row.met else "" for i in columns], row.constraint_letters or "–"]
            for n, row in enumerate(report.offices, start=1)]
    _table(doc, ["No.", "KPU Kabupaten/Kota", "Status", "Tanggal lapor", *[i.short_label for i in columns], "Kendala"],
           rows, [0.9, 4.6, 5.0, 2.9] + [1.2] * len(columns) + [2.1], center=set(range(4, 5 + len(columns))),
           rotate_from=4, header_height=2.8)


def _numbered(doc, lines: list[str]) -> None:
    """A Word numbered list ("List Number"), restarting at 1: each list gets its own numbering
    instance of the style's definition, with a start override."""
    numbering = doc.part.numbering_part.element
    style_num = doc.styles["List Number"].element.pPr.numPr.numId.val
    definition = numbering.num_having_numId(style_num).abstractNumId.val
    instance = numbering.add_num(definition)
    instance.add_lvlOverride(ilvl=0).add_startOverride(1)
    for line in lines:
        paragraph = doc.add_paragraph(line, style="List Number")
        number = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        number.get_or_add_ilvl().val = 0
        number.get_or_add_numId().val = instance.numId


def _header_footer(doc, report: EvaluationReport) -> None:
    """Title and office in the header; "Halaman n dari m" (PAGE and NUMPAGES fields) in the footer.
    The cover has neither."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    run = header.add_run(f"{report.title} — {office_name(report)} · {report.result.period.label}")
    run.font.size, run.font.color.rgb = Pt(8), RGBColor(0x77, 0x77, 0x77)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for part in ("Halaman ", ("PAGE", "1"), " dari ", ("NUMPAGES", "1")):
        if isinstance(part, tuple):
            _field(footer, *part)
        else:
            footer.add_run(part).font.size = Pt(8)


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / result / end runs."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def char(kind: str) -> None:
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(mark)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run(placeholder).font.size = Pt(8)
    char("end")


def _styles(doc) -> None:
    """Arial and id-ID everywhere: the theme-font references of the template are removed (Word
    prefers them to a named font), and the default language is Indonesian."""
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    styles = doc.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{name}"), None)
        for name in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{name}"), FONT)
    for language in styles.iter(qn("w:lang")):
        language.set(qn("w:val"), LANGUAGE)
        language.set(qn("w:eastAsia"), LANGUAGE)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    for name, size, color in (("Heading 1", 15, RED), ("Heading 2", 12, DARK), ("Heading 3", 10.5, DARK)):
        style = doc.styles[name]
        style.font.size, style.font.color.rgb = Pt(size), RGBColor.from_string(color)
        style.font.name = FONT


def render(report: EvaluationReport, progress: Progress) -> bytes:
    from docx import Document
    from docx.shared import Cm

    progress(45, gettext_noop("Menyusun dokumen"))
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    _styles(doc)
    set_core_properties(doc.core_properties, report)
    set_app_properties(doc.part.package, report)
    _header_footer(doc, report)
    _cover(doc, report)
    _completeness(doc, report)
    _indicators(doc, report)
    doc.add_heading("3. Temuan", level=1)
    _numbered(doc, report.result.findings)
    progress(60, gettext_noop("Menyusun perubahan dan kendala"))
    _changes(doc, report)
    _constraints(doc, report)
    doc.add_heading("6. Rekomendasi", level=1)
    _numbered(doc, report.recommendations)
    if report.note:
        doc.add_heading("Catatan evaluator", level=2)
        for paragraph in report.note.splitlines():
            if paragraph.strip():
                doc.add_paragraph(paragraph.strip())
    progress(75, gettext_noop("Menyusun lampiran"))
    _appendix(doc, report)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
