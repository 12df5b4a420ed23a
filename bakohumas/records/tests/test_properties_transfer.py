"""Properties of the records import (bakohumas.records.transfer): any bytes give a checked result, each
problem with its row and an Indonesian reason, never an exception; generated valid partnership rows are
accepted with the dates they were written with (ISO or day first); a spoiled cell is named by row and column."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bakohumas.records.transfer import SPECS, parse_records_file

pytestmark = pytest.mark.django_db

FAST = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
COLUMNS = ["nama_mitra", "jenis_mitra", "bentuk", "tanggal_tanda_tangan", "berlaku_sampai", "catatan"]
names = st.text("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=40).map(str.strip).filter(
    bool)
partnerships = st.fixed_dictionaries({
    "nama_mitra": names, "jenis_mitra": st.sampled_from(["media", "pendidikan", "Perguruan Tinggi", "LSM", "pers"]),
    "bentuk": st.sampled_from(["mou", "PKS", "nota kesepahaman", "tanpa naskah"]),
    "signed": st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), "days": st.none() | st.integers(0, 3000),
    "day_first": st.booleans(), "catatan": st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=30),
})


def _date(day: dt.date, day_first: bool) -> str:
    return day.strftime("%d/%m/%Y") if day_first else day.isoformat()


def _file(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        until = row["signed"] + dt.timedelta(days=row["days"]) if row["days"] is not None else None
        writer.writerow([row["nama_mitra"], row["jenis_mitra"], row["bentuk"], _date(row["signed"], row["day_first"]),
                         _date(until, row["day_first"]) if until else "", row["catatan"]])
    return out.getvalue().encode()


def test_any_bytes_give_rows_or_errors_with_a_row(kediri):
    @settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.binary(max_size=200) | st.text(max_size=200).map(lambda t: (",".join(COLUMNS) + "\n" + t).encode())
           | st.binary(max_size=60).map(lambda b: b"PK\x03\x04" + b), st.sampled_from(sorted(SPECS)))
    @example(b"nama_mitra,jenis_mitra,bentuk,tanggal_tanda_tangan\nA,media,mou,31/02/2025\n", "partnerships")
    @example(b'jenis,nama_akun\n"instagram', "channels")
    def run(content, kind):
        parsed = parse_records_file(content, kind=kind, office=kediri)
        assert all(error.row >= 1 and error.reason for error in parsed.errors)

    run()


def test_valid_rows_are_accepted_with_their_dates(kediri):
    @FAST
    @given(st.lists(partnerships, min_size=1, max_size=5, unique_by=lambda r: (r["nama_mitra"].lower(), r["signed"])))
    def run(rows):
        parsed = parse_records_file(_file(rows), kind="partnerships", office=kediri)
        assert parsed.ok, [str(e) for e in parsed.errors]
        assert [row.data["signed_on"] for row in parsed.rows] == [row["signed"] for row in rows]
        assert [row.data["partner_name"] for row in parsed.rows] == [row["nama_mitra"] for row in rows]

    run()


SPOILERS = {"tanggal_tanda_tangan": ["31/02/2025", "kemarin", ""], "jenis_mitra": ["alien", ""],
            "bentuk": ["surat cinta"], "nama_mitra": [""]}


def test_a_spoiled_cell_is_named_by_row_and_column(kediri):
    @FAST
    @given(st.lists(partnerships, min_size=1, max_size=4, unique_by=lambda r: (r["nama_mitra"].lower(), r["signed"])),
           st.data())
    def run(rows, data):
        lines = list(csv.reader(io.StringIO(_file(rows).decode())))
        line = data.draw(st.integers(1, len(rows)))
        column = data.draw(st.sampled_from(sorted(SPOILERS)))
        lines[line][COLUMNS.index(column)] = data.draw(st.sampled_from(SPOILERS[column]))
        out = io.StringIO()
        csv.writer(out).writerows(lines)
        parsed = parse_records_file(out.getvalue().encode(), kind="partnerships", office=kediri)
        assert {(error.row, error.column) for error in parsed.errors} == {(line + 1, column)}, parsed.errors

    run()
