"""`bakohumas isbn-check VALUE [--format json|text]`: check digit, ISBN-13, hyphenation, group.
Exit status 0 for valid and invalid ISBNs alike; non-zero only for usage errors."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from bakohumas.library.isbn import check


class Command(BaseCommand):
    help = "Periksa ISBN: digit pemeriksa, ISBN-13, tanda hubung, dan kelompok (negara/bahasa)."
    requires_system_checks: list = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("value", help="ISBN-10 atau ISBN-13, boleh dengan tanda hubung")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, value: str, format: str, **options) -> None:
        result = check(value).as_contract()
        if format == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        elif result["valid"]:
            self.stdout.write(f"{result['hyphenated']} ({result['group'] or '-'})")
        else:
            self.stdout.write(f"Tidak valid: {result['reason']}")
