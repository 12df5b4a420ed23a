"""`bakohumas fetch-feeds [--office CODE]`: fetch every website feed and sitemap now (for a daily
cron entry). Each feed's outcome is kept on it and printed; a broken feed does not stop the others,
and the exit status is non-zero only when every feed failed."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from bakohumas.core.commands import office_argument
from bakohumas.posts.feeds import feeds_fetch_all


class Command(BaseCommand):
    help = "Ambil berita website dari semua feed RSS/Atom dan sitemap yang tercatat."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--office", help="hanya feed kantor ini (kode satker)")

    def handle(self, *args, office: str | None, **options) -> None:
        target = office_argument(office) if office else None
        feeds = feeds_fetch_all(office=target)
        failed = 0
        for feed in feeds:
            feed.refresh_from_db()
            if feed.last_error:
                failed += 1
                self.stderr.write(f"{feed.office.code} {feed.url}: {feed.last_error}")
            else:
                note = f" {feed.last_note}" if feed.last_note else ""
                self.stdout.write(f"{feed.office.code} {feed.url}: {feed.last_count} berita.{note}")
        if feeds and failed == len(feeds):
            raise CommandError(f"Semua {failed} feed gagal diambil.")
        self.stdout.write(f"{len(feeds) - failed} dari {len(feeds)} feed diambil.")
