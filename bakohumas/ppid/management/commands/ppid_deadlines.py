"""`bakohumas ppid-deadlines --received 2025-03-27 [--rule uu_kip|pemilu] --format json`"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from bakohumas.ppid.deadlines import UnknownRule, active_rule_set, deadlines_for


class Command(BaseCommand):
    help = "Hitung batas waktu pemberitahuan tertulis PPID untuk tanggal permohonan diterima."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--received", required=True, help="Tanggal diterima, YYYY-MM-DD.")
        # Validated here rather than with argparse `choices`, so a bad value gives one clear line.
        parser.add_argument("--rule", default="uu_kip", help="Kode aturan: uu_kip (bawaan) atau pemilu.")
        parser.add_argument("--format", default="json", help="Format keluaran: json (bawaan) atau text.")

    def handle(self, *args, **options) -> None:
        raw = options["received"]
        try:
            received = dt.date.fromisoformat(raw)
            if len(raw) != 10:
                raise ValueError
        except ValueError:
            raise CommandError(f"Tanggal {raw!r} tidak valid; gunakan bentuk YYYY-MM-DD, misalnya 2025-03-27.") from None
        if options["format"] not in ("json", "text"):
            raise CommandError(f"Format {options['format']!r} tidak dikenal; gunakan json atau text.")
        try:
            rule = active_rule_set(options["rule"])
        except UnknownRule as exc:
            raise CommandError(str(exc)) from None
        result = deadlines_for(received, rule, None).as_contract()
        if options["format"] == "json":
            self.stdout.write(json.dumps(result))
        else:
            self.stdout.write(f"Diterima {result['received']} ({result['rule']}): pemberitahuan paling lambat "
                              f"{result['notice_due']}, jika diperpanjang {result['extended_due']}")
