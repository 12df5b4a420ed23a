from django.core.management.base import BaseCommand, CommandError

from bakohumas.media.services import upload_sessions_prune


class Command(BaseCommand):
    help = "Hapus unggahan bertahap yang ditinggalkan (beserta potongan berkasnya) setelah N jam."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--hours", type=int, default=48)

    def handle(self, *args, hours: int, **options) -> None:
        if hours < 1:
            raise CommandError("--hours harus minimal 1.")
        self.stdout.write(f"{upload_sessions_prune(older_than_hours=hours)} unggahan bertahap dihapus.")
