from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from bakohumas.library import marc, transfer
from bakohumas.library.models import CatalogueRecord
from bakohumas.library.services import item_add
from bakohumas.library.tests.conftest import FULL, make_record
from bakohumas.offices.models import Office

pytestmark = pytest.mark.django_db
COMPARED = [f for f in FULL] + ["marc_extra"]


def _fields(record: CatalogueRecord) -> dict:
    return {name: getattr(record, name) for name in COMPARED}


@pytest.mark.parametrize("writer", [marc.export_marcxml, marc.export_iso2709])
def test_it_round_trips_marc_without_losing_fields(writer, operator):
    record = make_record(marc_extra=[{"tag": "246", "ind": "3 ", "sub": [["a", "Laporan Pemilu Kediri"]]},
                                     {"tag": "856", "ind": "40", "sub": [["u", "https://contoh.kpu.go.id/x"]]}])
    item_add(record=record, actor=None, inventory_code="INV-001", location="Rak A1", note="hadiah")
    content = writer([record])
    result = transfer.import_records(content=content, name="katalog.mrc", office=Office.objects.get(code="3573"),
                                     actor=operator)
    assert result.ok, result.errors
    copy = CatalogueRecord.objects.exclude(pk=record.pk).get()
    assert _fields(copy) == _fields(record)
    assert list(copy.items.values_list("inventory_code", "location", "note")) == [("INV-001", "Rak A1", "hadiah")]
    # And once more: the exported copy is the same MARC apart from its identifiers and dates.
    again = marc.record_to_marc(copy)
    original = marc.record_to_marc(record)
    skip = {"001", "005", "008", "852"}
    assert [f.value() for f in again.fields if f.tag not in skip] == \
        [f.value() for f in original.fields if f.tag not in skip]


def test_it_rejects_a_marc_record_with_a_bad_isbn_and_saves_nothing(kediri):
    record = make_record()
    content = marc.export_marcxml([record]).replace(b"9786020331058", b"9786020331059")
    result = transfer.import_records(content=content, name="x.xml", office=kediri, actor=None)
    assert not result.ok and result.errors[0].column == "isbn" and result.errors[0].row == 1
    assert CatalogueRecord.objects.count() == 1


CSV_OK = (
    "judul,pengarang,pengarang_badan,tahun,jenis_dokumen,pemilu,isbn,subjek,berkas_publik\n"
    "Buku Satu,Penulis A; Penulis B,,2024,buku,pemilu-2024,978-602-03-3105-8,Pemilu; Demokrasi,ya\n"
    "Laporan Dua,,KPU Kota Kediri,2023,laporan,umum,,,tidak\n"
)


def test_it_imports_csv_rows(kediri, operator):
    result = transfer.import_records(content=CSV_OK.encode(), name="katalog.csv", office=kediri, actor=operator)
    assert result.ok and result.created == 2
    book = CatalogueRecord.objects.get(title="Buku Satu")
    assert book.authors == [{"name": "Penulis A", "kind": "person"}, {"name": "Penulis B", "kind": "person"}]
    assert book.isbns == ["9786020331058"] and book.subjects == ["Pemilu", "Demokrasi"] and book.files_public


def test_it_imports_nothing_when_one_row_is_wrong_and_names_row_column_and_reason(kediri, operator):
    bad = CSV_OK + "Buku Tiga,,,dua ribu,buku,umum,,,\nBuku Empat,,,2024,komik,umum,978-602-03-3105-9,,\n"
    result = transfer.import_records(content=bad.encode(), name="katalog.csv", office=kediri, actor=operator)
    assert not result.ok and CatalogueRecord.objects.count() == 0
    found = {(e.row, e.column) for e in result.errors}
    assert {(4, "tahun"), (5, "jenis_dokumen"), (5, "isbn")} <= found
    assert any("Tahun harus berupa angka" in e.reason for e in result.errors)


def test_it_imports_xlsx_and_exports_the_same_columns(kediri, operator):
    book = Workbook()
    sheet = book.active
    sheet.append(["judul", "tahun", "isbn"])
    sheet.append(["Buku XLSX", 2025, "0-8044-2957-X"])
    out = io.BytesIO()
    book.save(out)
    result = transfer.import_records(content=out.getvalue(), name="k.xlsx", office=kediri, actor=operator)
    assert result.ok, result.errors
    record = CatalogueRecord.objects.get()
    assert record.isbns == ["9780804429573"] and record.year == 2025
    exported = transfer.export_csv([record])
    assert exported.splitlines()[0] == ",".join(transfer.COLUMNS)
    again = transfer.import_records(content=exported.encode(), name="k.csv", office=kediri, actor=operator)
    assert again.ok and CatalogueRecord.objects.filter(title="Buku XLSX").count() == 2


def test_text_that_looks_like_a_formula_is_exported_as_text_and_read_back(kediri, operator):
    from openpyxl import load_workbook

    record = make_record("3571", title="=HYPERLINK(\"http://contoh\")", notes="@SUM(A1)")
    exported = transfer.export_csv([record])
    assert "'=HYPERLINK" in exported and "'@SUM(A1)" in exported
    sheet = load_workbook(io.BytesIO(transfer.export_xlsx([record]))).active
    assert sheet.cell(row=2, column=1).data_type == "s"
    result = transfer.import_records(content=exported.encode(), name="k.csv", office=kediri, actor=operator)
    assert result.ok, result.errors
    again = CatalogueRecord.objects.exclude(pk=record.pk).get()
    assert again.title == record.title and again.notes == "@SUM(A1)"
    assert sheet.cell(row=2, column=1).value == "'=HYPERLINK(\"http://contoh\")"
    result = transfer.import_records(content=transfer.export_xlsx([record]), name="k.xlsx", office=kediri,
                                     actor=operator)
    assert result.ok, result.errors
    assert CatalogueRecord.objects.filter(title=record.title, notes="@SUM(A1)").count() == 3
