"""`bakohumas import-records --kind partnerships|channels --office CODE FILE`: the same check and
write as the web import (all rows or none); every problem on standard error, then one line and a
non-zero exit."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from bakohumas.core.commands import office_argument, read_file_argument
from bakohumas.records.transfer import KINDS, parse_records_file, records_import


class Command(BaseCommand):
    help = "Impor daftar kerja sama atau kanal komunikasi satu kantor dari CSV/XLSX (semua baris atau tidak sama sekali)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--kind", required=True, choices=KINDS, help="partnerships atau channels")
        parser.add_argument("--office", required=True, help="kode satker, misalnya 3571")
        parser.add_argument("file", help="berkas CSV (UTF-8) atau XLSX")

    def handle(self, *args, kind: str, office: str, file: str, **options) -> None:
        target = office_argument(office)
        path = Path(file)
        content = read_file_argument(file)
        parsed = parse_records_file(content, kind=kind, office=target)
        if parsed.errors:
            for error in parsed.errors:
                self.stderr.write(f"{path.name}: {error}")
            raise CommandError(f"{len(parsed.errors)} kesalahan di {path.name}; tidak ada data yang disimpan.")
        try:
            counts = records_import(parsed, office=target, actor=None, source=path.name)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(f"{target.name}: {counts['baru']} baru, {counts['diperbarui']} diperbarui, "
                          f"{counts['sama']} tidak berubah.")
