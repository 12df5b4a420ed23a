from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Check the installation for production: Django's deployment checks and Bakohumas's own "
            "(docs/operations.md). Non-zero exit on any error; warnings are printed.")

    def handle(self, *args, **options) -> None:
        call_command("check", deploy=True, fail_level="ERROR", stdout=self.stdout, stderr=self.stderr)
