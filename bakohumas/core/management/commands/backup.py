from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bakohumas.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into one archive (docs/operations.md)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", help="Archive file or folder (default: bakohumas-backup-<time>.tar.gz here)")

    def handle(self, *args, output: str | None, **options) -> None:
        try:
            path = backup_create(output=Path(output) if output else None)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(str(path))
