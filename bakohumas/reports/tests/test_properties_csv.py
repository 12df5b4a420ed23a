"""Properties of the report CSV (section 2 of the contract): what export writes, import reads back as
the same values ("sama"); any text gives a checked result (rows or errors with row and column), never an
exception; one spoiled cell in a valid file is refused naming its row and column, and nothing else."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bakohumas.conftest import FULL_VALUES
from bakohumas.offices.models import Office
from bakohumas.reports.csv_io import export_reports_csv, parse_reports_csv

pytestmark = pytest.mark.django_db

FAST = settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
BOOLEANS = {"wa_bakohumas_eksternal", "wa_media_center", "media_center_aktif", "kendala_sdm", "kendala_anggaran",
            "kendala_sarpras"}
TEXTS = {"uraian_kendala", "catatan"}
text_cells = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=40).map(str.strip)
values = st.fixed_dictionaries({code: st.integers(0, 1) if code in BOOLEANS else text_cells if code in TEXTS
                                else st.integers(0, 300) for code in FULL_VALUES})


def _consistent(generated: dict) -> dict:
    """Counts of a part no larger than their whole, as the form requires."""
    out = dict(generated)
    out["permohonan_tepat_waktu"] = min(out["permohonan_tepat_waktu"], out["permohonan_informasi"])
    out["unggahan_seremonial"] = min(out["unggahan_seremonial"], out["unggahan_medsos"])
    return out


def test_what_export_writes_import_reads_back_unchanged(make_report):
    jatim = Office.objects.get(code="35")

    @FAST
    @given(st.lists(values, min_size=1, max_size=3))
    def run(generated):
        offices = ["3571", "3505", "3572"][:len(generated)]
        for code, report_values in zip(offices, generated, strict=False):
            make_report(code, "2025Q2", **_consistent(report_values))
        text = export_reports_csv(region=jatim, period_code="2025Q2")
        parsed = parse_reports_csv(text)
        assert parsed.ok, [str(e) for e in parsed.errors]
        assert {row.change for row in parsed.rows} == {"sama"}
        mac = parse_reports_csv(text.replace("\n", "\r"))  # old Mac Excel line endings read the same
        assert [(row.office, row.values) for row in mac.rows] == [(row.office, row.values) for row in parsed.rows]
        by_office = {row.office.code: row.values for row in parsed.rows}
        for code, report_values in zip(offices, generated, strict=False):
            expected = _consistent(report_values)
            got = by_office[code]
            assert {k: got[k] or "" for k in TEXTS} == {k: expected[k] for k in TEXTS}
            assert all(int(got[k]) == expected[k] for k in FULL_VALUES if k not in TEXTS)

    run()


@settings(max_examples=100, deadline=None, database=None)
@given(st.text(max_size=200) | st.text(max_size=200).map(lambda t: "kode_satker,periode,tanggal_lapor\n" + t))
@example("kode_satker,periode,tanggal_lapor\n3571,٢٠٢٥Q2,2025-07-01\n")
@example("\ufeff")
@example("kode_satker,periode,tanggal_lapor\r3571,2025Q2,2025-07-01\r")  # old Mac endings: csv.Error escaped
@example('kode_satker,periode,tanggal_lapor\n"' + "a" * 200_000)  # past the csv module's cell limit
@example('kode_satker,periode,tanggal_lapor\n"3571\n')
def test_any_text_gives_rows_or_errors_with_row_and_column(text):
    parsed = parse_reports_csv(text)
    assert parsed.rows or parsed.errors
    assert all(error.row >= 1 and error.reason for error in parsed.errors)


SPOILERS = {"kode_satker": ["9999", "35", "ID", ""], "periode": ["2025Q5", "Q2-2025", "", "٢٠٢٥Q2"],
            "tanggal_lapor": ["2025-02-30", "08/07/2025", "2031-01-01", "2025-01-01"],
            "berita_website": ["-1", "lima", "1.5"], "media_center_aktif": ["mungkin", "2"]}


def test_one_spoiled_cell_is_refused_naming_its_row_and_column(make_report):
    for code in ("3571", "3505", "3572"):
        make_report(code, "2025Q2")
    lines = export_reports_csv(region=Office.objects.get(code="35"), period_code="2025Q2").splitlines()
    header = next(csv.reader([lines[0]]))

    @FAST
    @given(st.integers(1, len(lines) - 1), st.sampled_from(sorted(SPOILERS)), st.data())
    def run(line, column, data):
        cells = next(csv.reader([lines[line]]))
        cells[header.index(column)] = data.draw(st.sampled_from(SPOILERS[column]))
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(cells)
        parsed = parse_reports_csv("\n".join([*lines[:line], out.getvalue(), *lines[line + 1:]]) + "\n")
        assert {(error.row, error.column) for error in parsed.errors} == {(line + 1, column)}, parsed.errors

    run()
