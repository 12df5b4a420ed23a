"""The PPID's official letters on the office letterhead: the written notice (pemberitahuan tertulis,
keeping the Perki 1/2021 form's table), the extension notice (perpanjangan) and the atasan PPID's
answer to an objection (tanggapan atas keberatan).

Each letter is built once as a `Letter` (number, attachment, subject, addressee, blocks of text and
tables, signatory) and drawn by two renderers: DOCX (python-docx, A4, numbered pages) and PDF
(WeasyPrint from templates/ppid/print_letter.html). A letter without a real Nomor is not drawn."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from bakohumas.core.formatting import tanggal
from bakohumas.offices.letterhead import (
    Letterhead,
    Person,
    docx_document,
    docx_letterhead,
    docx_signature,
    docx_widths,
    letterhead_for,
)
from bakohumas.offices.models import Office
from bakohumas.offices.numbering import is_real_number
from bakohumas.ppid.deadlines import calendar_for
from bakohumas.ppid.models import Decision, Extension, InformationRequest, Objection

PPID_ROLE = "Pejabat Pengelola Informasi dan Dokumentasi"
ATASAN_ROLE = "Atasan Pejabat Pengelola Informasi dan Dokumentasi"
LEGAL_BASIS = [
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
    "Peraturan Komisi Pemilihan Umum Nomor 22 Tahun 2023 jo. Peraturan Komisi Pemilihan Umum Nomor 11 Tahun 2024 "
    "jo. Peraturan Komisi Pemilihan Umum Nomor 4 Tahun 2025;",
    "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik;",
]
ELECTION_BASIS = ("Peraturan Komisi Informasi Nomor 1 Tahun 2019 tentang Standar Layanan dan Prosedur Penyelesaian "
                  "Sengketa Informasi Pemilihan Umum;")
DISPUTE_DAYS = 14  # UU 14/2008 Art 37(2): to the Komisi Informasi within 14 working days of the answer


class LetterNotReady(ValueError):
    """The letter cannot be printed yet (no real Nomor)."""


@dataclass
class Letter:
    kind: str  # pemberitahuan, perpanjangan, tanggapan-keberatan
    letterhead: Letterhead
    number: str
    attachment: str
    subject: str
    date: dt.date
    addressee: list[str]
    title: str = ""
    # ("p", text) | ("basis", [lines]) | ("pairs", [(label, value)]) | ("grid", [header], [[cells]])
    blocks: list[tuple[Any, ...]] = field(default_factory=list)
    signer_role: str = PPID_ROLE
    signer: Person | None = None
    copies: list[str] = field(default_factory=list)

    @property
    def place_date(self) -> str:
        return f"{self.letterhead.place}, {tanggal(self.date)}"


def legal_basis(request: InformationRequest) -> list[str]:
    lines = list(LEGAL_BASIS)
    if request.rule_code == "pemilu":
        lines.append(ELECTION_BASIS)
    lines[-1] = lines[-1].rstrip(";") + "."
    return lines


def _addressee(request: InformationRequest) -> list[str]:
    return [f"Yth. Saudara/i {request.requester_name}", request.address, "di tempat"]


def _atasan_named(letterhead: Letterhead, office: Office) -> str:
    atasan = letterhead.atasan
    if atasan is None:
        return f"Atasan PPID {office.name}"
    return f"Atasan PPID, {atasan.name}" + (f" ({atasan.position})" if atasan.position else "")


def information_commission(office: Office) -> str:
    province = office.province
    return f"Komisi Informasi Provinsi {province.region_name}" if province else "Komisi Informasi Pusat"


def _require_number(number: str, what: str) -> str:
    if not is_real_number(number):
        raise LetterNotReady(_("%(letter)s belum bernomor; beri nomor surat terlebih dahulu.") % {"letter": what})
    return number


def _working_days_after(office: Office, day: dt.date, days: int) -> dt.date:
    return calendar_for(office).add_working_days(day, days)[0]


def _requester_pairs(request: InformationRequest) -> list[tuple[str, str]]:
    return [("Nama", request.requester_name), ("Alamat", request.address),
            ("Nomor telepon/e-mail", " / ".join(v for v in (request.phone, request.email) if v) or "-"),
            ("Rincian informasi yang dibutuhkan", request.information_sought)]


def notice_points(request: InformationRequest, delivery: str) -> list[tuple[str, str]]:
    """The numbered points of the Perki 1/2021 written-notice form."""
    decision: Decision = request.decision
    held = decision.availability == Decision.Availability.HELD
    points = [
        ("Penguasaan informasi publik",
         "Kami" if held else (f"Badan publik lain, yaitu {decision.other_body}"
                              if decision.availability == Decision.Availability.ELSEWHERE
                              else "Informasi yang diminta tidak dikuasai")),
        ("Keputusan", str(decision.get_outcome_display())),
        ("Bentuk fisik yang tersedia", str(decision.get_format_display()) or "-"),
        ("Biaya yang dibutuhkan", f"Rp{decision.fee:,.0f}".replace(",", ".")
         + (f" ({decision.fee_note})" if decision.fee_note else "")),
        ("Waktu penyediaan", delivery),
    ]
    if decision.exemption_ground:
        points.append(("Informasi dikecualikan berdasarkan", str(decision.get_exemption_ground_display())))
        points.append(("Uji konsekuensi", decision.consequence_test))
    if decision.redactions:
        points.append(("Penjelasan penghitaman/pengaburan informasi", decision.redactions))
    if decision.notes:
        points.append(("Penjelasan", decision.notes))
    return points


def notice_letter(request: InformationRequest) -> Letter:
    decision: Decision = request.decision
    number = _require_number(decision.letter_number, _("Pemberitahuan tertulis"))
    letterhead = letterhead_for(request.office)
    gives_information = decision.outcome in (Decision.Outcome.ACCEPTED, Decision.Outcome.PARTLY)
    delivery = decision.delivery_time or (f"paling lambat {tanggal(request.effective_due)}" if gives_information
                                          else "-")
    filing_deadline = _working_days_after(request.office, decision.decided_on, request.rule_set.filing_days)
    blocks: list[tuple[Any, ...]] = [
        ("p", "Dengan memperhatikan:"),
        ("basis", legal_basis(request)),
        ("p", f"bersama ini kami sampaikan pemberitahuan tertulis atas permohonan informasi publik Saudara/i "
              f"tanggal {tanggal(request.received_on)} dengan nomor pendaftaran {request.registration_number}:"),
        ("pairs", _requester_pairs(request)),
        ("p", "Pemberitahuan sebagai berikut:"),
        ("grid", ["No.", "Hal-hal terkait informasi publik", "Keterangan"],
         [[str(n), label, value] for n, (label, value) in enumerate(notice_points(request, delivery), start=1)]),
    ]
    if gives_information:
        blocks.append(("p", f"Informasi disampaikan kepada Saudara/i {delivery} melalui "
                            f"{request.get_delivery_display().lower()}."))
    blocks.append(("p", f"Apabila Saudara/i tidak puas dengan keputusan ini, Saudara/i dapat mengajukan keberatan "
                        f"secara tertulis kepada {_atasan_named(letterhead, request.office)}, paling lambat "
                        f"{tanggal(filing_deadline)} ({request.rule_set.filing_days} hari kerja sejak pemberitahuan "
                        f"tertulis ini), sesuai Pasal 35 dan Pasal 36 Undang-Undang Nomor 14 Tahun 2008."))
    blocks.append(("p", "Demikian pemberitahuan ini kami sampaikan. Atas perhatian Saudara/i kami ucapkan terima kasih."))
    return Letter(kind="pemberitahuan", letterhead=letterhead, number=number, attachment=decision.attachment or "-",
                  subject="Pemberitahuan Tertulis atas Permohonan Informasi Publik", date=decision.decided_on,
                  addressee=_addressee(request), title="PEMBERITAHUAN TERTULIS", blocks=blocks,
                  signer_role=PPID_ROLE, signer=letterhead.ppid,
                  copies=[f"Atasan PPID {request.office.name}"])


def extension_letter(request: InformationRequest) -> Letter:
    extension: Extension = request.extension
    number = _require_number(extension.letter_number, _("Surat perpanjangan"))
    letterhead = letterhead_for(request.office)
    rule = request.rule_set
    filing_deadline = _working_days_after(request.office, request.extended_due, rule.filing_days)
    blocks: list[tuple[Any, ...]] = [
        ("p", "Dengan memperhatikan:"),
        ("basis", legal_basis(request)),
        ("p", f"bersama ini kami beritahukan bahwa jawaban atas permohonan informasi publik Saudara/i tanggal "
              f"{tanggal(request.received_on)} dengan nomor pendaftaran {request.registration_number} memerlukan "
              f"perpanjangan waktu selama {rule.extension_days} hari kerja, sesuai Pasal 22 ayat (8) Undang-Undang "
              f"Nomor 14 Tahun 2008."),
        ("pairs", [("Rincian informasi yang dibutuhkan", request.information_sought),
                   ("Alasan perpanjangan", extension.reasons),
                   ("Batas pemberitahuan semula", tanggal(request.notice_due)),
                   ("Pemberitahuan tertulis paling lambat", tanggal(request.extended_due))]),
        ("p", f"Pemberitahuan tertulis beserta informasi yang dapat diberikan akan kami sampaikan paling lambat "
              f"{tanggal(request.extended_due)} melalui {request.get_delivery_display().lower()}."),
        ("p", f"Apabila sampai tanggal tersebut Saudara/i belum menerima pemberitahuan tertulis, Saudara/i dapat "
              f"mengajukan keberatan secara tertulis kepada {_atasan_named(letterhead, request.office)}, paling "
              f"lambat {tanggal(filing_deadline)} ({rule.filing_days} hari kerja sejak {tanggal(request.extended_due)}), "
              f"sesuai Pasal 35 ayat (1) huruf c dan huruf g Undang-Undang Nomor 14 Tahun 2008."),
        ("p", "Demikian pemberitahuan ini kami sampaikan. Atas perhatian dan pengertian Saudara/i kami ucapkan "
              "terima kasih."),
    ]
    return Letter(kind="perpanjangan", letterhead=letterhead, number=number, attachment="-",
                  subject="Pemberitahuan Perpanjangan Jangka Waktu Jawaban Permohonan Informasi Publik",
                  date=extension.notified_on, addressee=_addressee(request), blocks=blocks, signer_role=PPID_ROLE,
                  signer=letterhead.ppid, copies=[f"Atasan PPID {request.office.name}"])


def _ground_text(objection: Objection) -> str:
    """"a. penolakan ..." -> "Pasal 35 ayat (1) huruf a Undang-Undang Nomor 14 Tahun 2008: penolakan ..."."""
    letter, _dot, text = str(objection.get_ground_display()).partition(". ")
    return f"Pasal 35 ayat (1) huruf {letter} Undang-Undang Nomor 14 Tahun 2008: {text}"


def objection_letter(objection: Objection) -> Letter:
    request = objection.request
    if objection.answered_on is None:
        raise LetterNotReady(_("Keberatan ini belum ditanggapi."))
    number = _require_number(objection.letter_number, _("Surat tanggapan keberatan"))
    letterhead = letterhead_for(request.office)
    atasan = letterhead.atasan
    if atasan is None or (objection.answered_by_name and objection.answered_by_name != atasan.name):
        atasan = Person(objection.answered_by_name)
    dispute_deadline = _working_days_after(request.office, objection.answered_on, DISPUTE_DAYS)
    upheld = objection.answer in (Objection.Answer.UPHELD, Objection.Answer.PARTLY)
    pairs = [("Nomor pendaftaran permohonan", request.registration_number),
             ("Tanggal keberatan", tanggal(objection.filed_on)),
             ("Alasan keberatan", _ground_text(objection)),
             ("Tanggapan", str(objection.get_answer_display())),
             ("Pertimbangan", objection.answer_text or "-")]
    if upheld:
        pairs.append(("Waktu penyediaan informasi", objection.delivery_time or "paling lambat 7 hari kerja sejak "
                                                                              "tanggapan ini"))
    blocks: list[tuple[Any, ...]] = [
        ("p", "Dengan memperhatikan:"),
        ("basis", legal_basis(request)),
        ("p", f"Atasan Pejabat Pengelola Informasi dan Dokumentasi {request.office.name} menanggapi keberatan "
              f"Saudara/i yang diterima tanggal {tanggal(objection.filed_on)} (batas tanggapan "
              f"{tanggal(objection.answer_due)}) sebagai berikut:"),
        ("pairs", pairs),
    ]
    if upheld:
        blocks.append(("p", f"PPID {request.office.name} akan menyampaikan informasi kepada Saudara/i "
                            f"{objection.delivery_time or 'paling lambat 7 hari kerja sejak tanggapan ini'} melalui "
                            f"{request.get_delivery_display().lower()}."))
    blocks.append(("p", f"Apabila Saudara/i tidak puas dengan tanggapan ini, Saudara/i dapat mengajukan permohonan "
                        f"penyelesaian sengketa informasi publik kepada {information_commission(request.office)} paling "
                        f"lambat {tanggal(dispute_deadline)} ({DISPUTE_DAYS} hari kerja sejak tanggapan ini diterima), "
                        f"sesuai Pasal 37 ayat (2) Undang-Undang Nomor 14 Tahun 2008."))
    blocks.append(("p", "Demikian tanggapan ini kami sampaikan. Atas perhatian Saudara/i kami ucapkan terima kasih."))
    return Letter(kind="tanggapan-keberatan", letterhead=letterhead, number=number, attachment="-",
                  subject="Tanggapan atas Keberatan Permohonan Informasi Publik", date=objection.answered_on,
                  addressee=_addressee(request), blocks=blocks, signer_role=ATASAN_ROLE, signer=atasan,
                  copies=[f"PPID {request.office.name}"])


# --- renderers ---------------------------------------------------------------------------------

def letter_pdf(letter: Letter) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_to_string("ppid/print_letter.html", {"letter": letter,
                                                                  "letterhead": letter.letterhead})).write_pdf()


def _cell_text(cell: Any, text: str, *, bold: bool = False, size: float = 10) -> None:
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold, run.font.size = bold, Pt(size)


def letter_docx(letter: Letter) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = docx_document()
    docx_letterhead(doc, letter.letterhead)
    date_line = doc.add_paragraph(letter.place_date)
    date_line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    meta = doc.add_table(rows=0, cols=3)
    for label, value in (("Nomor", letter.number), ("Lampiran", letter.attachment), ("Perihal", letter.subject)):
        cells = meta.add_row().cells
        _cell_text(cells[0], label, size=11)
        _cell_text(cells[1], ":", size=11)
        _cell_text(cells[2], value, size=11)
    docx_widths(meta, [Cm(2.4), Cm(0.5), Cm(13.6)])
    doc.add_paragraph()
    for line in letter.addressee:
        paragraph = doc.add_paragraph(line)
        paragraph.paragraph_format.space_after = Pt(0)
    if letter.title:
        title = doc.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_before = Pt(12)
        run = title.add_run(letter.title)
        run.bold, run.underline = True, True
    else:
        doc.add_paragraph()
    for block in letter.blocks:
        kind = block[0]
        if kind == "p":
            doc.add_paragraph(block[1]).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif kind == "basis":
            for number, line in enumerate(block[1], start=1):
                paragraph = doc.add_paragraph(f"{number}.\t{line}")
                paragraph.paragraph_format.left_indent = Cm(0.8)
                paragraph.paragraph_format.first_line_indent = Cm(-0.6)
                paragraph.paragraph_format.space_after = Pt(0)
        elif kind == "pairs":
            table = doc.add_table(rows=0, cols=3)
            for label, value in block[1]:
                cells = table.add_row().cells
                _cell_text(cells[0], label)
                _cell_text(cells[1], ":")
                _cell_text(cells[2], value)
            docx_widths(table, [Cm(5.2), Cm(0.5), Cm(10.8)])
        elif kind == "grid":
            header, rows = block[1], block[2]
            table = doc.add_table(rows=1, cols=len(header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, header, strict=True):
                _cell_text(cell, text, bold=True)
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    _cell_text(cell, text)
            docx_widths(table, [Cm(1.0), Cm(6.0), Cm(9.5)])
    docx_signature(doc, place_date=letter.place_date, role=letter.signer_role + ",", person=letter.signer)
    if letter.copies:
        copies = doc.add_paragraph()
        copies.paragraph_format.space_before = Pt(18)
        copies.add_run("Tembusan:\n" + "\n".join(f"{n}. {c}" for n, c in enumerate(letter.copies, 1))).font.size = Pt(9)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
