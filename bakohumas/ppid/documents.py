"""Documents: the written notice (DOCX, PDF; see letters.py for the PPID letters) and the service
report (XLSX, DOCX, PDF).

Each document is drawn from one object (the `Letter`, the `ServiceReport`); the PDFs are rendered
by WeasyPrint from HTML templates. Letters and the report's DOCX and PDF carry the office letterhead
(bakohumas.offices.letterhead)."""

from __future__ import annotations

import io

from django.template.loader import render_to_string

from django.utils import timezone

from bakohumas.core.formatting import tanggal
from bakohumas.core.spreadsheet import new_workbook, workbook_bytes
from bakohumas.offices.letterhead import docx_document, docx_letterhead, docx_signature, docx_widths, letterhead_for
from bakohumas.ppid.letters import PPID_ROLE, letter_docx, letter_pdf, notice_letter
from bakohumas.ppid.models import InformationRequest
from bakohumas.ppid.selectors import ServiceReport, service_report_by_office

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


def notice_docx(request: InformationRequest) -> bytes:
    """The written notice as an official letter (bakohumas.ppid.letters), DOCX on A4."""
    return letter_docx(notice_letter(request))


def notice_pdf(request: InformationRequest) -> bytes:
    return letter_pdf(notice_letter(request))


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def report_title(report: ServiceReport) -> str:
    return (f"Laporan Layanan Informasi Publik {report.region.name} "
            f"{tanggal(report.start)} – {tanggal(report.end)}")


def report_xlsx(report: ServiceReport) -> bytes:
    from openpyxl.styles import Font

    workbook = new_workbook()
    sheet = workbook.active
    sheet.title = "Layanan PPID"
    sheet.append([report_title(report)])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    sheet.append(["Bagian", "Uraian", "Jumlah"])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in report.rows():
        sheet.append(list(row))
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["C"].width = 12
    days = workbook.create_sheet("Hari kerja menjawab")
    days.append(["Hari kerja sampai dijawab"])
    for value in report.days_to_respond:
        days.append([value])
    return workbook_bytes(workbook)


BREAKDOWN_HEADER = ["Kantor", "Diterima", "Dijawab", "Tepat waktu", "Terlambat", "Diproses", "Keberatan"]


def _number(value: object) -> object:
    """Indonesian decimals in the printed report (2,5 not 2.5); the XLSX keeps numbers."""
    return f"{value:.1f}".replace(".", ",") if isinstance(value, float) else value


def report_context(report: ServiceReport, *, issued_on=None) -> dict:
    """What the DOCX and the PDF print besides the figures: the letterhead, the issue date, the
    signatory (the region office's PPID) and, for a province or KPU RI, the table per office."""
    letterhead = letterhead_for(report.region)
    issued_on = issued_on or timezone.localdate()
    breakdown = [] if report.region.is_regency else [
        [row.office.name, row.total, row.answered, row.on_time, row.late, row.open, row.objections]
        for row in service_report_by_office(report.region, report.start, report.end)]
    return {"report": report, "title": report_title(report), "letterhead": letterhead,
            "rows": [(section, label, _number(value)) for section, label, value in report.rows()],
            "place_date": f"{letterhead.place}, {tanggal(issued_on)}", "signer": letterhead.ppid,
            "role": PPID_ROLE + ",", "breakdown": breakdown, "breakdown_header": BREAKDOWN_HEADER}


def report_docx(report: ServiceReport) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    ctx = report_context(report)
    doc = docx_document(font_size=10.5)
    docx_letterhead(doc, ctx["letterhead"])
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(ctx["title"])
    run.bold, run.font.size = True, Pt(12)

    def grid(header: list[str], rows: list[list], widths: list[float]) -> None:
        table = doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.paragraphs[0].add_run(str(text)).bold = True
        for row in rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.paragraphs[0].add_run(str(value))
                if isinstance(value, int | float) or str(value).replace(",", "").isdigit():
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.space_after = Pt(0)
                    for text_run in paragraph.runs:
                        text_run.font.size = Pt(9.5)
        docx_widths(table, [Cm(w) for w in widths])

    grid(["Bagian", "Uraian", "Jumlah"], [list(row) for row in ctx["rows"]], [4.0, 10.5, 2.0])
    if ctx["breakdown"]:
        heading = doc.add_paragraph()
        heading.paragraph_format.space_before = Pt(10)
        heading.add_run("Rincian per kantor").bold = True
        grid(BREAKDOWN_HEADER, ctx["breakdown"], [4.4, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0])
    docx_signature(doc, place_date=ctx["place_date"], role=ctx["role"], person=ctx["signer"])
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def report_pdf(report: ServiceReport) -> bytes:
    return html_to_pdf(render_to_string("ppid/print_report.html", report_context(report)))
