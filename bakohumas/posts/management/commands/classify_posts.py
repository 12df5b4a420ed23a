"""`bakohumas classify-posts IN.csv --output OUT.csv`: the contract's classification of a CSV of posts
(`../shared/formats/posts.md`): every input row and column unchanged, plus `kategori` and `alasan`.

Usage errors (missing file, not UTF-8, no `teks` column, malformed CSV) print one line on standard
error and exit non-zero. The output is written to a temporary file next to it and renamed, so an
existing OUT.csv is either replaced whole or left as it was. The database is used only to include the
staff corrections in the model; without one (unreachable or not migrated) the corpus alone is used.
"""

from __future__ import annotations

import csv
import io
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bakohumas.core.commands import read_file_argument
from bakohumas.core.spreadsheet import cell_value, csv_writer

ADDED = ("kategori", "alasan")


def read_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    content = read_file_argument(str(path))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CommandError(f"Berkas {path} bukan teks UTF-8 (byte tidak sah di posisi {exc.start}); "
                           f"simpan ulang sebagai CSV UTF-8.") from None
    previous_limit = csv.field_size_limit(sys.maxsize)  # a caption may be long; restored: it is process-wide
    try:
        # Not str.splitlines(): it also splits on U+2028, U+0085, \x0c and \x1c-\x1e, which a caption
        # may contain inside a cell; the csv module's own newline handling keeps them in the cell.
        # A file written by this command before: the formula guard's apostrophe comes off (and goes on again).
        rows = [[cell_value(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:
        raise CommandError(f"Berkas {path} bukan CSV yang sah: {exc}.") from None
    finally:
        csv.field_size_limit(previous_limit)
    if not rows:
        raise CommandError(f"Berkas {path} kosong: baris judul dengan kolom 'teks' diperlukan.")
    header, body = rows[0], rows[1:]
    for number, row in enumerate(body, start=2):
        if len(row) > len(header):
            raise CommandError(f"Baris {number} berisi {len(row)} kolom, lebih banyak dari {len(header)} kolom "
                               f"judul; periksa tanda kutip di baris itu.")
    return header, body


def write_atomically(path: Path, header: list[str], rows: list[list[str]]) -> None:
    directory = path.resolve().parent
    if not directory.is_dir():
        raise CommandError(f"Folder tujuan {directory} tidak ada.")
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=directory,
                                         prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            writer = csv_writer(handle)  # text cells a spreadsheet would run as formulas get an apostrophe
            writer.writerow(header)
            writer.writerows(rows)
        os.replace(handle.name, path)
    except OSError as exc:
        Path(handle.name).unlink(missing_ok=True)
        raise CommandError(f"Berkas {path} tidak dapat ditulis: {exc.strerror}.") from None
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


class Command(BaseCommand):
    help = ("Klasifikasikan unggahan dalam CSV (kolom 'teks') sebagai informasi atau seremonial; tulis semua "
            "kolom asli ditambah 'kategori' dan 'alasan'.")
    requires_system_checks: list[str] = []  # no database needed

    def add_arguments(self, parser) -> None:
        parser.add_argument("input", help="CSV UTF-8 dengan kolom 'teks'")
        parser.add_argument("--output", required=True, help="CSV hasil (ditimpa utuh bila sudah ada)")

    def handle(self, *args, input: str, output: str, **options) -> None:
        from bakohumas.posts.classification import classify_texts, current_report

        header, body = read_rows(Path(input))
        names = [name.strip().lower() for name in header]
        if "teks" not in names:
            raise CommandError(f"Kolom 'teks' tidak ada di {input}; kolom yang ada: "
                               f"{', '.join(h for h in header if h) or '(tidak ada)'}.")
        text_index = names.index("teks")
        width = len(header)
        # A file that went through this command before: its kategori/alasan are filled again, not doubled.
        existing = {name: names.index(name) for name in ADDED if name in names}
        out_header = header + [name for name in ADDED if name not in existing]
        results = classify_texts([row[text_index] if text_index < len(row) else "" for row in body])
        out_rows = []
        for row, result in zip(body, results, strict=True):
            row = row + [""] * (width - len(row))  # rows shortened by a spreadsheet: empty trailing cells
            values = {"kategori": result.category, "alasan": result.reason}
            for name, index in existing.items():
                row[index] = values[name]
            out_rows.append(row + [values[name] for name in ADDED if name not in existing])
        write_atomically(Path(output), out_header, out_rows)
        counts = Counter(r.category for r in results)
        sources = Counter(r.source for r in results)
        report = current_report()
        note = "" if report.corrections_available else " Koreksi staf tidak terbaca; model dari korpus saja."
        self.stdout.write(f"{len(results)} unggahan: {counts['informasi']} informasi, {counts['seremonial']} "
                          f"seremonial ({sources['aturan']} oleh aturan, {sources['model']} oleh model).{note}")
