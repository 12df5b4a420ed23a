"""The public request form (honeypot, rate limit, attachments, NIK), the tracking page (no personal
data), staff entry, the calendar page and the documents."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from bakohumas.ppid import views_public
from bakohumas.ppid.models import DeadlineRecomputation, InformationRequest
from bakohumas.ppid.services import request_decide

from .conftest import VALID_NIK

pytestmark = pytest.mark.django_db
URL = reverse("ppid:public_request", args=["3571"])
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def form_data(**extra) -> dict:
    return {"requester_kind": "perorangan", "requester_name": "Warga Uji Coba", "nik": VALID_NIK,
            "address": "Jl. Rahasia 7", "phone": "081299990000", "email": "warga@example.org",
            "information_sought": "Salinan berita acara rekapitulasi.", "purpose": "Penelitian.",
            "obtain_method": "softcopy", "delivery": "email", "website": "", **extra}


def test_it_registers_a_web_request_and_shows_a_private_tracking_page(client):
    response = client.post(URL, form_data())
    request = InformationRequest.objects.get()
    assert response.status_code == 302 and response.url == reverse("ppid:track", args=[request.tracking_token])
    assert (request.channel, request.received_on, request.nik) == ("web", timezone.localdate(), VALID_NIK)
    page = client.get(response.url)
    html = page.content.decode()
    assert request.registration_number in html and "PPID/3571/" in html
    for private in ("Warga Uji Coba", VALID_NIK, "Rahasia", "081299990000", "warga@example.org", "berita acara"):
        assert private not in html
    assert page["Referrer-Policy"] == "no-referrer"


def test_it_refuses_the_honeypot_and_keeps_nothing(client):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 400 and not InformationRequest.objects.exists()


def test_it_rate_limits_per_address(client, monkeypatch):
    monkeypatch.setattr(views_public, "RATE_LIMIT", 2)
    assert client.post(URL, form_data()).status_code == 302
    assert client.post(URL, form_data()).status_code == 302
    response = client.post(URL, form_data())
    assert response.status_code == 429 and "Terlalu banyak permohonan" in response.content.decode()
    assert InformationRequest.objects.count() == 2


def test_only_registered_requests_count_toward_the_rate_limit(client, monkeypatch):
    monkeypatch.setattr(views_public, "RATE_LIMIT", 2)
    for _ in range(4):  # a citizen who mistypes the NIK four times is told why, not locked out
        response = client.post(URL, form_data(nik="12345"))
        assert response.status_code == 400 and "16 angka" in response.content.decode()
    assert client.post(URL, form_data()).status_code == 302
    assert client.post(URL, form_data()).status_code == 302
    assert client.post(URL, form_data()).status_code == 429
    assert InformationRequest.objects.count() == 2


@pytest.mark.parametrize(("nik", "message"), [("12345", "16 angka"), ("9971011708450001", "tidak sah"),
                                              ("", "wajib mengisi NIK")])
def test_it_explains_a_bad_nik_and_keeps_what_was_typed(client, nik, message):
    response = client.post(URL, form_data(nik=nik))
    html = response.content.decode()
    assert response.status_code == 400 and message in html
    assert 'value="Warga Uji Coba"' in html and "Salinan berita acara rekapitulasi." in html
    assert not InformationRequest.objects.exists()


def test_it_accepts_a_legal_entity_by_its_decree_without_nik(client):
    response = client.post(URL, form_data(requester_kind="badan_hukum", nik=VALID_NIK,
                                          legal_entity_decree="AHU-0001.AH.01.07.2025"))
    assert response.status_code == 302
    assert InformationRequest.objects.get().nik == ""  # least data


def test_it_sniffs_and_limits_the_power_of_attorney(client, settings, monkeypatch):
    fake = SimpleUploadedFile("kuasa.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(URL, {**form_data(), "power_of_attorney": fake})
    assert response.status_code == 400 and "PDF, JPG, atau PNG" in response.content.decode()
    from bakohumas.ppid import forms

    monkeypatch.setattr(forms, "ATTACHMENT_MAX_BYTES", 10)
    big = SimpleUploadedFile("kuasa.pdf", PDF, content_type="application/pdf")
    assert "terlalu besar" in client.post(URL, {**form_data(), "power_of_attorney": big}).content.decode()
    monkeypatch.setattr(forms, "ATTACHMENT_MAX_BYTES", 2 * 1024 * 1024)
    good = SimpleUploadedFile("kuasa.pdf", PDF, content_type="application/pdf")
    assert client.post(URL, {**form_data(), "power_of_attorney": good}).status_code == 302
    assert InformationRequest.objects.get().power_of_attorney.name.endswith(".pdf")


def test_it_records_an_offline_request_and_refuses_future_dates(client, operator):
    client.force_login(operator)
    url = reverse("ppid:request_new", args=["3571"])
    future = timezone.localdate() + dt.timedelta(days=3)
    data = {**form_data(nik=""), "channel": "surat", "received_on": future.isoformat()}
    response = client.post(url, data)
    assert response.status_code == 400 and "Tanggal tidak boleh di masa depan." in response.content.decode()
    response = client.post(url, {**data, "received_on": "2025-03-27"})
    request = InformationRequest.objects.get()
    assert response.url == reverse("ppid:request_detail", args=[request.id])
    assert (request.channel, request.nik, request.notice_due) == ("surat", "", dt.date(2025, 4, 22))
    page = client.get(response.url).content.decode()
    assert "22 April 2025" in page and "Cuti Bersama Hari Raya Idul Fitri" in page


def test_it_records_a_decision_through_the_page(client, operator, make_request, kediri):
    request = make_request(kediri, dt.date(2025, 7, 4))
    client.force_login(operator)
    url = reverse("ppid:request_decide", args=[request.id])
    response = client.post(url, {"decided_on": "2025-07-08", "availability": "dikuasai", "outcome": "ditolak",
                                 "fee": "0"})
    assert response.status_code == 400 and "Pasal 17" in response.content.decode()
    response = client.post(url, {"decided_on": "2025-07-08", "availability": "dikuasai", "outcome": "ditolak",
                                 "exemption_ground": "17h", "consequence_test": "Rahasia pribadi.", "fee": "0"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.decision.exemption_ground == "17h"


def test_it_adds_a_non_working_day_from_the_page_and_logs_the_recomputation(client, national, make_request, kediri):
    request = make_request(kediri, dt.date(2025, 7, 4))
    client.force_login(national)
    response = client.post(reverse("ppid:non_working_day_add"),
                           {"date": "2025-07-10", "reason": "Pemungutan suara ulang", "office_code": ""})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.notice_due == dt.date(2025, 7, 21)
    assert DeadlineRecomputation.objects.filter(request=request).exists()
    assert "Pemungutan suara ulang" in client.get(reverse("ppid:non_working_days")).content.decode()


def test_it_downloads_the_notice_letter(client, operator, make_request, kediri):
    import io

    from docx import Document

    request = make_request(kediri, dt.date(2025, 7, 4))
    request_decide(request=request, decided_on=dt.date(2025, 7, 8), availability="dikuasai", outcome="sebagian",
                   exemption_ground="17h", consequence_test="Rahasia pribadi.", redactions="NIK dihitamkan.",
                   format="softcopy", fee=5000, actor=operator)
    client.force_login(operator)
    docx = client.get(reverse("ppid:notice", args=[request.id, "docx"]))
    text = "\n".join([p.text for p in Document(io.BytesIO(docx.content)).paragraphs]
                     + [c.text for t in Document(io.BytesIO(docx.content)).tables for r in t.rows for c in r.cells])
    assert "PEMBERITAHUAN TERTULIS" in text and request.registration_number in text
    assert "Pasal 17 huruf h" in text and "NIK dihitamkan." in text and VALID_NIK not in text
    pdf = client.get(reverse("ppid:notice", args=[request.id, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_it_shows_the_public_dip(client, kediri):
    from bakohumas.ppid.services import dip_entry_create

    dip_entry_create(office=kediri, actor=None, category="berkala", title="Laporan keuangan",
                     holder_unit="Subbagian Keuangan", responsible="Sekretaris", made_when_where="2025, Kediri",
                     form="keduanya", retention="5 tahun")
    dip_entry_create(office=kediri, actor=None, category="setiap_saat", title="Draf internal",
                     holder_unit="x", responsible="x", made_when_where="x", form="tercetak", retention="x",
                     is_published=False)
    html = client.get(reverse("ppid:public_dip", args=["3571"])).content.decode()
    assert "Laporan keuangan" in html and "Draf internal" not in html and "Informasi serta merta" in html


def test_the_public_index_links_every_office_to_its_form(client):
    html = client.get(reverse("ppid:public_index")).content.decode()
    assert reverse("ppid:public_request", args=["3571"]) in html
    assert reverse("ppid:public_dip", args=["ID"]) in html
    assert html.count(">ajukan permohonan</a>") == 553
