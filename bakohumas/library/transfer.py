"""Catalogue import (CSV, XLSX, MARCXML, MARC21) and export (CSV, XLSX). An import is
all-or-nothing: every row is checked first, and one error anywhere means nothing is saved; each
error names the row, the column and the reason in Indonesian."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bakohumas.core.spreadsheet import cell_value, csv_dict_writer, new_workbook, workbook_bytes
from bakohumas.library import marc as marc_io
from bakohumas.library.models import CatalogueRecord, Item
from bakohumas.library.services import item_add, record_create
from bakohumas.offices.models import Office

LIST_SEPARATOR = ";"
# column -> (model field, kind)
COLUMNS: dict[str, tuple[str, str]] = {
    "judul": ("title", "text"), "anak_judul": ("subtitle", "text"), "tanggung_jawab": ("responsibility", "text"),
    "pengarang": ("authors", "persons"), "pengarang_badan": ("authors", "organisations"),
    "penerbit": ("publisher", "text"), "tempat_terbit": ("place", "text"), "tahun": ("year", "year"),
    "edisi": ("edition", "text"), "kolasi": ("collation", "text"), "seri": ("series", "text"),
    "subjek": ("subjects", "list"), "bahasa": ("language", "text"), "pemilu": ("election", "text"),
    "tahapan": ("election_stage", "text"), "jenis_dokumen": ("document_type", "text"), "isbn": ("isbns", "list"),
    "issn": ("issns", "list"), "nomor_panggil": ("call_number", "text"), "catatan": ("notes", "text"),
    "berkas_publik": ("files_public", "bool"),
}
FIELD_COLUMN = {model_field: column for column, (model_field, _kind) in COLUMNS.items()}
FIELD_COLUMN["authors"] = "pengarang"
REQUIRED_COLUMNS = {"judul"}
MAX_ROWS = 5000


@dataclass
class RowError:
    row: int
    column: str
    reason: str


@dataclass
class ImportResult:
    rows: list[tuple[dict[str, Any], list[dict[str, str]]]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def _row_data(row: dict[str, str], number: int, errors: list[RowError]) -> dict[str, Any]:
    data: dict[str, Any] = {"authors": [], "document_type": "buku", "election": "umum", "language": "ind"}
    for column, (model_field, kind) in COLUMNS.items():
        raw = cell_value((row.get(column) or "").strip())
        if kind == "persons":
            data["authors"] += [{"name": n, "kind": "person"} for n in _split(raw)]
        elif kind == "organisations":
            data["authors"] += [{"name": n, "kind": "organisation"} for n in _split(raw)]
        elif kind == "list":
            data[model_field] = _split(raw)
        elif kind == "year":
            if raw and not raw.isdecimal():  # not isdigit(): "²" is a digit that int() refuses
                errors.append(RowError(number, column, _("Tahun harus berupa angka, misalnya 2024.")))
            data[model_field] = int(raw) if raw.isdecimal() else None
        elif kind == "bool":
            if raw.lower() not in ("", "ya", "tidak", "1", "0"):
                errors.append(RowError(number, column, _("Isi ya atau tidak.")))
            data[model_field] = raw.lower() in ("ya", "1")
        elif raw or model_field not in data:
            data[model_field] = raw
    return data


def _validate(office: Office, number: int, data: dict[str, Any], items: list[dict[str, str]],
              seen_codes: set[str], errors: list[RowError]) -> None:
    record = CatalogueRecord(office=office, **data)
    try:
        record.full_clean(exclude=["office"])
    except ValidationError as exc:
        for model_field, messages in exc.message_dict.items():
            column = FIELD_COLUMN.get(model_field, model_field if model_field != "__all__" else "")
            errors.extend(RowError(number, column, message) for message in messages)
    for item in items:
        code = item["inventory_code"]
        if not code:
            errors.append(RowError(number, "852$p", _("Eksemplar tanpa kode inventaris.")))
        elif code in seen_codes or Item.objects.filter(office=office, inventory_code=code).exists():
            errors.append(RowError(number, "852$p", _("Kode inventaris %(code)s sudah dipakai.") % {"code": code}))
        seen_codes.add(code)


def _table_rows(content: bytes, name: str) -> Iterable[dict[str, str]]:
    if content[:2] == b"PK":
        from openpyxl import load_workbook

        try:  # not a ZIP, not a workbook, a damaged sheet: one readable error (parse_import catches ValueError)
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
            rows = iter([list(values) for values in sheet.iter_rows(values_only=True)])
        except Exception as exc:  # noqa: BLE001
            raise ValueError("unreadable workbook") from exc
        header = [str(cell or "").strip().lower() for cell in next(rows, [])]
        for values in rows:
            yield {header[i]: "" if v is None else str(v) for i, v in enumerate(values) if i < len(header)}
        return
    text = content.decode("utf-8-sig")
    # Only the delimiter is guessed (spreadsheets in Indonesian locales write ";"); quoting stays the
    # standard one, so doubled quotes inside a field are read back correctly.
    delimiter = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t").delimiter
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames or []]
    yield from reader


def parse_import(content: bytes, name: str, office: Office) -> ImportResult:
    result = ImportResult()
    seen_codes: set[str] = set()
    if content.lstrip()[:1] == b"<" or name.lower().endswith((".mrc", ".marc", ".xml")):
        try:
            records = marc_io.read_marc(content)
        except Exception:  # noqa: BLE001 - any parser failure is one readable error for the user
            result.errors.append(RowError(0, "", _("Berkas MARC tidak dapat dibaca.")))
            return result
        for number, marc in enumerate(records, start=1):
            data, items = marc_io.marc_to_data(marc)
            _validate(office, number, data, items, seen_codes, result.errors)
            result.rows.append((data, items))
        return result
    try:
        rows = list(_table_rows(content, name))
    except (UnicodeDecodeError, csv.Error, StopIteration, OSError, KeyError, ValueError):
        result.errors.append(RowError(0, "", _("Berkas tidak dapat dibaca; gunakan CSV (UTF-8) atau XLSX.")))
        return result
    if rows and not REQUIRED_COLUMNS <= set(rows[0]):
        result.errors.append(RowError(1, "judul", _("Kolom wajib tidak ada.")))
        return result
    if len(rows) > MAX_ROWS:
        result.errors.append(RowError(0, "", _("Paling banyak %(n)s baris per berkas.") % {"n": MAX_ROWS}))
        return result
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        unknown = [column for column in row if column and column not in COLUMNS]
        for column in unknown:
            result.errors.append(RowError(number, column, _("Kolom tidak dikenal.")))
        row_errors: list[RowError] = []
        data = _row_data(row, number, row_errors)
        if not row_errors:
            _validate(office, number, data, [], seen_codes, row_errors)
        result.errors += row_errors
        result.rows.append((data, []))
    return result


@transaction.atomic
def import_records(*, content: bytes, name: str, office: Office, actor: Any) -> ImportResult:
    result = parse_import(content, name, office)
    if not result.ok:
        return result
    for data, items in result.rows:
        record = record_create(office=office, actor=actor, data=data, source=f"impor {name}")
        for item in items:
            item_add(record=record, actor=actor, **item)
        result.created += 1
    return result


def _fields(record: CatalogueRecord) -> dict[str, str]:
    return {
        "judul": record.title, "anak_judul": record.subtitle, "tanggung_jawab": record.responsibility,
        "pengarang": "; ".join(a["name"] for a in record.authors if a["kind"] == "person"),
        "pengarang_badan": "; ".join(a["name"] for a in record.authors if a["kind"] == "organisation"),
        "penerbit": record.publisher, "tempat_terbit": record.place, "tahun": str(record.year or ""),
        "edisi": record.edition, "kolasi": record.collation, "seri": record.series,
        "subjek": "; ".join(record.subjects), "bahasa": record.language, "pemilu": record.election,
        "tahapan": record.election_stage, "jenis_dokumen": record.document_type, "isbn": "; ".join(record.isbns),
        "issn": "; ".join(record.issns), "nomor_panggil": record.call_number, "catatan": record.notes,
        "berkas_publik": "ya" if record.files_public else "tidak",
    }


def export_csv(records: Iterable[CatalogueRecord]) -> str:
    out = io.StringIO()
    writer = csv_dict_writer(out, COLUMNS)
    writer.writeheader()
    for record in records:
        writer.writerow(_fields(record))
    return out.getvalue()


def export_xlsx(records: Iterable[CatalogueRecord]) -> bytes:
    book = new_workbook()
    sheet = book.active
    sheet.title = "katalog"
    sheet.append(list(COLUMNS))
    for record in records:
        sheet.append(list(_fields(record).values()))
    return workbook_bytes(book)
