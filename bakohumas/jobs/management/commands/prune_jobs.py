from django.core.management.base import BaseCommand, CommandError

from bakohumas.jobs.services import jobs_prune


class Command(BaseCommand):
    help = "Hapus pekerjaan latar belakang (dan berkasnya) yang lebih tua dari N hari."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days: int, **options) -> None:
        if days < 1:
            raise CommandError("--days harus minimal 1.")
        self.stdout.write(f"{jobs_prune(older_than_days=days)} pekerjaan dihapus.")
