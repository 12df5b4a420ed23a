"""Covers, PDFs and ISBN parts are stored under random names with the extension their bytes give,
and served by scoped views with the Content-Type of their bytes (never under MEDIA_URL)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bakohumas.library.models import CatalogueRecord, PartKind, RecordFile
from bakohumas.library.services import application_attach_part, record_delete, record_update
from bakohumas.library.tests.conftest import PDF, PNG

pytestmark = pytest.mark.django_db

HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
NEW_RECORD = {"title": "Buku Bersampul", "isbns": "", "issns": "", "language": "ind", "election": "umum",
              "document_type": "buku"}


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_it_refuses_a_cover_of_html_bytes_named_evil_html(client, operator):
    client.force_login(operator)
    upload = SimpleUploadedFile("evil.html", HTML, content_type="text/html")
    response = client.post(reverse("library:record_create"), {**NEW_RECORD, "cover": upload})
    assert response.status_code == 400 and "Jenis berkas tidak diterima" in response.content.decode()
    assert not CatalogueRecord.objects.filter(title="Buku Bersampul").exists()


def test_it_stores_a_png_cover_named_evil_html_as_png_and_serves_it_as_an_image(client, operator):
    client.force_login(operator)
    upload = SimpleUploadedFile("evil.html", PNG, content_type="text/html")
    assert client.post(reverse("library:record_create"), {**NEW_RECORD, "cover": upload}).status_code == 302
    record = CatalogueRecord.objects.get(title="Buku Bersampul")
    assert record.cover.name.endswith(".png") and "evil" not in record.cover.name
    client.logout()
    response = client.get(reverse("library:cover", args=[record.id]))  # public, like the OPAC page
    assert response.status_code == 200 and _body(response) == PNG
    assert response["Content-Type"] == "image/png" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    page = client.get(reverse("library:opac_detail", args=[record.id])).content.decode()
    assert reverse("library:cover", args=[record.id]) in page and "/media/" not in page


def _legacy_cover(record: CatalogueRecord, content: bytes) -> None:
    """A cover stored before uploads were renamed: under the uploader's name."""
    record.cover.name = default_storage.save("perpustakaan/sampul/2024/evil.html", ContentFile(content))
    record.save(update_fields=["cover"])


def test_it_serves_an_old_cover_stored_as_html_by_what_its_bytes_are(client, record):
    _legacy_cover(record, PNG)
    response = client.get(reverse("library:cover", args=[record.id]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert f'filename="sampul-{record.id}.png"' in response["Content-Disposition"]


def test_it_never_serves_old_html_bytes_as_a_page(client, record):
    _legacy_cover(record, HTML)
    response = client.get(reverse("library:cover", args=[record.id]))
    assert response.status_code == 200 and _body(response) == HTML
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert ".html" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_hides_the_cover_of_a_deleted_record_and_has_none_for_a_record_without(client, record):
    assert client.get(reverse("library:cover", args=[record.id])).status_code == 404  # no cover yet
    record_update(record=record, actor=None, data={"cover": ContentFile(PNG, name="sampul.png")})
    assert client.get(reverse("library:cover", args=[record.id])).status_code == 200
    record_delete(record=record, actor=None)
    assert client.get(reverse("library:cover", args=[record.id])).status_code == 404


def test_it_stores_a_pdf_named_laporan_pdf_html_as_pdf_and_the_opac_hands_out_a_pdf(client, operator, record):
    client.force_login(operator)
    upload = SimpleUploadedFile("laporan.pdf.html", PDF, content_type="text/html")
    client.post(reverse("library:file_add", args=[record.id]), {"file": upload, "label": "Ringkasan"})
    attached = RecordFile.objects.get(record=record, label="Ringkasan")
    assert attached.file.name.endswith(".pdf") and "laporan" not in attached.file.name
    client.logout()
    response = client.get(reverse("library:opac_file", args=[record.id, attached.id]))
    assert response.status_code == 200 and _body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment") and ".html" not in disposition
    assert 'filename="laporan-pemilu-2024-kota-kediri-ringkasan.pdf"' in disposition


def test_it_stores_an_isbn_part_by_its_bytes(application):
    part = application_attach_part(application=application, actor=None, kind=PartKind.COVER,
                                   upload=ContentFile(PDF, name="sampul.pdf.html"))
    assert part.file.name.endswith(".pdf") and "sampul" not in part.file.name.rsplit("/", 1)[-1]
