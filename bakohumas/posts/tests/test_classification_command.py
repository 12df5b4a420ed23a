"""`bakohumas classify-posts IN.csv --output OUT.csv`: every input row and column unchanged plus
`kategori` and `alasan`; usage errors as one line and a non-zero exit; the output replaced whole."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[3]


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _write(path: Path, rows: list[list[str]], *, bom: bool = False) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


ROWS = [
    ["platform", "akun", "tanggal", "url", "teks", "suka", "sebutan"],
    ["instagram", "kpukotakediri", "2025-03-30", "https://instagram.com/p/1",
     "Selamat Hari Raya Idul Fitri 1446 H.\nMohon maaf lahir dan batin 🙏", "120", "kpu_ri"],
    ["website", "kota-kediri.kpu.go.id", "2025-06-24T09:00:00+07:00", "https://kota-kediri.kpu.go.id/berita/1",
     'Pantarlih mulai "coklit", 24 Juni s.d. 24 Juli; sambut di rumahmu, ya', "", ""],
    ["x", "kpukediri", "2025-08-17", "https://x.com/kpukediri/status/1",
     "Dirgahayu RI ke-80! Pendaftaran PPS dibuka 1–5 Mei, café é ü", "3", "kpujatim kpu_ri"],
]


@pytest.mark.django_db
def test_every_row_and_column_is_kept_and_two_are_added(tmp_path):
    source = _write(tmp_path / "in.csv", ROWS, bom=True)
    out = tmp_path / "out.csv"
    call_command("classify_posts", str(source), output=str(out))
    rows = _read(out)
    assert rows[0] == ROWS[0] + ["kategori", "alasan"]
    assert [row[:-2] for row in rows[1:]] == ROWS[1:]  # unicode, quotes, commas and newlines intact
    assert [row[-2] for row in rows[1:]] == ["seremonial", "informasi", "informasi"]
    assert all(row[-1].endswith(".") for row in rows[1:])
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.django_db
@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\x1c", "\x1d", "\x1e", "\x0b"])
def test_unicode_line_separators_inside_a_cell_stay_in_the_cell(tmp_path, separator):
    # Instagram captions carry U+2028; str.splitlines() would cut the row in two.
    rows = [["teks", "url"], [f"Jadwal coklit{separator}mulai 24 Juni", "https://instagram.com/p/1"],
            [f"Selamat{separator}Hari Pahlawan", "https://instagram.com/p/2"]]
    source = _write(tmp_path / "in.csv", rows)
    out = tmp_path / "out.csv"
    call_command("classify_posts", str(source), output=str(out))
    result = _read(out)
    assert len(result) == 3
    assert [row[:2] for row in result] == rows


def test_short_rows_are_padded_and_a_classified_file_can_be_classified_again(tmp_path):
    source = _write(tmp_path / "in.csv", [["teks", "catatan"], ["Selamat Hari Pahlawan 10 November"]])
    out = tmp_path / "out.csv"
    call_command("classify_posts", str(source), output=str(out))
    assert _read(out)[1][:3] == ["Selamat Hari Pahlawan 10 November", "", "seremonial"]
    call_command("classify_posts", str(out), output=str(out))  # kategori/alasan filled again, not doubled
    assert _read(out)[0] == ["teks", "catatan", "kategori", "alasan"]


@pytest.mark.parametrize(("content", "message"), [
    (b"platform,akun,caption\ninstagram,kpu,Halo\n", "Kolom 'teks' tidak ada"),
    (b"teks\n\xff\xfeSelamat\n", "bukan teks UTF-8"),
    (b"", "kosong"),
    (b"teks\n\"a\",\"b\"\n", "lebih banyak"),
])
def test_bad_input_is_one_clear_line(tmp_path, content, message):
    source = tmp_path / "in.csv"
    source.write_bytes(content)
    out = tmp_path / "out.csv"
    out.write_text("sebelumnya\n", encoding="utf-8")
    with pytest.raises(CommandError, match=message) as error:
        call_command("classify_posts", str(source), output=str(out))
    assert "\n" not in str(error.value)
    assert out.read_text(encoding="utf-8") == "sebelumnya\n"  # an earlier output is left alone
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))  # no temporary file left


def test_a_missing_file_or_folder(tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("classify_posts", str(tmp_path / "tidak-ada.csv"), output=str(tmp_path / "out.csv"))
    source = _write(tmp_path / "in.csv", [["teks"], ["Selamat Natal"]])
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("classify_posts", str(source), output=str(tmp_path / "tidak-ada" / "out.csv"))


def test_the_command_line_prints_one_line_on_stderr_and_fails(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("platform,caption\ninstagram,Halo\n", encoding="utf-8")
    env = {**os.environ, "BAKOHUMAS_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "bakohumas.cli", "classify-posts", str(source), "--output",
                           str(tmp_path / "out.csv")], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "Kolom 'teks' tidak ada" in done.stderr
    assert not (tmp_path / "out.csv").exists()


HOSTILE_TEKS = "=HYPERLINK(\"http://contoh.test\",\"Jadwal coklit\")"


@pytest.mark.django_db
def test_the_output_guards_formulas_and_reads_back_unchanged(tmp_path):
    from bakohumas.posts.importers.tables import read_canonical

    source = _write(tmp_path / "in.csv", [ROWS[0], ROWS[1][:4] + [HOSTILE_TEKS, "12", "@kpu_ri"]])
    out = tmp_path / "out.csv"
    call_command("classify_posts", str(source), output=str(out))
    first = _read(out)
    assert first[1][4:7] == ["'" + HOSTILE_TEKS, "12", "'@kpu_ri"]  # text, not a formula, in a spreadsheet
    call_command("classify_posts", str(out), output=str(out))  # classified again: one apostrophe, not two
    assert _read(out) == first
    batch = read_canonical(out.read_bytes())  # the web import of the output reads the original text
    assert batch.rows[0].values["teks"] == HOSTILE_TEKS and batch.rows[0].values["sebutan"] == "@kpu_ri"


def test_the_corpus_reads_a_guarded_file_back(tmp_path):
    from bakohumas.core.spreadsheet import csv_dict_writer
    from bakohumas.posts.classification.corpus import load_corpus

    path = tmp_path / "korpus.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv_dict_writer(handle, ["teks", "kategori", "catatan", "kelompok"])
        writer.writeheader()
        writer.writerow({"teks": "@kpu_ri Jadwal coklit", "kategori": "informasi", "catatan": "-", "kelompok": "a-1"})
    assert "'@kpu_ri" in path.read_text(encoding="utf-8")
    example = load_corpus(path)[0]
    assert example.text == "@kpu_ri Jadwal coklit" and example.note == "-"
