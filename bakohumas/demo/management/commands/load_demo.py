from django.core.management.base import BaseCommand

from bakohumas.demo.data import ACCOUNTS, PASSWORD, demo_load


class Command(BaseCommand):
    help = "Load the demo data (East Java 2025Q1 and 2025Q2, one account per role). Idempotent."

    def handle(self, *args, **options) -> None:
        demo_load()
        self.stdout.write("Data demo siap: Jawa Timur, Triwulan I dan II 2025 (38 KPU Kabupaten/Kota).")
        self.stdout.write("Akun demo (kata sandi sama untuk semua):")
        for account in ACCOUNTS:
            self.stdout.write(f"  {account.username:<18} {account.full_name}")
        self.stdout.write(f"  kata sandi: {PASSWORD}")
