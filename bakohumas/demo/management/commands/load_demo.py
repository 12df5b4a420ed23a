from django.core.management.base import BaseCommand, CommandError

from bakohumas.demo.data import ACCOUNTS, PASSWORD, demo_load, national_demo_load
from bakohumas.offices.models import Office


class Command(BaseCommand):
    help = ("Load the demo data (East Java from 2025Q1 to the current quarter, one account per role; "
            "with --national every province). Idempotent.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--national", action="store_true",
                            help="also generate reports for the kab/kota of the other 37 provinces (slower)")

    def handle(self, *args, national: bool = False, **options) -> None:
        if not Office.objects.filter(code="35").exists():
            raise CommandError("Daftar kantor KPU belum dimuat; jalankan `bakohumas migrate` terlebih dahulu.")
        demo_load()
        self.stdout.write("Data demo siap: Jawa Timur (38 KPU Kabupaten/Kota), Triwulan I 2025 sampai triwulan berjalan;"
                          " Triwulan II 2025 sesuai Rakor Bakohumas 17 Juli 2025.")
        if national:
            written = national_demo_load()
            self.stdout.write(f"Data demo nasional siap: 38 provinsi ({written} laporan baru di luar Jawa Timur).")
        self.stdout.write("Akun demo (kata sandi sama untuk semua):")
        for account in ACCOUNTS:
            self.stdout.write(f"  {account.username:<18} {account.full_name}")
        self.stdout.write(f"  kata sandi: {PASSWORD}")
