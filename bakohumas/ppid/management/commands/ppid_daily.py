from django.core.management.base import BaseCommand

from bakohumas.ppid.reminders import ppid_reminders_send
from bakohumas.ppid.services import exempt_entries_reopen_expired


class Command(BaseCommand):
    help = "Daily PPID chores: reopen expired exemptions (DIK) and remind offices of due requests."

    def handle(self, *args, **options) -> None:
        reopened = exempt_entries_reopen_expired()
        reminded = ppid_reminders_send()
        self.stdout.write(f"{reopened} pengecualian dibuka kembali; {reminded} kantor diingatkan.")
