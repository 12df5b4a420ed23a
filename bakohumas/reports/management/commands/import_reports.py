from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bakohumas.core.commands import read_file_argument
from bakohumas.reports.csv_io import parse_reports_csv, reports_import


class Command(BaseCommand):
    help = "Import quarterly reports from a CSV file (all rows or none)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="CSV file (section 2 of the format)")

    def handle(self, *args, file: str, **options) -> None:
        path = Path(file)
        try:
            text = read_file_argument(file).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CommandError(f"Berkas {file} bukan teks UTF-8.") from None
        parsed = parse_reports_csv(text)
        if parsed.errors:
            for error in parsed.errors:
                self.stderr.write(f"{path.name}: {error}")
            raise CommandError(f"{len(parsed.errors)} kesalahan; tidak ada data yang disimpan.")
        counts = reports_import(parsed, actor=None, source=path.name)
        self.stdout.write(f"{counts['baru']} laporan baru, {counts['diganti']} diganti, {counts['sama']} tidak berubah.")
