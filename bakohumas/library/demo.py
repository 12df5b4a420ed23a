"""Demo catalogue for East Java offices (formats/library.md): records with and without ISBNs,
copies, one deleted record, and one ISBN application in every state. Idempotent: records have
fixed UUIDs, and nothing that exists is created again. No real persons' names."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.files.base import ContentFile
from django.db import transaction

from bakohumas.library.isbn import with_check_digit
from bakohumas.library.models import CatalogueRecord, IsbnApplication, PartKind
from bakohumas.library.services import (
    application_assign,
    application_attach_part,
    application_create,
    application_forward,
    application_record_deposit,
    application_return,
    application_submit,
    item_add,
    record_add_file,
    record_create,
    record_delete,
)
from bakohumas.offices.models import Office, User

NAMESPACE = uuid.UUID("6f1c2b9e-4d53-4b8e-9a39-0c3f5e7a2d11")
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" \
      b"trailer<</Root 1 0 R>>\n%%EOF\n"

# (key, office, title, type, election, year, isbn first 12 digits or "", subjects)
RECORDS = [
    ("kediri-laporan-2024", "3571", "Laporan Penyelenggaraan Pemilu 2024 di Kota Kediri", "laporan", "pemilu-2024",
     2024, "978602731000", ["Pemilihan umum", "Kota Kediri"]),
    ("kediri-pilkada-2024", "3571", "Pilkada Kota Kediri 2024 dalam Angka", "buku", "pilkada-2024", 2025,
     "978623650100", ["Pemilihan kepala daerah", "Statistik"]),
    ("kediri-partisipasi", "3571", "Riset Partisipasi Pemilih Muda Kota Kediri", "prosiding", "pemilu-2024", 2024,
     "", ["Partisipasi politik", "Pemilih muda"]),
    ("kediri-sosialisasi", "3571", "Modul Sosialisasi Pendidikan Pemilih untuk Sekolah", "panduan", "umum", 2023,
     "", ["Pendidikan pemilih"]),
    ("kediri-draf-buku", "3571", "Jejak Demokrasi Kota Kediri", "buku", "umum", 2025, "", ["Sejarah pemilu"]),
    ("kediri-buku-kembali", "3571", "Kumpulan Keputusan KPU Kota Kediri 2024", "buku", "pemilu-2024", 2025, "",
     ["Keputusan KPU"]),
    ("kediri-terhapus", "3571", "Daftar Inventaris Lama (duplikat)", "lainnya", "umum", 2019, "", []),
    ("malang-kota-laporan", "3573", "Laporan Pemilu 2024 Kota Malang", "laporan", "pemilu-2024", 2024,
     "978602731050", ["Pemilihan umum", "Kota Malang"]),
    ("malang-kota-buku", "3573", "Bunga Rampai Pengawasan Partisipatif Kota Malang", "buku", "pemilu-2024", 2025, "",
     ["Partisipasi masyarakat"]),
    ("malang-kab-peta", "3507", "Peta Daerah Pemilihan Kabupaten Malang Pemilu 2024", "peta", "pemilu-2024", 2023, "",
     ["Daerah pemilihan", "Kabupaten Malang"]),
    ("malang-kab-buku", "3507", "Catatan Tahapan Pilkada Kabupaten Malang 2024", "buku", "pilkada-2024", 2025, "",
     ["Pemilihan kepala daerah"]),
    ("jatim-laporan", "35", "Evaluasi Penyelenggaraan Pemilu 2024 di Jawa Timur", "laporan", "pemilu-2024", 2024,
     "978623650150", ["Pemilihan umum", "Jawa Timur"]),
    ("jatim-peraturan", "35", "Himpunan Peraturan KPU tentang Pilkada 2024", "peraturan", "pilkada-2024", 2024, "",
     ["Peraturan KPU"]),
    ("ri-panduan", "ID", "Panduan Kehumasan dan Perpustakaan Pemilu", "panduan", "umum", 2025, "",
     ["Kehumasan", "Perpustakaan"]),
]
# key of the book -> the state its application is left in
APPLICATIONS = {
    "kediri-draf-buku": IsbnApplication.Status.DRAFT,
    "malang-kota-buku": IsbnApplication.Status.SUBMITTED,
    "kediri-buku-kembali": IsbnApplication.Status.RETURNED,
    "malang-kab-buku": IsbnApplication.Status.FORWARDED,
    "kediri-pilkada-2024": IsbnApplication.Status.ASSIGNED,
}


def demo_id(key: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, key)


def _record(key: str, code: str, title: str, kind: str, election: str, year: int, isbn12: str,
            subjects: list[str], actor) -> CatalogueRecord:
    office = Office.objects.get(code=code)
    data = {
        "title": title, "document_type": kind, "election": election, "year": year, "subjects": subjects,
        "authors": [{"name": f"Sekretariat {office.name}", "kind": "organisation"}],
        "responsibility": f"disusun oleh Tim Humas {office.name}", "publisher": office.name,
        "place": office.region_name, "collation": "x, 120 hlm. ; 21 cm", "language": "ind",
        "call_number": f"324.6 {title[:3].upper()}", "files_public": kind in ("laporan", "panduan", "peraturan"),
        "notes": "Data demo.",
    }
    if isbn12:
        data["isbns"] = [with_check_digit(isbn12)]
    # A fixed id keeps the demo idempotent and OAI identifiers stable between loads.
    record = record_create(office=office, actor=actor, data=data, source="data demo", record_id=demo_id(key))
    item_add(record=record, actor=actor, inventory_code=f"{code}-{key[-8:].upper()}-1", location="Rak A1")
    record_add_file(record=record, actor=actor, upload=ContentFile(PDF, name=f"{key}.pdf"), label="Dokumen lengkap")
    return record


def _application(record: CatalogueRecord, state: str, office_actor, reviewer) -> None:
    application = application_create(record=record, actor=office_actor)
    if state == IsbnApplication.Status.DRAFT:
        application_attach_part(application=application, actor=office_actor, kind=PartKind.REQUEST_LETTER,
                                upload=ContentFile(PDF, name="surat-permohonan.pdf"))
        return
    for kind in PartKind:
        application_attach_part(application=application, actor=office_actor, kind=kind,
                                upload=ContentFile(PDF, name=f"{kind.value}.pdf"))
    application_submit(application=application, actor=office_actor)
    if state == IsbnApplication.Status.RETURNED:
        application_return(application=application, actor=reviewer,
                           comment="Halaman hak cipta belum mencantumkan nama penerbit; mohon diperbaiki.")
        return
    if state == IsbnApplication.Status.SUBMITTED:
        return
    application_forward(application=application, actor=reviewer, comment="Berkas lengkap.")
    if state == IsbnApplication.Status.FORWARDED:
        return
    isbn = with_check_digit("978623650199")
    application_assign(application=application, actor=reviewer, isbn=isbn,
                       kdt=f"{record.title} / disusun oleh Tim Humas {record.office.name}. — "
                           f"{record.place} : {record.publisher}, {record.year}.\nx, 120 hlm. ; 21 cm\n"
                           f"ISBN {isbn}\n1. Pemilihan kepala daerah. I. Judul.\n324.6")
    application_record_deposit(application=application, actor=office_actor, deposit_on=dt.date(2025, 8, 14),
                               note="Tanda terima serah simpan Perpusnas (demo)")


@transaction.atomic
def library_demo_load() -> None:
    operator = User.objects.filter(username="operator.kediri").first()
    reviewer = User.objects.filter(username="humas.ri").first()
    for key, code, title, kind, election, year, isbn12, subjects in RECORDS:
        if CatalogueRecord.objects.filter(pk=demo_id(key)).exists():
            continue
        actor = operator if code == "3571" else None
        record = _record(key, code, title, kind, election, year, isbn12, subjects, actor)
        if key in APPLICATIONS:
            _application(record, APPLICATIONS[key], actor, reviewer)
        if key == "kediri-terhapus":
            record_delete(record=record, actor=actor)
