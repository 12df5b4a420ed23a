"""Documents of a meeting: the invitation letter (PDF), the attendance list (daftar hadir, PDF and
XLSX) and the minutes (notulen, DOCX and PDF). PDFs are rendered by WeasyPrint from HTML templates;
the XLSX goes through core.spreadsheet. Always Indonesian."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils import timezone, translation

from bakohumas.offices.letterhead import Letterhead, docx_document, docx_letterhead, letterhead_for
from bakohumas.core.formatting import tanggal
from bakohumas.core.spreadsheet import new_workbook, workbook_bytes
from bakohumas.meetings.invitations import when_text, where_text
from bakohumas.meetings.models import Attendee, Meeting
from bakohumas.meetings.selectors import attendance_recap, meeting_agenda
from bakohumas.offices.models import Office
from bakohumas.ppid.documents import html_to_pdf

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


def _letterhead(office: Office) -> Letterhead:
    """The organiser's kop surat from its office profile (the office's name alone without one)."""
    return letterhead_for(office)


def _context(meeting: Meeting) -> dict:
    return {"meeting": meeting, "letterhead": _letterhead(meeting.organiser), "when": when_text(meeting),
            "where": where_text(meeting), "agenda": meeting_agenda(meeting),
            "day": tanggal(timezone.localtime(meeting.starts_at).date())}


def filename(meeting: Meeting, kind: str, fmt: str) -> str:
    day = timezone.localtime(meeting.starts_at).date().isoformat()
    return f"{kind}-rakor-{meeting.organiser.code}-{day}.{fmt}"


def invitation_pdf(meeting: Meeting) -> bytes:
    with translation.override("id"):
        sent = timezone.localtime(meeting.invited_at).date() if meeting.invited_at else timezone.localdate()
        ctx = _context(meeting) | {"invitees": list(meeting.invitees.select_related("office")),
                                   "letter_day": tanggal(sent)}
        return html_to_pdf(render_to_string("meetings/print_invitation.html", ctx))


def attendance_pdf(meeting: Meeting) -> bytes:
    with translation.override("id"):
        ctx = _context(meeting) | {"recap": attendance_recap(meeting)}
        return html_to_pdf(render_to_string("meetings/print_attendance.html", ctx))


def attendance_xlsx(meeting: Meeting) -> bytes:
    from openpyxl.styles import Font

    recap = attendance_recap(meeting)
    workbook = new_workbook()
    sheet = workbook.active
    sheet.title = "Daftar hadir"
    sheet.append([f"Daftar hadir {meeting.title}"])
    sheet.append([f"{meeting.organiser.name} · {when_text(meeting)} · {where_text(meeting)}"])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    sheet.append(["No.", "Satuan kerja", "Kehadiran", "Nama", "Jabatan", "Peran"])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    number = 0
    for invitee in recap.invitees:
        people: list[Attendee | None] = list(invitee.attendees.all()) or [None]
        for person in people:
            number += 1
            sheet.append([number, invitee.office.name, str(invitee.get_presence_display()),
                          person.name if person else "", person.position if person else "",
                          str(person.get_role_display()) if person else ""])
    for column, width in zip("ABCDEF", (6, 36, 16, 32, 32, 24), strict=True):
        sheet.column_dimensions[column].width = width
    summary = workbook.create_sheet("Rekap")
    summary.append(["Diundang", len(recap.invitees)])
    summary.append(["Hadir", len(recap.present)])
    summary.append(["Tidak hadir", len(recap.absent)])
    summary.append(["Belum dicatat", len(recap.unknown)])
    summary.append(["Jumlah peserta", recap.people])
    return workbook_bytes(workbook)


def minutes_pdf(meeting: Meeting) -> bytes:
    with translation.override("id"):
        ctx = _context(meeting) | {"recap": attendance_recap(meeting)}
        return html_to_pdf(render_to_string("meetings/print_minutes.html", ctx))


def minutes_docx(meeting: Meeting) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    ctx = _context(meeting)
    recap = attendance_recap(meeting)
    doc = docx_document()
    docx_letterhead(doc, ctx["letterhead"])
    for text, bold in (("NOTULEN RAPAT", True),):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold
    table = doc.add_table(rows=0, cols=2)
    for label, value in (("Rapat", meeting.title), ("Hari/tanggal", ctx["when"]), ("Tempat", ctx["where"]),
                         ("Pimpinan rapat", meeting.chair_name or "-"),
                         ("Peserta", f"{len(recap.present)} dari {len(recap.invitees)} satuan kerja hadir "
                                     f"({recap.people} nama tercatat)")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for number, item in enumerate(ctx["agenda"], start=1):
        doc.add_heading(f"{number}. {item.title}", level=2)
        if item.speaker:
            doc.add_paragraph(f"Pembicara: {item.speaker}")
        if item.minutes:
            doc.add_paragraph(item.minutes)
        directions = list(item.directions.all())
        if directions:
            doc.add_paragraph("Arahan:").runs[0].bold = True
            for direction in directions:
                doc.add_paragraph(direction.text, style="List Number")
    if meeting.minutes_approved:
        closing = doc.add_paragraph(f"{meeting.organiser.region_name}, {tanggal(meeting.minutes_approved_at)}\n"
                                    f"Disetujui oleh pimpinan rapat\n\n\n{meeting.chair_name or '-'}")
    else:
        closing = doc.add_paragraph("DRAF — belum disetujui pimpinan rapat")
    closing.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
