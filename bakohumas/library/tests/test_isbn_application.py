from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from bakohumas.core.periods import Quarter
from bakohumas.library.models import IsbnApplication, PartKind
from bakohumas.library.selectors import library_quarter_counts
from bakohumas.library.services import (
    application_assign,
    application_forward,
    application_record_deposit,
    application_return,
    application_submit,
)
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db


def test_it_refuses_to_submit_an_application_with_a_missing_part(application, client, operator):
    with pytest.raises(ValidationError, match="Kata pengantar"):
        application_submit(application=application, actor=None)
    client.force_login(operator)
    response = client.post(reverse("library:application_submit", args=[application.id]), follow=True)
    assert "Pengajuan belum lengkap" in response.content.decode()
    application.refresh_from_db()
    assert application.status == IsbnApplication.Status.DRAFT


def test_the_page_shows_the_checklist(application, client, operator):
    client.force_login(operator)
    page = client.get(reverse("library:application_detail", args=[application.id])).content.decode()
    for kind in PartKind:
        assert str(kind.label) in page
    assert "Belum lengkap" in page


def test_it_runs_the_whole_workflow_and_logs_every_step(complete_application, operator, national, evaluator):
    app = complete_application
    application_submit(application=app, actor=operator)
    application_return(application=app, actor=national, comment="Perbaiki halaman hak cipta.")
    application_submit(application=app, actor=operator)
    application_forward(application=app, actor=national)
    with pytest.raises(ValidationError):
        application_assign(application=app, actor=national, isbn="9786020331059", kdt="KDT")
    application_assign(application=app, actor=national, isbn="978-623-6501-00-9", kdt="KDT contoh")
    application_record_deposit(application=app, actor=operator, deposit_on=dt.date(2025, 8, 1), note="tanda terima")
    app.refresh_from_db()
    assert app.status == "assigned" and app.isbn == "9786236501009" and app.deposit_on == dt.date(2025, 8, 1)
    assert "9786236501009" in app.record.isbns
    assert list(app.events.values_list("to_status", flat=True)) == [
        "draft", "submitted", "returned", "submitted", "forwarded", "assigned", "assigned"]


def test_the_province_sees_the_log_but_cannot_act(complete_application, client, evaluator, outsider):
    application_submit(application=complete_application, actor=None)
    client.force_login(evaluator)
    url = reverse("library:application_detail", args=[complete_application.id])
    assert "Riwayat pengajuan" in client.get(url).content.decode()
    assert client.post(reverse("library:application_forward", args=[complete_application.id])).status_code == 403
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_kpu_ri_forwards_and_records_the_isbn_through_the_pages(complete_application, client, national):
    application_submit(application=complete_application, actor=None)
    client.force_login(national)
    client.post(reverse("library:application_forward", args=[complete_application.id]))
    client.post(reverse("library:application_assign", args=[complete_application.id]),
                {"isbn": "978-602-03-3105-8", "kdt": "Katalog dalam terbitan"})
    complete_application.refresh_from_db()
    assert complete_application.status == "assigned" and complete_application.isbn == "9786020331058"


def test_an_office_cannot_edit_another_offices_records(record, client, users):
    from bakohumas.library.tests.conftest import make_record

    malang = make_record("3573", title="Milik Kota Malang")
    client.force_login(users["operator"])
    assert client.get(reverse("library:record_edit", args=[malang.id])).status_code == 404
    assert client.post(reverse("library:record_delete", args=[malang.id])).status_code == 404
    client.force_login(users["evaluator"])  # the province sees Kediri's record but may not edit it
    assert client.get(reverse("library:record_edit", args=[record.id])).status_code == 403


def test_it_counts_records_and_submissions_in_the_quarter(complete_application, kediri):
    period = period_get_or_create(Quarter.containing(timezone.localdate()).code)
    assert library_quarter_counts(kediri, period) == {"dokumen_perpustakaan": 1, "pengajuan_isbn": 0}
    application_submit(application=complete_application, actor=None)
    application_return(application=complete_application, actor=None, comment="x")
    application_submit(application=complete_application, actor=None)  # a resubmission is not a new application
    assert library_quarter_counts(kediri, period) == {"dokumen_perpustakaan": 1, "pengajuan_isbn": 1}
    assert library_quarter_counts(kediri, period_get_or_create("2020Q1")) == {
        "dokumen_perpustakaan": 0, "pengajuan_isbn": 0}
