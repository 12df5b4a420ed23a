from __future__ import annotations

import pytest
from django.urls import reverse

from bakohumas.library.models import RecordFile
from bakohumas.library.services import record_delete, record_update
from bakohumas.library.tests.conftest import make_record

pytestmark = pytest.mark.django_db


def test_it_searches_all_offices_or_one_with_facet_counts(client, record):
    make_record("3573", title="Buku Kota Malang", subtitle="", series="", authors=[], subjects=[], publisher="",
                responsibility="", call_number="", document_type="buku", year=2023, isbns=[], issns=[])
    gone = make_record("3507", title="Terhapus Laporan")
    record_delete(record=gone, actor=None)
    response = client.get(reverse("library:opac_search"), {"q": "laporan"})
    assert [r.title for r in response.context["page"]] == [record.title]
    response = client.get(reverse("library:opac_search"))
    facets = response.context["facets"]
    assert {(r["value"], r["n"]) for r in facets["office"]} == {("3571", 1), ("3573", 1)}
    assert {(r["value"], r["n"]) for r in facets["year"]} == {("2024", 1), ("2023", 1)}
    response = client.get(reverse("library:opac_search"), {"office": "3573"})
    assert [r.title for r in response.context["page"]] == ["Buku Kota Malang"]
    # The office facet still shows the other offices while one is selected.
    assert len(response.context["facets"]["office"]) == 2
    assert client.get(reverse("library:opac_search"), {"q": "penulis contoh"}).context["page"].paginator.count == 1
    assert client.get(reverse("library:opac_search"), {"q": "9786020331058"}).context["page"].paginator.count == 1


def test_files_download_only_when_the_office_allows(client, record):
    attached = RecordFile.objects.get(record=record)
    url = reverse("library:opac_file", args=[record.id, attached.id])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    record_update(record=record, actor=None, data={"files_public": False})
    assert client.get(url).status_code == 404
    assert "tidak dibuka untuk publik" in client.get(reverse("library:opac_detail", args=[record.id])).content.decode()


def test_deleted_records_are_gone_from_the_opac(client, record):
    record_delete(record=record, actor=None)
    assert client.get(reverse("library:opac_detail", args=[record.id])).status_code == 404


@pytest.mark.parametrize(("fmt", "expected"), [
    ("bibtex", "@misc{"), ("ris", "TY  - GEN"), ("apa", "Sekretariat KPU Kota Kediri, Penulis Contoh. (2024)."),
])
def test_it_exports_citations(client, record, fmt, expected):
    body = client.get(reverse("library:opac_cite", args=[record.id, fmt])).content.decode()
    assert expected in body
    if fmt == "ris":
        assert "SN  - 9786020331058" in body and body.rstrip().endswith("ER  -")
    if fmt == "apa":
        assert "ISBN 978-602-03-3105-8" in body


def test_the_staff_form_creates_a_record_with_repeatable_fields(client, operator):
    client.force_login(operator)
    response = client.post(reverse("library:record_create"), {
        "title": "Buku Baru", "authors_person": "Penulis Satu\nPenulis Dua", "subjects": "Pemilu\nPilkada",
        "isbns": "978-602-03-3105-8\n0-8044-2957-X", "issns": "", "language": "ind", "election": "umum",
        "document_type": "buku"})
    assert response.status_code == 302
    from bakohumas.library.models import CatalogueRecord

    record = CatalogueRecord.objects.get(title="Buku Baru")
    assert record.isbns == ["9786020331058", "9780804429573"] and len(record.authors) == 2
    response = client.post(reverse("library:record_create"), {
        "title": "Salah", "isbns": "978-602-03-3105-9", "language": "ind", "election": "umum", "document_type": "buku"})
    assert response.status_code == 400 and "tidak valid" in response.content.decode()


def test_it_refuses_a_file_that_is_not_a_pdf(client, operator, record):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(operator)
    upload = SimpleUploadedFile("palsu.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(reverse("library:file_add", args=[record.id]), {"file": upload}, follow=True)
    assert "Jenis berkas tidak diterima" in response.content.decode()
    assert record.files.count() == 1
