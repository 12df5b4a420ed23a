"""Documents: the written notice (DOCX, PDF) and the service report (XLSX, DOCX, PDF).

Each document is drawn from one object (the decision, the `ServiceReport`); the PDFs are
rendered by WeasyPrint from the same HTML templates the pages use."""

from __future__ import annotations

import io

from django.template.loader import render_to_string

from bakohumas.core.formatting import tanggal
from bakohumas.core.spreadsheet import new_workbook, workbook_bytes
from bakohumas.ppid.models import Decision, InformationRequest
from bakohumas.ppid.selectors import ServiceReport

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


def office_title(office) -> str:
    return office.name.upper()


def notice_lines(request: InformationRequest) -> list[tuple[str, str]]:
    """The numbered points of the written notice (Perki 1/2021 form), shared by DOCX and PDF."""
    decision: Decision = request.decision
    held = decision.availability == Decision.Availability.HELD
    points = [
        ("Penguasaan informasi publik",
         "Kami" if held else (f"Badan publik lain, yaitu {decision.other_body}"
                              if decision.availability == Decision.Availability.ELSEWHERE
                              else "Informasi yang diminta tidak dikuasai")),
        ("Keputusan", decision.get_outcome_display()),
        ("Bentuk fisik yang tersedia", decision.get_format_display() or "-"),
        ("Biaya yang dibutuhkan", f"Rp{decision.fee:,.0f}".replace(",", ".") + (f" ({decision.fee_note})"
                                                                                  if decision.fee_note else "")),
        ("Waktu penyediaan", decision.delivery_time or "-"),
    ]
    if decision.exemption_ground:
        points.append(("Informasi dikecualikan berdasarkan", decision.get_exemption_ground_display()))
        points.append(("Uji konsekuensi", decision.consequence_test))
    if decision.redactions:
        points.append(("Penjelasan penghitaman/pengaburan informasi", decision.redactions))
    if decision.notes:
        points.append(("Penjelasan", decision.notes))
    return points


def notice_context(request: InformationRequest) -> dict:
    return {"req": request, "decision": request.decision, "points": notice_lines(request),
            "office_title": office_title(request.office), "received": tanggal(request.received_on),
            "decided": tanggal(request.decision.decided_on)}


def notice_docx(request: InformationRequest) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    ctx = notice_context(request)
    doc = Document()
    for text, bold in ((f"KOMISI PEMILIHAN UMUM {ctx['office_title'].removeprefix('KPU ')}", True),
                       ("PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI", False),
                       ("PEMBERITAHUAN TERTULIS", True),
                       (f"Nomor: {request.decision.letter_number or '-'}", False)):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold
    doc.add_paragraph(f"Berdasarkan permohonan informasi pada tanggal {ctx['received']} dengan nomor pendaftaran "
                      f"{request.registration_number}, kami menyampaikan kepada Saudara/i:")
    table = doc.add_table(rows=0, cols=2)
    for label, value in (("Nama", request.requester_name), ("Alamat", request.address),
                         ("Nomor telepon/e-mail", " / ".join(v for v in (request.phone, request.email) if v)),
                         ("Rincian informasi yang dibutuhkan", request.information_sought)):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    doc.add_paragraph("Pemberitahuan sebagai berikut:")
    points = doc.add_table(rows=1, cols=3)
    points.style = "Table Grid"
    header = points.rows[0].cells
    header[0].text, header[1].text, header[2].text = "No.", "Hal-hal terkait informasi publik", "Keterangan"
    for number, (label, value) in enumerate(ctx["points"], start=1):
        cells = points.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = str(number), label, value
    doc.add_paragraph("Apabila Saudara/i tidak puas dengan keputusan ini, Saudara/i dapat mengajukan keberatan kepada "
                      "atasan PPID sesuai Pasal 35 UU 14/2008.")
    closing = doc.add_paragraph(f"{request.office.region_name}, {ctx['decided']}\n"
                                "Pejabat Pengelola Informasi dan Dokumentasi\n\n\n(nama dan tanda tangan)")
    closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def notice_pdf(request: InformationRequest) -> bytes:
    return html_to_pdf(render_to_string("ppid/print_notice.html", notice_context(request)))


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


def report_docx(report: ServiceReport) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(report_title(report), level=1)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text, header[1].text, header[2].text = "Bagian", "Uraian", "Jumlah"
    for section, label, value in report.rows():
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = section, label, str(value)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def report_pdf(report: ServiceReport) -> bytes:
    return html_to_pdf(render_to_string("ppid/print_report.html", {"report": report, "title": report_title(report)}))
