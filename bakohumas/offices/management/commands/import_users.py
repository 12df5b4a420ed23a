"""`bakohumas import-users FILE.csv|FILE.xlsx [--no-invite]` (formats/akun.md section 2): all rows or none.
Lives in the offices app (accounts.management is the module of who manages whom, not a commands package)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bakohumas.accounts.services_onboarding import accounts_import
from bakohumas.accounts.transfer import parse_accounts


class Command(BaseCommand):
    help = "Buat atau perbarui akun pengguna dari berkas CSV/XLSX dan kirim undangan ke akun baru."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="Berkas CSV (UTF-8) atau XLSX dengan kolom sesuai formats/akun.md.")
        parser.add_argument("--no-invite", action="store_true", help="Jangan kirim e-mail undangan ke akun baru.")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Berkas {path} tidak dapat dibaca: {exc.strerror}") from None
        parsed = parse_accounts(content)
        if not parsed.ok:
            for error in parsed.errors:
                self.stderr.write(str(error))
            raise SystemExit(1)
        counts = accounts_import(parsed=parsed, actor=None, invite=not options["no_invite"], source=path.name)
        self.stdout.write(f"Akun dibuat: {counts['created']}, diperbarui: {counts['updated']}, "
                          f"diundang: {counts['invited']}")
