"""`bakohumas check-media FILE [FILE...] [--format json|text]`: the upload's quality checks on files
on disk (contract: ../shared/formats/media-checks.md). Exit 0 whenever the files were examined —
a missing or unreadable file is reported as `invalid` like any other bad file; only usage errors
(no file, an unknown format) end with a non-zero status."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from bakohumas.quality.media_checks import examine
from bakohumas.quality.standard import current_standard

SYMBOLS = {"lulus": "✓", "peringatan": "!", "gagal": "✗"}


class Command(BaseCommand):
    help = "Periksa mutu foto dan video dengan standar mutu nasional."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="foto atau video yang diperiksa")
        parser.add_argument("--format", choices=["json", "text"], default="text",
                            help="json (sesuai kontrak) atau text (untuk dibaca; bawaan)")

    def handle(self, *args, **options) -> None:
        standard = current_standard()  # read once for the whole batch
        entries = []
        for name in options["files"]:
            entries.append({"file": name, **examine(name, standard=standard).as_dict()})
        if options["format"] == "json":
            self.stdout.write(json.dumps(entries, ensure_ascii=False, indent=2))
            return
        for entry in entries:
            self.stdout.write(f"{entry['file']}: {entry['kind']}, {_('nilai')} {entry['grade']}")
            for check in entry["checks"]:
                self.stdout.write(f"  {SYMBOLS[check['status']]} {check['code']}: {check['detail']}")
