"""Website news from feeds and sitemaps, served by a local HTTP server."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bakohumas.jobs.models import Job
from bakohumas.jobs.services import job_request
from bakohumas.posts import feeds as feeds_module
from bakohumas.posts.feeds import JOB_KIND, feed_create, feed_fetch, feeds_fetch_all
from bakohumas.posts.models import Feed, Post

pytestmark = pytest.mark.django_db

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>KPU Kota Kediri</title><link>https://kota-kediri.kpu.go.id</link>
<item><title>Jadwal Coklit Pilkada 2025</title><link>https://kota-kediri.kpu.go.id/berita/jadwal-coklit</link>
<description>&lt;p&gt;Petugas &lt;b&gt;pantarlih&lt;/b&gt; mendatangi rumah warga mulai 20 Juli.&lt;/p&gt;</description>
<pubDate>Wed, 16 Jul 2025 03:00:00 +0000</pubDate></item>
<item><title>Selamat Hari Bhayangkara</title><link>https://kota-kediri.kpu.go.id/berita/bhayangkara</link>
<pubDate>Tue, 01 Jul 2025 01:00:00 +0000</pubDate></item>
<item><title>Tanpa tanggal</title><link>https://kota-kediri.kpu.go.id/berita/tanpa-tanggal</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>KPU</title><id>urn:x</id><updated>2025-07-18T00:00:00Z</updated>
<entry><title>Sosialisasi pemilih pemula</title><link href="https://kota-kediri.kpu.go.id/berita/pemula"/>
<id>urn:1</id><updated>2025-07-18T02:00:00Z</updated><summary>Di SMA Negeri 2 Kediri.</summary></entry></feed>"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://kota-kediri.kpu.go.id/berita/rapat-pleno-dpt</loc><lastmod>2025-07-20</lastmod>
<news:news><news:publication_date>2025-07-19T10:00:00+07:00</news:publication_date><news:title>Rapat pleno DPT &secret;</news:title></news:news></url>
<url><loc>https://kota-kediri.kpu.go.id/berita/pengumuman-hasil-seleksi-ppk</loc><lastmod>2025-07-21T08:00:00+07:00</lastmod></url>
<url><loc>https://kota-kediri.kpu.go.id/profil</loc></url>
</urlset>"""


class Site:
    """Pages by path; change them between fetches."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, bytes]] = {}


@pytest.fixture
def site():
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            status, body = state.pages.get(self.path, (404, b"not found"))
            self.send_response(status)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_port}"  # type: ignore[attr-defined]
    yield state
    server.shutdown()
    server.server_close()


def test_it_imports_rss_items_as_website_posts(site, kediri, kediri_channels):
    site.pages["/rss"] = (200, RSS.encode())
    feed = feed_create(office=kediri, url=f"{site.base}/rss", kind="feed", actor=None)
    assert feed_fetch(feed) == 2  # the item without a date is skipped
    post = Post.objects.get(url="https://kota-kediri.kpu.go.id/berita/jadwal-coklit")
    assert (post.platform, post.account, post.source, post.channel) == (
        "website", "kota-kediri.kpu.go.id", "feed", kediri_channels["website"])
    assert post.text == "Jadwal Coklit Pilkada 2025. Petugas pantarlih mendatangi rumah warga mulai 20 Juli."
    assert Post.objects.get(url__endswith="bhayangkara").category == "seremonial"
    feed.refresh_from_db()
    assert (feed.last_count, feed.last_error) == (2, "") and feed.last_fetched_at


def test_it_reads_atom_and_sitemaps_without_resolving_entities(site, kediri):
    site.pages["/atom"] = (200, ATOM.encode())
    site.pages["/sitemap.xml"] = (200, SITEMAP.encode())
    feed_create(office=kediri, url=f"{site.base}/atom", kind="feed", actor=None)
    feed_create(office=kediri, url=f"{site.base}/sitemap.xml", kind="sitemap", actor=None)
    feeds_fetch_all()
    assert Post.objects.get(url__endswith="/pemula").text == "Sosialisasi pemilih pemula. Di SMA Negeri 2 Kediri."
    pleno = Post.objects.get(url__endswith="rapat-pleno-dpt")
    assert "root:" not in pleno.text and pleno.text.startswith("Rapat pleno DPT")
    assert Post.objects.get(url__endswith="seleksi-ppk").text == "pengumuman hasil seleksi ppk"
    assert not Post.objects.filter(url__endswith="/profil").exists()  # no date: not counted


@pytest.mark.parametrize(("status", "body", "message"), [
    (500, b"oops", "500"), (200, b"<html><body>Situs sedang dalam perbaikan</body></html>", "bukan RSS"),
    (200, b"<?xml version='1.0'?><urlset><url><loc>x", "XML"), (404, b"", "404")])
def test_a_broken_feed_records_a_clear_error_and_keeps_earlier_posts(site, kediri, status, body, message):
    site.pages["/rss"] = (200, RSS.encode())
    feed = feed_create(office=kediri, url=f"{site.base}/rss", kind="feed", actor=None)
    feed_fetch(feed)
    site.pages["/rss"] = (status, body)
    assert feed_fetch(feed) == 0
    assert message in feed.last_error and feed.last_count == 2
    assert Post.objects.count() == 2


def test_a_feed_larger_than_the_limit_is_refused(site, kediri, monkeypatch):
    monkeypatch.setattr(feeds_module, "FETCH_MAX_BYTES", 100)
    site.pages["/rss"] = (200, RSS.encode())
    feed = feed_create(office=kediri, url=f"{site.base}/rss", kind="feed", actor=None)
    assert feed_fetch(feed) == 0 and "lebih besar" in feed.last_error


def test_an_unreachable_server_is_an_error_on_the_feed(kediri):
    feed = feed_create(office=kediri, url="http://127.0.0.1:9/rss", kind="feed", actor=None)
    assert feed_fetch(feed) == 0 and "tidak dapat diambil" in Feed.objects.get().last_error


def test_the_background_job_fetches_the_office_feeds(site, kediri, operator, django_capture_on_commit_callbacks):
    site.pages["/rss"] = (200, RSS.encode())
    feed_create(office=kediri, url=f"{site.base}/rss", kind="feed", actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        job = job_request(user=operator, kind=JOB_KIND, title="Ambil feed", params={"office": "3571"})
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and b"\t2\tok" in job.file.read()
    assert Post.objects.count() == 2


def test_a_duplicate_feed_is_refused(kediri):
    from django.core.exceptions import ValidationError

    feed_create(office=kediri, url="https://kota-kediri.kpu.go.id/feed", kind="feed", actor=None)
    with pytest.raises(ValidationError):
        feed_create(office=kediri, url="https://kota-kediri.kpu.go.id/feed", kind="feed", actor=None)
