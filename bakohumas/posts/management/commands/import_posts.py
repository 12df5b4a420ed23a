"""`bakohumas import-posts FILE --office CODE [--format auto|csv|meta|x|tiktok|youtube]`: the same
check and write as the web import (all rows or none). Each problem goes to standard error, then one
closing line and a non-zero exit; nothing is written."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bakohumas.core.commands import office_argument, read_file_argument
from bakohumas.posts.importers import FORMATS, UnreadablePostFile, read_posts
from bakohumas.posts.services import posts_import


class Command(BaseCommand):
    help = "Impor unggahan media sosial satu kantor dari CSV kanonik atau ekspor platform (semua baris atau tidak sama sekali)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="berkas CSV kanonik, ekspor Meta Business Suite, arsip X, data TikTok atau YouTube Studio")
        parser.add_argument("--office", required=True, help="kode satker, misalnya 3571")
        parser.add_argument("--format", default="auto", choices=("auto", *FORMATS),
                            help="format berkas; auto mengenali dari isinya")

    def handle(self, *args, file: str, office: str, format: str, **options) -> None:  # noqa: A002 - the option's name
        target = office_argument(office)
        path = Path(file)
        content = read_file_argument(file)
        try:
            batch = read_posts(content, format)
        except UnreadablePostFile as exc:
            raise CommandError(f"{path.name}: {exc}") from None
        result = posts_import(office=target, rows=batch.rows, columns=batch.columns, source=batch.source,
                              actor=None, note=path.name)
        if result.errors:
            for error in result.errors:
                self.stderr.write(f"{path.name}: {error}")
            raise CommandError(f"{len(result.errors)} kesalahan di {path.name}; tidak ada data yang disimpan.")
        counts = result.counts()
        self.stdout.write(f"{target.name}: {counts['baru']} baru, {counts['diperbarui']} diperbarui, "
                          f"{counts['sama']} tidak berubah.")
