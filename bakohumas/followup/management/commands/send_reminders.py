"""`bakohumas send-reminders [--date YYYY-MM-DD]`: the daily job (cron) that e-mails the offices that
owe a quarterly report, on the days BAKOHUMAS_REMINDER_DAYS sets around each deadline."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from bakohumas.followup.reminders import reminder_days, reminders_send_scheduled


class Command(BaseCommand):
    help = "Kirim e-mail pengingat laporan triwulan ke kantor yang belum mengirim laporan (termasuk yang dikembalikan)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="Tanggal acuan YYYY-MM-DD (bawaan: hari ini).")

    def handle(self, *args, **options) -> None:
        raw = options["date"]
        today = timezone.localdate()
        if raw:
            try:
                if len(raw) != 10:
                    raise ValueError
                today = dt.date.fromisoformat(raw)
            except ValueError:
                raise CommandError(f"Tanggal {raw!r} tidak valid; gunakan bentuk YYYY-MM-DD, misalnya 2025-07-07.") from None
        sent = reminders_send_scheduled(today=today)
        if not sent:
            days = ", ".join(str(d) for d in reminder_days())
            self.stdout.write(f"{today.isoformat()}: tidak ada batas waktu laporan pada hari pengingat ({days}).")
            return
        for code, count in sent.items():
            self.stdout.write(f"{today.isoformat()}: {count} kantor diingatkan untuk periode {code}.")
