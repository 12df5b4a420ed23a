"""Issue 15: a row of the web import does only what the importing person could do on the entry page
(drafts unless they may send, no replacing a sent or verified report, no closed period, the server's
date, a reason for an answer that differs from a suggestion). A province's or KPU RI's migration keeps
the file's dates and is shown as imported; the command line stays the administrators' tool."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from bakohumas.audit.models import AuditEntry
from bakohumas.conftest import FULL_VALUES
from bakohumas.evaluation.engine import evaluate
from bakohumas.reports import suggestions
from bakohumas.reports.models import Submission
from bakohumas.reports.services import (
    period_get_or_create,
    submission_import,
    submission_import_entry,
)

pytestmark = pytest.mark.django_db

YES_NO = {"wa_bakohumas_eksternal", "wa_media_center", "media_center_aktif", "kendala_sdm", "kendala_anggaran",
          "kendala_sarpras"}
FILE_DATE = "2025-07-08"  # before the 2025Q2 deadline (10 July 2025): on time, if the file were believed


def _csv(*overrides: dict, extra: tuple[str, ...] = ()) -> str:
    header = ["kode_satker", "periode", "tanggal_lapor", *FULL_VALUES, *extra]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, restval="")  # a file someone made by hand
    writer.writeheader()
    for override in overrides or ({},):
        values = {code: ("ya" if value else "tidak") if code in YES_NO else value for code, value in FULL_VALUES.items()}
        writer.writerow({"kode_satker": "3571", "periode": "2025Q2", "tanggal_lapor": FILE_DATE, **values, **override})
    return out.getvalue()


def _upload(client, user, text: str, *, submit: bool = False, name: str = "laporan.csv"):
    client.force_login(user)
    data = {"file": SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")}
    if submit:
        data["submit"] = "1"
    return client.post(reverse("reports:import"), data)


def _import(client, user, text: str, **kwargs):
    """Upload, then confirm the preview; the refused upload's response if the check found errors."""
    response = _upload(client, user, text, **kwargs)
    if response.status_code != 200:
        return response
    return client.post(reverse("reports:import_confirm"), {"token": response.context["token"]})


def _errors(response) -> dict[tuple[int, str], str]:
    assert response.status_code == 400
    return {(e.row, e.column): e.reason for e in response.context["parsed"].errors}


def _late_codes() -> list[str]:
    return [unit.code for unit in evaluate(period=period_get_or_create("2025Q2"), region=None,
                                           with_findings=False).late]


@pytest.fixture
def suggester(monkeypatch):
    monkeypatch.setattr(suggestions, "_registry", [])
    suggestions.register_suggester(source="catatan uji", records_url=lambda office: "/",
                                   function=lambda office, period: {"permohonan_informasi": 7})


@pytest.fixture
def may_submit(kediri):
    kediri.operators_may_submit = True
    kediri.save()
    return kediri


# An operator whose office lets only the ketua send.

def test_it_saves_an_operators_import_as_a_draft_without_the_files_date(client, operator):
    response = _import(client, operator, _csv())
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.DRAFT and submission.reported_on is None
    assert submission.imported_from == "laporan.csv" and "3571" not in _late_codes()
    entry = AuditEntry.objects.get(action="submission.import")
    assert entry.note == "laporan.csv" and entry.actor == operator and entry.data["status"] == "draft"


def test_it_refuses_to_send_for_an_operator_who_may_not_send(client, operator):
    errors = _errors(_upload(client, operator, _csv(), submit=True))
    assert "tidak berhak mengirim" in errors[(2, "kode_satker")]
    assert not Submission.objects.exists()


@pytest.mark.parametrize("status", [Submission.Status.VERIFIED, Submission.Status.SUBMITTED])
def test_it_refuses_to_replace_a_sent_or_verified_report(client, operator, make_report, status):
    report = make_report("3571", "2025Q2", status=status, berita_website=5)
    errors = _errors(_upload(client, operator, _csv({"berita_website": 50})))
    assert "tidak dapat diganti" in errors[(2, "kode_satker")] or "terkunci" in errors[(2, "kode_satker")]
    report.refresh_from_db()
    assert report.status == status and report.value_map()["berita_website"] == 5


def test_an_unchanged_row_of_a_sent_report_is_left_alone(client, operator, make_report):
    make_report("3571", "2025Q2", status=Submission.Status.VERIFIED)
    response = _upload(client, operator, _csv())
    assert response.status_code == 200 and response.context["parsed"].counts()["sama"] == 1


def test_it_refuses_a_period_whose_entry_is_closed(client, operator):
    period = period_get_or_create("2025Q2")
    period.entry_closed = True
    period.save()
    errors = _errors(_upload(client, operator, _csv()))
    assert "ditutup" in errors[(2, "periode")]
    assert not Submission.objects.exists()


def test_it_updates_a_returned_report_and_keeps_its_first_date(client, operator, make_report):
    report = make_report("3571", "2025Q2", status=Submission.Status.RETURNED, reported_on=dt.date(2025, 7, 9))
    assert _import(client, operator, _csv({"berita_website": 12})).status_code == 302
    report.refresh_from_db()
    assert report.status == Submission.Status.RETURNED and report.value_map()["berita_website"] == 12
    assert report.reported_on == dt.date(2025, 7, 9)


# Those who may send: the server's date, never the file's.

def test_an_operator_allowed_to_send_sends_with_the_servers_date(client, operator, may_submit):
    assert _import(client, operator, _csv(), submit=True).status_code == 302
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.SUBMITTED and submission.reported_on == timezone.localdate()
    assert "3571" in _late_codes()  # a late report stays late, whatever the file says


def test_the_ketua_sends_with_the_servers_date_and_a_draft_when_not_asked(client, ketua):
    assert _import(client, ketua, _csv()).status_code == 302
    assert Submission.objects.get().status == Submission.Status.DRAFT
    assert _import(client, ketua, _csv(), submit=True).status_code == 302  # the same answers, now sent
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.SUBMITTED and submission.reported_on == timezone.localdate()
    assert submission.versions.get().note == "Dikirim"


def test_an_answer_that_differs_from_a_suggestion_needs_a_reason(client, ketua, suggester):
    errors = _errors(_upload(client, ketua, _csv({"permohonan_informasi": 4})))
    assert "berbeda dari saran" in errors[(2, "permohonan_informasi__alasan")]
    reason = "Dua permohonan lewat surel belum dicatat."
    text = _csv({"permohonan_informasi": 4, "permohonan_informasi__alasan": reason},
                extra=("permohonan_informasi__alasan",))
    assert _import(client, ketua, text, submit=True).status_code == 302
    value = Submission.objects.get().values.get(code="permohonan_informasi")
    assert (value.number, value.suggested_number, value.override_reason) == (4, 7, reason)


def test_the_services_refuse_what_the_check_refuses(operator, make_report, kediri):
    period = period_get_or_create("2025Q2")
    with pytest.raises(ValidationError):
        submission_import_entry(office=kediri, period=period, values=FULL_VALUES, reasons={}, submit=True,
                                actor=operator, source="x.csv")
    make_report("3571", "2025Q2", status=Submission.Status.VERIFIED)
    with pytest.raises(ValidationError):
        submission_import_entry(office=kediri, period=period, values=FULL_VALUES, reasons={}, submit=False,
                                actor=operator, source="x.csv")
    with pytest.raises(ValidationError):
        submission_import(office=kediri, period=period, reported_on=dt.date(2025, 7, 1), values=FULL_VALUES,
                          actor=None, source="x.csv")


# A province's or KPU RI's migration of historical data.

@pytest.mark.parametrize("importer", ["evaluator", "national"])
def test_a_migration_keeps_the_files_date_and_is_shown_as_imported(client, users, importer):
    user = users[importer]
    assert _import(client, user, _csv(), name="riwayat-2025.csv").status_code == 302
    submission = Submission.objects.get()
    assert submission.status == Submission.Status.SUBMITTED and submission.reported_on == dt.date(2025, 7, 8)
    entry = AuditEntry.objects.get(action="submission.import")
    assert (entry.actor, entry.note, entry.data["file"], entry.data["via"]) == (
        user, "riwayat-2025.csv", "riwayat-2025.csv", "web")
    for viewer in (user, users["operator"]):  # the review page and the office's report page
        client.force_login(viewer)
        html = client.get(reverse("reports:detail", args=[submission.id])).content.decode()
        assert "Diimpor dari riwayat-2025.csv" in html


@pytest.mark.parametrize("status", [Submission.Status.SUBMITTED, Submission.Status.VERIFIED])
def test_a_migration_leaves_a_sent_report_and_a_closed_period_alone(client, evaluator, make_report, status):
    report = make_report("3571", "2025Q2", status=status)
    period = period_get_or_create("2025Q3")
    period.entry_closed = True
    period.save()
    errors = _errors(_upload(client, evaluator, _csv({"berita_website": 40}, {"periode": "2025Q3"})))
    assert set(errors) == {(2, "kode_satker"), (3, "periode")}
    report.refresh_from_db()
    assert report.status == status and not Submission.objects.filter(period=period).exists()
    assert not report.values.filter(code="berita_website", number=40).exists()


# The administrators' command line.

def test_the_command_line_keeps_the_files_date_replaces_any_report_and_audits_the_file(make_report, tmp_path):
    report = make_report("3571", "2025Q2", status=Submission.Status.VERIFIED)
    path = tmp_path / "migrasi-2025.csv"
    path.write_text(_csv({"berita_website": 40, "tanggal_lapor": "2025-07-02"}), encoding="utf-8")
    call_command("import_reports", str(path))
    report.refresh_from_db()
    assert report.status == Submission.Status.SUBMITTED and report.reported_on == dt.date(2025, 7, 2)
    assert report.value_map()["berita_website"] == 40 and report.imported_from == "migrasi-2025.csv"
    entry = AuditEntry.objects.filter(action="submission.import", note="migrasi-2025.csv").get()
    assert entry.actor is None and entry.data["via"] == "cli" and entry.data["reported_on"] == "2025-07-02"

