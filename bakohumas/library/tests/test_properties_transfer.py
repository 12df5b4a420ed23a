"""Properties of the catalogue import (bakohumas.library.transfer, MARC through bakohumas.library.marc):
any bytes under any usual file name give rows or errors with an Indonesian reason, never an exception;
what export_csv writes, parse_import reads back as the same record data."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bakohumas.library.models import CatalogueRecord
from bakohumas.library.services import record_create
from bakohumas.library.transfer import COLUMNS, export_csv, parse_import

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)


def test_any_bytes_give_rows_or_errors(kediri):
    @settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: f"judul,tahun,isbn\n{t}".encode())
           | st.binary(max_size=60).map(lambda b: b"PK\x03\x04" + b) | st.binary(max_size=80).map(lambda b: b"<" + b)
           | st.builds(lambda title, year: f"judul,tahun\n{title},{year}\n".encode(), st.text("ab ", max_size=5),
                       st.text(max_size=4)),
           st.sampled_from(["buku.csv", "buku.xlsx", "buku.xml", "buku.mrc", "buku"]))
    @example(b"PK\x03\x04 bukan zip", "buku.xlsx")  # zipfile.BadZipFile escaped
    @example("judul,tahun\nBuku,²\n".encode(), "buku.csv")  # "²".isdigit() but int("²") fails
    @example(b"00026nam a2200025 a 4500\x1e\x1d", "buku.mrc")
    def run(content, name):
        result = parse_import(content, name, kediri)
        assert all(error.reason for error in result.errors)

    run()


records = st.fixed_dictionaries({
    "title": st.text(st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"]), min_size=1, max_size=40).map(
        str.strip).filter(bool),
    "publisher": st.text("abcdefghij KPU", max_size=20).map(str.strip),
    "year": st.none() | st.integers(1950, 2030),
    "subjects": st.lists(st.text("abcdefghijklmnop ", min_size=1, max_size=12).map(str.strip).filter(bool),
                         max_size=3, unique=True),
})


def test_what_export_writes_import_reads_back(kediri):
    @settings(max_examples=20, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(records)
    def run(data):
        record = record_create(office=kediri, actor=None, data={**data, "authors": [{"name": "Humas", "kind": "person"}]},
                               source="uji")
        result = parse_import(export_csv([record]).encode(), "buku.csv", kediri)
        assert result.ok, result.errors
        (row, _items), = result.rows
        assert {key: row[key] for key in data} == data
        assert row["authors"] == [{"name": "Humas", "kind": "person"}]
        CatalogueRecord.objects.filter(pk=record.pk).delete()

    run()


def test_the_csv_header_is_the_column_list():
    assert next(csv.reader(io.StringIO(export_csv([])))) == HEADER.split(",")
