"""Import of existing lists: all-or-nothing, every problem named by row, column and reason;
the web upload previews before writing; the command says one clear line on bad input."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from bakohumas.audit.models import AuditEntry
from bakohumas.records.models import Channel, Partnership
from bakohumas.records.transfer import parse_records_file, records_import

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parents[3] / "docs" / "samples"
HEADER = "nama_mitra,jenis_mitra,bentuk,tanggal_tanda_tangan,berlaku_sampai\n"


def _xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_sample_files_import(kediri):
    for name, kind, count in (("kerja-sama-contoh.csv", "partnerships", 4), ("kanal-contoh.xlsx", "channels", 7),
                              ("kanal-contoh.csv", "channels", 3)):
        parsed = parse_records_file((SAMPLES / name).read_bytes(), kind=kind, office=kediri)
        assert parsed.ok, parsed.errors
        assert len(parsed.rows) == count
    parsed = parse_records_file((SAMPLES / "kerja-sama-contoh.csv").read_bytes(), kind="partnerships", office=kediri)
    records_import(parsed, office=kediri, actor=None, source="kerja-sama-contoh.csv")
    diskominfo = Partnership.objects.get(partner_name__startswith="Dinas Komunikasi")
    assert diskominfo.signed_on == dt.date(2023, 5, 10)  # 10/05/2023 is read day first
    assert diskominfo.valid_until is None
    assert Partnership.objects.get(partner_name__startswith="Universitas").partner_type == "pendidikan"
    assert AuditEntry.objects.filter(action="records.partnership.create").count() == 4


def test_one_bad_row_means_nothing_is_written_and_every_problem_is_named(kediri):
    content = (HEADER + "Radio A,media,mou,2025-01-01,\n"
               "Kampus B,sekolah dasar,pks,2025-13-01,\n"
               ",pemerintah,mou,2025-01-01,2024-12-31\n"
               "Radio A,media,mou,2025-01-01,\n").encode()
    parsed = parse_records_file(content, kind="partnerships", office=kediri)
    problems = {(e.row, e.column) for e in parsed.errors}
    assert {(3, "jenis_mitra"), (3, "tanggal_tanda_tangan"), (4, "nama_mitra"), (4, "berlaku_sampai"),
            (5, "nama_mitra")} <= problems
    assert all(e.reason for e in parsed.errors)
    with pytest.raises(ValueError):
        records_import(parsed, office=kediri, actor=None, source="x.csv")
    assert not Partnership.objects.exists()


def test_it_names_missing_and_unknown_columns_in_the_header(kediri):
    parsed = parse_records_file(b"jenis,akun\ninstagram,@a\n", kind="channels", office=kediri)
    assert {(e.row, e.column) for e in parsed.errors} == {(1, "nama_akun"), (1, "akun")}


def test_it_rejects_a_file_that_is_neither_csv_nor_xlsx(kediri):
    parsed = parse_records_file(b"%PDF-1.4\x00\x00binary", kind="channels", office=kediri)
    assert not parsed.ok and parsed.errors[0].row == 1


def test_xlsx_dates_and_semicolon_csv_are_read(kediri):
    content = _xlsx([["jenis", "nama_akun", "aktif_sejak"], ["Instagram", "@kpukotakediri", dt.datetime(2020, 1, 5)],
                     [None, None, None]])
    parsed = parse_records_file(content, kind="channels", office=kediri)
    assert parsed.ok, parsed.errors
    assert parsed.rows[0].data == {"kind": "instagram", "handle": "@kpukotakediri", "active_since": dt.date(2020, 1, 5)}
    parsed = parse_records_file(b"jenis;nama_akun\ntwitter;@kpukotakediri\n", kind="channels", office=kediri)
    assert parsed.ok and parsed.rows[0].data["kind"] == "x"


def test_a_row_matching_an_existing_record_updates_it(kediri, make_channel):
    channel = make_channel(kediri, "instagram", "@KPUKotaKediri")
    content = b"jenis,nama_akun,pengelola\ninstagram,@kpukotakediri,Operator humas\ninstagram,@kpukotakediri2,\n"
    parsed = parse_records_file(content, kind="channels", office=kediri)
    assert [r.change for r in parsed.rows] == ["diperbarui", "baru"]
    assert records_import(parsed, office=kediri, actor=None, source="x.csv") == {"baru": 1, "diperbarui": 1, "sama": 0}
    channel.refresh_from_db()
    assert channel.managed_by == "Operator humas"
    again = parse_records_file(content, kind="channels", office=kediri)
    assert [r.change for r in again.rows] == ["sama", "sama"]


def test_the_web_import_previews_then_writes_on_confirmation(client, operator, kediri):
    client.force_login(operator)
    url = reverse("records:import", args=["3571"])
    upload = SimpleUploadedFile("kanal.xlsx", (SAMPLES / "kanal-contoh.xlsx").read_bytes())
    response = client.post(url, {"kind": "channels", "file": upload})
    assert response.status_code == 200
    assert b"Pratinjau" in response.content and not Channel.objects.exists()
    token = response.context["token"]
    response = client.post(reverse("records:import_confirm", args=["3571"]), {"token": token})
    assert response.status_code == 302 and response.url == reverse("records:channel_list", args=["3571"])
    assert Channel.objects.filter(office=kediri).count() == 7


def test_the_web_import_shows_every_error_and_writes_nothing(client, operator):
    client.force_login(operator)
    upload = SimpleUploadedFile("kerja-sama.csv", (HEADER + "Radio A,koran,mou,kemarin,\n").encode())
    response = client.post(reverse("records:import", args=["3571"]), {"kind": "partnerships", "file": upload})
    assert response.status_code == 400
    assert b"tidak ada data yang disimpan" in response.content
    assert b"jenis_mitra" in response.content and b"tanggal_tanda_tangan" in response.content
    assert not Partnership.objects.exists()


def test_the_command_imports_and_fails_loudly_on_bad_input(kediri, tmp_path, capsys):
    call_command("import_records", "--kind", "partnerships", "--office", "3571", str(SAMPLES / "kerja-sama-contoh.csv"))
    assert Partnership.objects.filter(office=kediri).count() == 4
    bad = tmp_path / "buruk.csv"
    bad.write_text(HEADER + "Radio B,koran,mou,2025-01-01,\n")
    with pytest.raises(CommandError, match="tidak ada data yang disimpan"):
        call_command("import_records", "--kind", "partnerships", "--office", "3571", str(bad))
    assert "baris 2, kolom jenis_mitra" in capsys.readouterr().err
    with pytest.raises(CommandError, match="tidak dikenal"):
        call_command("import_records", "--kind", "channels", "--office", "9999", str(bad))
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("import_records", "--kind", "channels", "--office", "3571", str(tmp_path / "tidak-ada.csv"))
    assert Partnership.objects.filter(office=kediri).count() == 4


def test_a_blank_cell_on_an_existing_record_leaves_its_value(kediri, make_partnership, make_channel):
    partnership = make_partnership(kediri, "media", dt.date(2024, 1, 10), dt.date(2025, 12, 31), name="Radio A",
                                   number="001/MoU/2024", scope="Siaran pemilu")
    content = (b"nama_mitra,jenis_mitra,bentuk,nomor,ruang_lingkup,tanggal_tanda_tangan,berlaku_sampai\n"
               b"radio a,media,mou,,Siaran pemilu dan pilkada,2024-01-10,\n")
    parsed = parse_records_file(content, kind="partnerships", office=kediri)
    assert parsed.ok, parsed.errors
    [row] = parsed.rows
    assert row.change == "diperbarui"
    assert row.changed_columns == ["nama_mitra", "ruang_lingkup"]  # not nomor, not berlaku_sampai
    records_import(parsed, office=kediri, actor=None, source="x.csv")
    partnership.refresh_from_db()
    assert partnership.valid_until == dt.date(2025, 12, 31)  # not made open-ended
    assert partnership.number == "001/MoU/2024"
    assert partnership.scope == "Siaran pemilu dan pilkada"
    channel = make_channel(kediri, "instagram", "@kpukotakediri", until=dt.date(2024, 6, 30), managed_by="Humas")
    parsed = parse_records_file(b"jenis,nama_akun,aktif_sampai,pengelola\ninstagram,@kpukotakediri,,\n",
                                kind="channels", office=kediri)
    assert [r.change for r in parsed.rows] == ["sama"]
    records_import(parsed, office=kediri, actor=None, source="x.csv")
    channel.refresh_from_db()
    assert channel.active_until == dt.date(2024, 6, 30) and channel.managed_by == "Humas"


def test_a_blank_cell_on_a_new_record_stays_blank(kediri):
    parsed = parse_records_file((HEADER + "Radio Baru,media,mou,2025-01-01,\n").encode(), kind="partnerships",
                                office=kediri)
    records_import(parsed, office=kediri, actor=None, source="x.csv")
    assert Partnership.objects.get().valid_until is None


def test_the_preview_names_the_columns_that_change(client, operator, kediri, make_channel):
    make_channel(kediri, "instagram", "@kpukotakediri", managed_by="Humas")
    client.force_login(operator)
    upload = SimpleUploadedFile("kanal.csv", b"jenis,nama_akun,tautan,pengelola\n"
                                             b"instagram,@kpukotakediri,https://instagram.com/kpukotakediri,\n")
    response = client.post(reverse("records:import", args=["3571"]), {"kind": "channels", "file": upload})
    assert response.status_code == 200
    assert "diperbarui: <code>tautan</code>" in response.content.decode()
    assert "sel yang kosong" in response.content.decode()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_file_with_too_many_rows_stops_being_read_at_the_limit(kediri, kind, monkeypatch):
    from bakohumas.records import transfer

    monkeypatch.setattr(transfer, "MAX_ROWS", 5)
    rows = [["jenis", "nama_akun"]] + [["instagram", f"@akun{i}"] for i in range(1000)]
    content = (_xlsx(rows) if kind == "xlsx" else "\n".join(",".join(r) for r in rows).encode())
    header, read = transfer.read_table(content)
    assert header == ["jenis", "nama_akun"] and len(read) == 6  # the limit + 1, not 1000
    parsed = parse_records_file(content, kind="channels", office=kediri)
    assert [(e.row, str(e.reason)) for e in parsed.errors] == [(7, "Terlalu banyak baris (maks 5).")]
    exact = parse_records_file(b"\n".join(b",".join(r.encode() for r in row) for row in rows[:6]),
                               kind="channels", office=kediri)
    assert exact.ok and len(exact.rows) == 5


def test_a_file_with_too_many_columns_is_refused(kediri):
    wide = ",".join(["jenis", "nama_akun"] + [f"kolom{i}" for i in range(60)]).encode() + b"\ninstagram,@a\n"
    parsed = parse_records_file(wide, kind="channels", office=kediri)
    assert [(e.row, e.reason) for e in parsed.errors] == [(1, "Terlalu banyak kolom (maks 50).")]
    xlsx = _xlsx([["jenis", "nama_akun"] + [f"kolom{i}" for i in range(60)], ["instagram", "@a"]])
    assert not parse_records_file(xlsx, kind="channels", office=kediri).ok
    trailing = b"jenis,nama_akun" + b"," * 200 + b"\ninstagram,@a\n"  # empty columns a spreadsheet left behind
    assert parse_records_file(trailing, kind="channels", office=kediri).ok


def test_a_csv_with_an_endless_cell_is_one_readable_error(kediri):
    content = b'jenis,nama_akun\ninstagram,"@a' + b"x" * 200_000 + b"\n"
    parsed = parse_records_file(content, kind="channels", office=kediri)
    assert [e.row for e in parsed.errors] == [1] and "tanda kutip" in parsed.errors[0].reason
