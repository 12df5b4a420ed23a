"""Library fixtures on top of bakohumas/conftest.py (users of KPU Kota Kediri and beyond)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from bakohumas.library.models import CatalogueRecord, IsbnApplication, PartKind
from bakohumas.library.services import application_attach_part, application_create, record_add_file, record_create
from bakohumas.offices.models import Office

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100  # enough for the bytes to say PNG
VALID_ISBN = "9786020331058"  # 978-602-03-3105-8

FULL = {
    "title": "Laporan Pemilu 2024 Kota Kediri", "subtitle": "tahapan pemungutan suara",
    "responsibility": "disusun oleh Tim Humas", "publisher": "KPU Kota Kediri", "place": "Kediri", "year": 2024,
    "edition": "Cet. 1", "collation": "x, 120 hlm. ; 21 cm", "series": "Seri Laporan Pemilu",
    "authors": [{"name": "Sekretariat KPU Kota Kediri", "kind": "organisation"},
                {"name": "Penulis Contoh", "kind": "person"}],
    "subjects": ["Pemilihan umum", "Kota Kediri"], "language": "ind", "election": "pemilu-2024",
    "election_stage": "Pemungutan suara", "document_type": "laporan", "isbns": [VALID_ISBN],
    "issns": ["2049-3630"], "call_number": "324.6 LAP", "notes": "Catatan uji.", "files_public": True,
}


def pdf(name: str = "berkas.pdf") -> ContentFile:
    return ContentFile(PDF, name=name)


def make_record(code: str = "3571", **data) -> CatalogueRecord:
    return record_create(office=Office.objects.get(code=code), actor=None, data={**FULL, **data})


@pytest.fixture
def record(db) -> CatalogueRecord:
    record = make_record()
    record_add_file(record=record, actor=None, upload=pdf(), label="Naskah lengkap")
    return record


@pytest.fixture
def application(record) -> IsbnApplication:
    return application_create(record=record, actor=None)


@pytest.fixture
def complete_application(application) -> IsbnApplication:
    for kind in PartKind:
        application_attach_part(application=application, actor=None, kind=kind, upload=pdf(f"{kind.value}.pdf"))
    return application
