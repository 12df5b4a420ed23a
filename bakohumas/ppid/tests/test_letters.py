"""The PPID letters are official letters: on the letterhead, on A4 with page numbers, always numbered
(typed or from the office's sequence; "-" refused), with Lampiran, Perihal, Yth., the legal basis,
the delivery time, the objection window naming the atasan PPID and the signatory's name and NIP.
Read back with python-docx and pypdf."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bakohumas.offices.services import office_profile_update
from bakohumas.ppid import documents, letters
from bakohumas.ppid.models import Decision
from bakohumas.ppid.selectors import service_report
from bakohumas.ppid.services import (
    letter_number_assign,
    objection_answer,
    objection_file,
    request_decide,
    request_extend,
)

pytestmark = pytest.mark.django_db
D = dt.date
PPID_NIP = "198203152006042001"
BASIS = ("Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
         "Peraturan Komisi Pemilihan Umum Nomor 22 Tahun 2023 jo. Peraturan Komisi Pemilihan Umum Nomor 11 Tahun "
         "2024 jo. Peraturan Komisi Pemilihan Umum Nomor 4 Tahun 2025",
         "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik")


@pytest.fixture
def profile(kediri):
    return office_profile_update(
        office=kediri, actor=None, full_name="KOMISI PEMILIHAN UMUM KOTA KEDIRI", address="Jl. Uji No. 1, Kediri",
        phone="(0354) 1", email="ppid@contoh.kpu.go.id", city="Kediri", ppid_name="Rina PPID Uji",
        ppid_nip=PPID_NIP, ppid_position="Sekretaris KPU Kota Kediri", atasan_name="Bagus Atasan Uji",
        atasan_position="Ketua KPU Kota Kediri", letter_code="KPU-Kot",
        letter_number_pattern="{nomor}/PP.05-SD/{kode}/{tahun}")


def docx_text(content: bytes) -> tuple[object, str]:
    from docx import Document

    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts.append(cell.text)
    return doc, "\n".join(parts)


def pdf_text(content: bytes) -> tuple[object, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return reader, " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def assert_a4_with_page_numbers(doc) -> None:
    from docx.shared import Cm

    for section in doc.sections:
        assert abs(section.page_width - Cm(21.0)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
        footer = section.footer._element.xml
        assert " PAGE " in footer and " NUMPAGES " in footer


def assert_pdf_a4(reader) -> None:
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


@pytest.fixture
def decided(profile, kediri, operator, make_request):
    request = make_request(kediri, D(2025, 7, 4))
    request_decide(request=request, decided_on=D(2025, 7, 8), availability="dikuasai", outcome="diterima",
                   format="softcopy", delivery_time="3 hari kerja sejak surat ini", attachment="1 (satu) berkas",
                   actor=operator)
    request.refresh_from_db()
    return request


def test_the_notice_takes_the_next_number_of_the_office_when_none_is_typed(decided):
    assert decided.decision.letter_number == "1/PP.05-SD/KPU-Kot/2025"


@pytest.mark.parametrize("number", ["-", " - ", "/", "…"])
def test_a_dash_is_no_letter_number(kediri, operator, make_request, profile, number):
    request = make_request(kediri, D(2025, 7, 4))
    with pytest.raises(ValidationError):
        request_decide(request=request, decided_on=D(2025, 7, 8), availability="dikuasai", outcome="diterima",
                       letter_number=number, actor=operator)
    assert not Decision.objects.filter(request=request).exists()


def test_the_decision_form_refuses_a_dash(client, operator, kediri, make_request):
    request = make_request(kediri, D(2025, 7, 4))
    client.force_login(operator)
    response = client.post(reverse("ppid:request_decide", args=[request.id]), {
        "decided_on": "2025-07-08", "availability": "dikuasai", "outcome": "diterima", "fee": "0",
        "letter_number": "-"})
    assert response.status_code == 400 and "Tulis nomor surat yang sebenarnya" in response.content.decode()


def test_the_notice_docx_is_an_official_letter_on_a4(decided):
    doc, text = docx_text(documents.notice_docx(decided))
    assert_a4_with_page_numbers(doc)
    for expected in ("KOMISI PEMILIHAN UMUM", "KOTA KEDIRI", "Jl. Uji No. 1, Kediri", "Nomor", "1/PP.05-SD/KPU-Kot/2025",
                     "Lampiran", "1 (satu) berkas", "Perihal", "Pemberitahuan Tertulis atas Permohonan Informasi Publik",
                     "Yth. Saudara/i Pemohon Uji", "PEMBERITAHUAN TERTULIS", *BASIS,
                     "Hal-hal terkait informasi publik", "Waktu penyediaan", "3 hari kerja sejak surat ini",
                     "Atasan PPID, Bagus Atasan Uji (Ketua KPU Kota Kediri)", "Kediri, 8 Juli 2025",
                     "Rina PPID Uji", f"NIP {PPID_NIP}", "Pejabat Pengelola Informasi dan Dokumentasi"):
        assert expected in text, expected
    # 30 working days after 8 July 2025: 17 August (Sunday) is a holiday anyway; 18 August is cuti bersama.
    assert "paling lambat 20 Agustus 2025 (30 hari kerja" in text
    assert "(nama dan tanda tangan)" not in text and "Nomor: -" not in text


def test_the_notice_pdf_carries_the_same_on_a4(decided):
    reader, text = pdf_text(documents.notice_pdf(decided))
    assert_pdf_a4(reader)
    for expected in ("1/PP.05-SD/KPU-Kot/2025", "Lampiran", "Perihal", "Yth. Saudara/i Pemohon Uji",
                     "Keterbukaan Informasi Publik", "Nomor 4 Tahun 2025", "Standar Layanan Informasi Publik",
                     "Bagus Atasan Uji", "20 Agustus 2025", f"NIP {PPID_NIP}", "Halaman 1 dari"):
        assert expected in text, expected


def test_the_extension_letter_names_the_new_deadline_and_the_atasan(profile, kediri, operator, make_request):
    request = make_request(kediri, D(2025, 3, 27))
    request_extend(request=request, notified_on=D(2025, 4, 15), reasons="Arsip di gudang.", actor=operator,
                   letter_number="12/PP.05-SD/KPU-Kot/2025")
    request.refresh_from_db()
    doc, text = docx_text(letters.letter_docx(letters.extension_letter(request)))
    assert_a4_with_page_numbers(doc)
    # Contract: received 27 March 2025, notice due 22 April, extended due 2 May.
    for expected in ("12/PP.05-SD/KPU-Kot/2025", "Pemberitahuan Perpanjangan", "Arsip di gudang.",
                     "paling lambat 2 Mei 2025", "selama 7 hari kerja", "Bagus Atasan Uji", *BASIS, f"NIP {PPID_NIP}"):
        assert expected in text, expected
    reader, pdf = pdf_text(letters.letter_pdf(letters.extension_letter(request)))
    assert_pdf_a4(reader)
    assert "2 Mei 2025" in pdf and "Bagus Atasan Uji" in pdf


def test_the_answer_to_an_objection_is_signed_by_the_atasan_and_names_the_next_step(decided, operator):
    objection = objection_file(request=decided, filed_on=D(2025, 7, 15), ground="35d", statement="Kurang.",
                               actor=operator)
    objection_answer(objection=objection, answered_on=D(2025, 7, 30), answer="sebagian", answer_text="Diberikan.",
                     delivery_time="paling lambat 6 Agustus 2025", actor=operator)
    objection.refresh_from_db()
    assert objection.answered_by_name == "Bagus Atasan Uji"  # from the profile
    assert objection.letter_number == "2/PP.05-SD/KPU-Kot/2025"
    doc, text = docx_text(letters.letter_docx(letters.objection_letter(objection)))
    assert_a4_with_page_numbers(doc)
    for expected in ("Tanggapan atas Keberatan", "Atasan Pejabat Pengelola Informasi dan Dokumentasi,",
                     "Bagus Atasan Uji", "paling lambat 6 Agustus 2025", "Komisi Informasi Provinsi Jawa Timur",
                     "14 hari kerja", *BASIS):
        assert expected in text, expected


def test_a_letter_recorded_without_a_number_is_not_printed_until_numbered(client, operator, kediri, make_request,
                                                                             profile):
    request = make_request(kediri, D(2025, 7, 4))
    request_decide(request=request, decided_on=D(2025, 7, 8), availability="dikuasai", outcome="diterima",
                   actor=operator)
    Decision.objects.filter(request=request).update(letter_number="-")  # as stored before numbering was required
    client.force_login(operator)
    response = client.get(reverse("ppid:notice", args=[request.id, "pdf"]), follow=True)
    assert "belum bernomor" in response.content.decode()
    assert client.post(reverse("ppid:letter_number", args=[request.id]),
                       {"letter": "notice", "letter_number": ""}).status_code == 302
    request.refresh_from_db()
    assert request.decision.letter_number == "2/PP.05-SD/KPU-Kot/2025"
    assert client.get(reverse("ppid:notice", args=[request.id, "docx"])).status_code == 200
    with pytest.raises(ValidationError):
        letter_number_assign(request=request, letter="notice", letter_number="", actor=operator)


def test_the_service_report_is_on_the_letterhead_with_a_signature_and_offices(decided, jatim, kediri):
    office_profile_update(office=jatim, actor=None, full_name="KOMISI PEMILIHAN UMUM PROVINSI JAWA TIMUR",
                          city="Surabaya", ppid_name="PPID Provinsi Uji", ppid_nip="197607242002121003")
    report = service_report(jatim, D(2025, 7, 1), D(2025, 9, 30))
    doc, text = docx_text(documents.report_docx(report))
    assert_a4_with_page_numbers(doc)
    assert "PROVINSI JAWA TIMUR" in text and "PPID Provinsi Uji" in text and "NIP 197607242002121003" in text
    assert "Rincian per kantor" in text and "KPU Kota Kediri" in text and "KPU Kabupaten Pacitan" in text
    assert "Surabaya, " in text
    kediri_row = next(r for r in doc.tables[-2].rows if r.cells[0].text == "KPU Kota Kediri")
    assert [c.text for c in kediri_row.cells[1:]] == ["1", "1", "1", "0", "0", "0"]
    reader, pdf = pdf_text(documents.report_pdf(report))
    assert_pdf_a4(reader)
    assert "Rincian per kantor" in pdf and "PPID Provinsi Uji" in pdf


def test_the_request_page_shows_the_rule_set_by_its_name_not_its_code(client, operator, decided):
    client.force_login(operator)
    html = client.get(reverse("ppid:request_detail", args=[decided.id])).content.decode()
    assert "Setiap permohonan (UU KIP)" in html
    assert "uu_kip" not in html and " v1" not in html
    assert "1/PP.05-SD/KPU-Kot/2025" in html


def test_the_extension_and_answer_forms_refuse_a_dash_and_number_when_empty(client, operator, kediri, make_request,
                                                                              profile):
    request = make_request(kediri, D(2025, 3, 27))
    client.force_login(operator)
    url = reverse("ppid:request_extend", args=[request.id])
    refused = client.post(url, {"notified_on": "2025-04-15", "reasons": "Arsip.", "letter_number": "-"})
    assert refused.status_code == 400 and "Tulis nomor surat yang sebenarnya" in refused.content.decode()
    assert client.post(url, {"notified_on": "2025-04-15", "reasons": "Arsip."}).status_code == 302
    request.refresh_from_db()
    assert request.extension.letter_number == "1/PP.05-SD/KPU-Kot/2025"
    assert client.get(reverse("ppid:extension_letter", args=[request.id, "pdf"]))["Content-Type"] == "application/pdf"
