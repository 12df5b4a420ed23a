from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from bakohumas.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup archive made by `bakohumas backup`: database and uploaded files."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="The backup archive")
        parser.add_argument("--yes", action="store_true", help="Overwrite a database that is not empty")

    def handle(self, *args, path: str, yes: bool, **options) -> None:
        try:
            result = backup_restore(path=Path(path), confirmed=yes)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(_("Dipulihkan dari cadangan %(created)s (Bakohumas %(version)s).")
                          % {"created": result.manifest["created_at"], "version": result.manifest["app_version"]})
        if result.pending_migrations:
            self.stdout.write(_("Cadangan ini dari versi lebih lama: jalankan `bakohumas migrate`."))
