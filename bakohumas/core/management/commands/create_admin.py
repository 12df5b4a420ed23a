"""`bakohumas create-admin --username U --email E --name "N" [--password-stdin]`: KPU RI's first account
on a new installation (instead of `createsuperuser`), through accounts.services_manage.admin_create.
Lives here because bakohumas/accounts/management.py (the policy module) takes the name a
`management/` package there would need."""

from __future__ import annotations

import getpass
import sys

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from bakohumas.accounts.services_manage import admin_create
from bakohumas.offices.models import User


class Command(BaseCommand):
    help = ("Buat akun pertama KPU RI (superuser, satker KPU RI, peran Humas KPU RI). Kata sandi ditanyakan "
            "dua kali di terminal, atau dibaca dari standard input dengan --password-stdin.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--username", required=True, help="nama pengguna untuk masuk")
        parser.add_argument("--email", required=True, help="alamat e-mail pemilik akun")
        parser.add_argument("--name", required=True, help="nama lengkap")
        parser.add_argument("--password-stdin", action="store_true",
                            help="baca kata sandi dari baris pertama standard input (untuk skrip)")

    def handle(self, *args, username: str, email: str, name: str, password_stdin: bool, **options) -> None:
        # Checked before the password is asked: nobody types a password twice for a name that is taken.
        if User.objects.filter(username__iexact=username.strip()).exists():
            raise CommandError(f"Nama pengguna {username.strip()} sudah dipakai; tidak ada akun yang dibuat.")
        if User.objects.filter(email__iexact=email.strip()).exists():
            raise CommandError(f"Alamat e-mail {email.strip()} sudah memiliki akun; tidak ada akun yang dibuat.")
        password = self._password(password_stdin)
        try:
            user = admin_create(username=username, email=email, name=name, password=password)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        login_url = settings.BAKOHUMAS_BASE_URL + reverse("login")
        self.stdout.write(
            f"Akun {user.username} ({user.email}) dibuat: superuser, KPU RI, Humas KPU RI.\n"
            "Langkah berikutnya:\n"
            f"  1. Masuk di {login_url} sebagai {user.username} dengan kata sandi tadi.\n"
            "  2. Pasang verifikasi dua langkah: halaman pemasangan muncul saat masuk pertama kali; "
            "simpan juga kode cadangannya (Akun > Kode cadangan).\n"
            "  3. Buka Kelola akun untuk memberi akses kepada KPU Provinsi (docs/operations.md)."
        )

    def _password(self, from_stdin: bool) -> str:
        if from_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
            if not password:
                raise CommandError("Tidak ada kata sandi di standard input; tidak ada akun yang dibuat.")
            return password
        if not sys.stdin.isatty():
            raise CommandError("Tidak ada terminal untuk menanyakan kata sandi; pakai --password-stdin.")
        first = getpass.getpass("Kata sandi: ")
        if first != getpass.getpass("Ulangi kata sandi: "):
            raise CommandError("Kedua kata sandi tidak sama; tidak ada akun yang dibuat.")
        return first
