"""The spreadsheet formula guard (contract laporan-bakohumas-triwulan.md section 6): exported text
that a spreadsheet would run is written behind an apostrophe, read back without it; numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from hypothesis import given
from hypothesis import strategies as st

from bakohumas.core.spreadsheet import (
    cell_text,
    cell_value,
    csv_dict_writer,
    csv_writer,
    new_workbook,
    workbook_bytes,
)

HOSTILE = ["=HYPERLINK(\"http://contoh.test\",\"klik\")", "+62 812", "-1+2", "@SUM(A1)", "\tx", "\rx"]


def test_it_puts_an_apostrophe_before_each_formula_start():
    assert [cell_text(value) for value in HOSTILE] == [f"'{value}" for value in HOSTILE]
    assert cell_text("Staf terbatas.") == "Staf terbatas." and cell_text("") == ""
    # The text's own apostrophe gets one before it, since an import removes one (contract section 6).
    assert cell_text("'Pemilu' damai") == "''Pemilu' damai"


def test_it_removes_one_leading_apostrophe():
    assert [cell_value(f"'{value}") for value in HOSTILE] == HOSTILE
    assert cell_value("'Pemilu' damai") == "Pemilu' damai" and cell_value("''90-an") == "'90-an"
    assert cell_value("=1+1") == "=1+1"  # a file someone else wrote, read as it is


@given(st.text())
def test_it_round_trips_every_text(value):
    assert cell_value(cell_text(value)) == value
    assert not cell_text(value).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_the_csv_writers_guard_text_and_leave_numbers_alone():
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\n")
    writer.writerow(["=1+1", -5, 2.5, None, "-tidak"])
    writer.writerows([["@x", 0]])
    assert out.getvalue() == "'=1+1,-5,2.5,,'-tidak\n'@x,0\n"
    out = io.StringIO()
    writer = csv_dict_writer(out, ["teks", "jumlah"], lineterminator="\n")
    writer.writeheader()
    writer.writerows([{"teks": "+62", "jumlah": -3}])
    writer.writerow({"teks": "biasa", "jumlah": 1})
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["teks", "jumlah"], ["'+62", "-3"], ["biasa", "1"]]


def test_a_workbook_is_guarded_when_saved_and_left_as_it_was():
    from openpyxl import load_workbook

    book = new_workbook()
    sheet = book.active
    sheet.append(["=HYPERLINK(\"x\")", -5, "-catatan", "biasa"])
    sheet["A3"] = "@SUM(A1)"
    second = book.create_sheet("Dua")
    second.append(["+1"])
    workbook_bytes(book)
    assert sheet["A1"].value == "=HYPERLINK(\"x\")" and sheet["C1"].value == "-catatan"  # the cells as they were
    read = load_workbook(io.BytesIO(workbook_bytes(book)))  # saved a second time: still one apostrophe
    first = read.worksheets[0]
    assert [c.value for c in first[1]] == ["'=HYPERLINK(\"x\")", -5, "'-catatan", "biasa"]
    assert first["A1"].data_type == "s" and first["B1"].data_type == "n"
    assert first["A3"].value == "'@SUM(A1)" and read["Dua"]["A1"].value == "'+1"


def test_it_keeps_the_formulas_the_project_writes_and_escapes_the_rest():
    from openpyxl import load_workbook

    from bakohumas.core.spreadsheet import new_workbook, set_formula, workbook_bytes

    book = new_workbook()
    sheet = book.active
    sheet.append([1, 2, "=HYPERLINK(\"http://x\")"])
    set_formula(sheet["D1"], "=SUM(A1:B1)")
    sheet["E1"] = "=SUM(A1:B1)"  # the same text, not written through set_formula: escaped
    saved = load_workbook(io.BytesIO(workbook_bytes(book)))
    row = [cell.value for cell in saved.active[1]]
    assert row[2] == "'=HYPERLINK(\"http://x\")" and row[3] == "=SUM(A1:B1)" and row[4] == "'=SUM(A1:B1)"
    sheet["D1"] = "=1+1"  # overwritten later by other text: escaped again
    assert load_workbook(io.BytesIO(workbook_bytes(book))).active["D1"].value == "'=1+1"
    with pytest.raises(ValueError):
        set_formula(sheet["F1"], "SUM(A1:B1)")
