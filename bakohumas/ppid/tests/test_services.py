"""Request life cycle, objection windows, the DIK, and the service report's figures."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from bakohumas.offices.models import Office
from bakohumas.ppid.forms import validate_nik
from bakohumas.ppid.models import Decision, ExemptEntry, InformationRequest
from bakohumas.ppid.selectors import ppid_quarter_counts, service_report
from bakohumas.ppid.services import (
    dispute_register,
    dispute_update,
    exempt_entries_reopen_expired,
    objection_answer,
    objection_file,
    request_decide,
    request_extend,
    request_flag_incomplete,
    request_mark_completed,
)
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db
D = dt.date


def test_it_numbers_requests_per_office_and_year(make_request, kediri):
    first, second = make_request(kediri, D(2025, 7, 4)), make_request(kediri, D(2025, 7, 5))
    other_year = make_request(kediri, D(2024, 12, 30))
    elsewhere = make_request(Office.objects.get(code="3504"), D(2025, 7, 4))
    assert [first.registration_number, second.registration_number] == ["PPID/3571/2025/0001", "PPID/3571/2025/0002"]
    assert other_year.registration_number == "PPID/3571/2024/0001"
    assert elsewhere.registration_number == "PPID/3504/2025/0001"
    assert first.tracking_token != second.tracking_token and len(first.tracking_token) >= 32
    assert first.rule_code == "uu_kip" and first.rule_version == 1
    assert first.due_explanation["notice_due"] == "2025-07-18"


def test_it_uses_the_pemilu_rules_for_election_information(make_request, kediri):
    request = make_request(kediri, D(2025, 3, 27), election=True)
    assert (request.rule_code, request.notice_due, request.extended_due) == ("pemilu", D(2025, 4, 10), D(2025, 4, 14))


def test_it_refuses_a_received_date_in_the_future(make_request, kediri):
    with pytest.raises(ValidationError, match="masa depan"):
        make_request(kediri, timezone.localdate() + dt.timedelta(days=2))


def test_it_flags_incomplete_within_three_working_days_and_restarts_the_clock(make_request, kediri, operator):
    request = make_request(kediri, D(2025, 3, 27))
    with pytest.raises(ValidationError, match="3 hari kerja"):
        request_flag_incomplete(request=request, flagged_on=D(2025, 4, 11), note="KTP", actor=operator)
    request_flag_incomplete(request=request, flagged_on=D(2025, 4, 10), note="Lampirkan surat kuasa", actor=operator)
    assert request.completion_due == D(2025, 4, 15)
    request_mark_completed(request=request, completed_on=D(2025, 4, 14), actor=operator)
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.RECEIVED
    assert request.deadline_start == D(2025, 4, 14)
    assert request.notice_due == D(2025, 4, 29)  # 18 April Good Friday skipped
    assert request.due_explanation["completed_on"] == "2025-04-14"


def test_it_extends_once_with_reasons(make_request, kediri, operator):
    request = make_request(kediri, D(2025, 3, 27))
    with pytest.raises(ValidationError):
        request_extend(request=request, notified_on=D(2025, 4, 15), reasons="", actor=operator)
    request_extend(request=request, notified_on=D(2025, 4, 15), reasons="Arsip di gudang.", actor=operator)
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.EXTENDED and request.effective_due == D(2025, 5, 2)
    with pytest.raises(ValidationError, match="satu kali"):
        request_extend(request=request, notified_on=D(2025, 4, 16), reasons="Lagi.", actor=operator)


def test_it_requires_a_ground_and_consequence_test_to_refuse(make_request, kediri, operator):
    request = make_request(kediri, D(2025, 7, 4))
    with pytest.raises(ValidationError, match="Pasal 17"):
        request_decide(request=request, decided_on=D(2025, 7, 8), availability="dikuasai", outcome="ditolak",
                       actor=operator)
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(request=request, decided_on=D(2025, 7, 8), availability="dikuasai", outcome="ditolak")
    decision = request_decide(request=request, decided_on=D(2025, 7, 8), availability="dikuasai", outcome="ditolak",
                              exemption_ground="17h", consequence_test="Membuka rahasia pribadi.", actor=operator)
    request.refresh_from_db()
    assert request.status == "dijawab" and request.answered_on_time and decision.exemption_ground == "17h"


def test_it_enforces_the_objection_windows(make_request, kediri, operator):
    request = make_request(kediri, D(2025, 7, 4))
    with pytest.raises(ValidationError, match="belum lewat"):
        objection_file(request=request, filed_on=D(2025, 7, 10), ground="35c", statement="", actor=operator)
    late = objection_file(request=request, filed_on=D(2025, 7, 21), ground="35c", statement="", actor=operator)
    assert late.filing_deadline == D(2025, 9, 1)  # 30 working days after 18 July (17 August is a Sunday)
    request_decide(request=request, decided_on=D(2025, 7, 22), availability="dikuasai", outcome="diterima",
                   actor=operator)
    objection = objection_file(request=request, filed_on=D(2025, 7, 25), ground="35d", statement="x", actor=operator)
    assert objection.answer_due == D(2025, 9, 9)  # 18 August cuti bersama, 5 September Maulid Nabi
    with pytest.raises(ValidationError, match="melewati batas"):
        objection_file(request=request, filed_on=D(2025, 9, 30), ground="35a", statement="", actor=operator)
    objection_answer(objection=objection, answered_on=D(2025, 8, 1), answer="ditolak", answer_text="Menguatkan.",
                     answered_by_name="Sekretaris", actor=operator)
    with pytest.raises(ValidationError, match="sudah ditanggapi"):
        objection_answer(objection=objection, answered_on=D(2025, 8, 2), answer="ditolak", answer_text="",
                         answered_by_name="x", actor=operator)


def test_it_answers_election_objections_within_three_working_days(make_request, kediri, operator):
    request = make_request(kediri, D(2025, 7, 4), election=True)
    request_decide(request=request, decided_on=D(2025, 7, 8), availability="dikuasai", outcome="ditolak",
                   exemption_ground="17h", consequence_test="x", actor=operator)
    objection = objection_file(request=request, filed_on=D(2025, 7, 10), ground="35a", statement="", actor=operator)
    assert objection.answer_due == D(2025, 7, 15)
    assert objection.filing_deadline == D(2025, 8, 20)  # not configured for pemilu: UU KIP's 30 working days


def test_an_added_non_working_day_moves_an_unanswered_objection(make_request, kediri, operator, jatim, national):
    from bakohumas.ppid.services import non_working_day_add

    request = make_request(kediri, D(2025, 7, 4), election=True)
    request_decide(request=request, decided_on=D(2025, 7, 8), availability="dikuasai", outcome="ditolak",
                   exemption_ground="17h", consequence_test="x", actor=operator)
    objection = objection_file(request=request, filed_on=D(2025, 7, 10), ground="35a", statement="", actor=operator)
    assert objection.answer_due == D(2025, 7, 15)
    non_working_day_add(date=D(2025, 7, 14), reason="Libur daerah", office=jatim, actor=national)
    objection.refresh_from_db()
    assert objection.answer_due == D(2025, 7, 16)


def test_it_tracks_a_dispute_to_its_end(make_request, kediri, operator):
    request = make_request(kediri, D(2025, 7, 4))
    with pytest.raises(ValidationError, match="keberatan"):
        dispute_register(request=request, commission="KI Jatim", case_number="", registered_on=D(2025, 8, 1),
                         actor=operator)
    objection_file(request=request, filed_on=D(2025, 7, 21), ground="35c", statement="", actor=operator)
    dispute = dispute_register(request=request, commission="KI Provinsi Jawa Timur", case_number="01/REG-PSI/2025",
                               registered_on=D(2025, 8, 1), actor=operator)
    with pytest.raises(ValidationError, match="tanggal selesai"):
        dispute_update(dispute=dispute, stage="putusan", ended_on=None, outcome="", actor=operator)
    dispute_update(dispute=dispute, stage="putusan", ended_on=D(2025, 9, 1), outcome="Dikabulkan sebagian.",
                   actor=operator)
    assert dispute.stage == "putusan"


def test_it_reopens_expired_exemptions():
    entry = ExemptEntry.objects.create(title="Daftar pemilih dengan NIK lengkap", ground="17h",
                                       consequence_test="Rahasia pribadi.", decided_on=D(2024, 1, 1),
                                       expires_on=D(2025, 1, 1))
    forever = ExemptEntry.objects.create(title="Sandi sistem", ground="17c", consequence_test="Keamanan.",
                                         decided_on=D(2024, 1, 1))
    assert set(ExemptEntry.objects.in_force(D(2024, 6, 1))) == {forever, entry}
    assert not entry.in_force_on(D(2025, 1, 1)) and forever.in_force_on(D(2030, 1, 1))
    assert exempt_entries_reopen_expired(today=D(2025, 1, 2)) == 1
    entry.refresh_from_db()
    assert entry.reopened_on == D(2025, 1, 1)
    assert list(ExemptEntry.objects.in_force(D(2025, 1, 2))) == [forever]


@pytest.mark.parametrize(("value", "message"), [
    ("123", "16 angka"), ("35710101010000AB", "hanya berisi angka"), ("9971011708450001", "tidak sah"),
    ("3571013213000000", "tidak sah")])
def test_it_rejects_malformed_niks(value, message):
    with pytest.raises(ValidationError, match=message):
        validate_nik(value)


def test_it_accepts_a_nik_with_separators():
    assert validate_nik("3571 0101 0100 0000") == "3571010101000000"


@pytest.fixture
def known_requests(make_request, kediri, operator):
    """Five requests of Kota Kediri in 2025Q3, one before it, one of Kabupaten Blitar."""
    r1 = make_request(kediri, D(2025, 7, 4))
    request_decide(request=r1, decided_on=D(2025, 7, 10), availability="dikuasai", outcome="diterima", actor=operator)
    r2 = make_request(kediri, D(2025, 7, 4))
    request_decide(request=r2, decided_on=D(2025, 7, 25), availability="dikuasai", outcome="ditolak",
                   exemption_ground="17h", consequence_test="Rahasia pribadi.", actor=operator)
    objection = objection_file(request=r2, filed_on=D(2025, 7, 28), ground="35a", statement="", actor=operator)
    objection_answer(objection=objection, answered_on=D(2025, 8, 5), answer="sebagian", answer_text="Sebagian dibuka.",
                     answered_by_name="Sekretaris", actor=operator)
    dispute = dispute_register(request=r2, commission="KI Jatim", case_number="1", registered_on=D(2025, 8, 20),
                               actor=operator)
    dispute_update(dispute=dispute, stage="putusan", ended_on=D(2025, 9, 15), outcome="Selesai.", actor=operator)
    r3 = make_request(kediri, D(2025, 7, 7))
    request_extend(request=r3, notified_on=D(2025, 7, 14), reasons="Arsip.", actor=operator)
    request_decide(request=r3, decided_on=D(2025, 7, 28), availability="dikuasai", outcome="sebagian",
                   exemption_ground="17h", consequence_test="Rahasia pribadi.", redactions="NIK dihitamkan.",
                   actor=operator)
    make_request(kediri, D(2025, 8, 1), channel="web")  # open, overdue on 1 October
    r7 = make_request(kediri, D(2025, 8, 1))
    request_flag_incomplete(request=r7, flagged_on=D(2025, 8, 4), note="Tujuan belum jelas.", actor=operator)
    make_request(kediri, D(2025, 6, 30))  # outside the period
    make_request(Office.objects.get(code="3505"), D(2025, 7, 8))  # Kabupaten Blitar


def test_it_reports_the_known_figures(known_requests, kediri):
    report = service_report(kediri, D(2025, 7, 1), D(2025, 9, 30), today=D(2025, 10, 1))
    assert report.total == 5
    assert report.by_channel == {"langsung": 4, "web": 1}
    assert (report.answered, report.on_time, report.late) == (3, 2, 1)
    assert (report.open, report.open_overdue, report.closed) == (2, 1, 0)
    assert report.days_to_respond == [4, 15, 15]
    assert (report.median_days, report.average_days) == (15.0, 11.3)
    assert {k: v for k, v in report.outcomes.items() if v} == {"diterima": 1, "ditolak": 1, "sebagian": 1}
    assert report.refused_by_ground == {"Pasal 17 huruf h: rahasia pribadi": 2}
    assert (report.extended, report.incomplete) == (1, 1)
    assert (report.objections, report.objections_answered, report.objections_upheld,
            report.objections_on_time) == (1, 1, 1, 1)
    assert report.objections_by_ground == {"a. penolakan atas permintaan informasi (Pasal 17)": 1}
    assert (report.disputes, report.disputes_by_stage, report.disputes_ended) == (1, {"Putusan": 1}, 1)
    province = service_report(Office.objects.get(code="35"), D(2025, 7, 1), D(2025, 9, 30), today=D(2025, 10, 1))
    assert province.total == 6


def test_it_suggests_the_quarterly_counts(known_requests, kediri):
    assert ppid_quarter_counts(kediri, period_get_or_create("2025Q3")) == {
        "permohonan_informasi": 5, "permohonan_tepat_waktu": 2}
    assert ppid_quarter_counts(kediri, period_get_or_create("2025Q2")) == {
        "permohonan_informasi": 1, "permohonan_tepat_waktu": 0}


def test_it_renders_the_report_documents(known_requests, kediri):
    import io

    from docx import Document
    from openpyxl import load_workbook

    from bakohumas.ppid import documents

    report = service_report(kediri, D(2025, 7, 1), D(2025, 9, 30), today=D(2025, 10, 1))
    sheet = load_workbook(io.BytesIO(documents.report_xlsx(report))).active
    values = {row[1]: row[2] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert values["Permohonan diterima"] == 5 and values["Dijawab tepat waktu"] == 2
    text = "\n".join(cell.text for table in Document(io.BytesIO(documents.report_docx(report))).tables
                     for row in table.rows for cell in row.cells)
    assert "Median hari kerja sampai dijawab" in text
    assert documents.report_pdf(report).startswith(b"%PDF")


def test_it_loads_the_demo_idempotently(db):
    from bakohumas.demo.data import demo_load
    from bakohumas.ppid.demo import ppid_demo_load

    demo_load()
    ppid_demo_load()
    count = InformationRequest.objects.count()
    ppid_demo_load()
    assert InformationRequest.objects.count() == count >= 5
    kediri = InformationRequest.objects.filter(office__code="3571")
    assert kediri.filter(objections__isnull=False).exists()
    assert any(r.is_overdue for r in kediri)


def test_the_service_report_workbook_writes_formula_like_text_as_text(known_requests, kediri):
    import io

    from openpyxl import load_workbook

    from bakohumas.ppid import documents

    report = service_report(kediri, D(2025, 7, 1), D(2025, 9, 30), today=D(2025, 10, 1))
    report.refused_by_ground = {"=HYPERLINK(\"http://contoh.test\")": 2}
    sheet = load_workbook(io.BytesIO(documents.report_xlsx(report))).active
    rows = {row[1]: row[2] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["'=HYPERLINK(\"http://contoh.test\")"] == 2 and rows["Permohonan diterima"] == 5
