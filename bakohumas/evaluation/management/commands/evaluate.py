from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bakohumas.core.periods import InvalidPeriod, Quarter
from bakohumas.evaluation.engine import MISSING_RULES, EvaluationError, evaluate
from bakohumas.evaluation.render_text import render_table
from bakohumas.offices.models import Office
from bakohumas.reports.models import Period

FORMATS = ("json", "table")


class Command(BaseCommand):
    help = "Evaluate the quarterly reports of a province (or the whole country)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--period", required=True, help="YYYYQn, e.g. 2025Q2")
        parser.add_argument("--region", help="province code (e.g. 35); without it the whole country")
        parser.add_argument("--missing-rule", default="carry_forward", help=" or ".join(MISSING_RULES))
        parser.add_argument("--format", default="table", help=" | ".join(FORMATS))
        parser.add_argument("--output", help="write to this file instead of standard output")

    def handle(self, *args, period: str, region: str | None, missing_rule: str, format: str,
               output: str | None, **options) -> None:
        if format not in FORMATS:
            raise CommandError(f"Format {format!r} tidak dikenal; pilih salah satu: {', '.join(FORMATS)}.")
        if missing_rule not in MISSING_RULES:
            raise CommandError(f"Aturan {missing_rule!r} tidak dikenal; pilih {' atau '.join(MISSING_RULES)}.")
        try:
            code = Quarter.parse(period).code
        except InvalidPeriod as exc:
            raise CommandError(str(exc)) from None
        period_obj = Period.objects.filter(code=code).first()
        if period_obj is None:
            raise CommandError(f"Periode {code} belum ada di basis data (belum ada laporan atau periode dibuka).")
        office = None
        if region and region != Office.NATIONAL_CODE:
            office = Office.objects.filter(code=region).first()
            if office is None:
                raise CommandError(f"Kode wilayah {region!r} tidak dikenal.")
        try:
            result = evaluate(period=period_obj, region=office, missing_rule=missing_rule)
        except EvaluationError as exc:
            raise CommandError(str(exc)) from None
        text = (json.dumps(result.as_json(), ensure_ascii=False, indent=2) + "\n" if format == "json"
                else render_table(result))
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
