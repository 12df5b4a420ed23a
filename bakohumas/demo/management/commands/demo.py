from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, load the demo data and serve on 127.0.0.1:8000."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--national", action="store_true", help="load every province (see load-demo --national)")

    def handle(self, *args, bind: str, national: bool = False, **options) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", national=national)
        self.stdout.write(f"Buka http://{bind}/ dan masuk dengan salah satu akun di atas.")
        # The demo accounts share one published password; 2FA would only get in the way of trying it out.
        settings.BAKOHUMAS_2FA_REQUIRED = False
        self.stdout.write("Verifikasi dua langkah tidak diwajibkan di demo (pendaftaran tetap bisa di /akun/).")
        call_command("serve", bind=bind, with_worker=True)
