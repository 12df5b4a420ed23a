from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bakohumas.core.periods import InvalidPeriod, Quarter
from bakohumas.offices.models import Office
from bakohumas.reports.csv_io import export_reports_csv


class Command(BaseCommand):
    help = "Export the quarterly reports of a region and period as CSV."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--region", required=True, help="province or kab/kota code, or ID for all")
        parser.add_argument("--period", required=True, help="YYYYQn, e.g. 2025Q2")
        parser.add_argument("file", help="output CSV file ('-' for standard output)")

    def handle(self, *args, region: str, period: str, file: str, **options) -> None:
        try:
            quarter = Quarter.parse(period)
        except InvalidPeriod as exc:
            raise CommandError(str(exc)) from None
        office = Office.objects.filter(code=region).first()
        if office is None:
            raise CommandError(f"Kode wilayah {region!r} tidak dikenal.")
        body = export_reports_csv(region=office, period_code=quarter.code)
        if file == "-":
            self.stdout.write(body, ending="")
        else:
            Path(file).write_text(body, encoding="utf-8")
            self.stdout.write(f"{body.count(chr(10)) - 1} laporan ditulis ke {file}.")
