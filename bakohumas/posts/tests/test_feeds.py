"""Website news from feeds and sitemaps, served by a local HTTP server."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bakohumas.faketime_testing import needs_timed_waits
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
def site(private_feeds):
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            status, body = state.pages.get(self.path, (404, b"not found"))
            self.send_response(status)
            if 300 <= status < 400:  # the body is where to
                self.send_header("Location", body.decode())
                body = b""
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
    (200, b"<?xml version='1.0'?><urlset><url><loc>x", "XML"), (404, b"", "Server menjawab 404 (tidak ditemukan).")])
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


def test_an_unreachable_server_is_an_error_on_the_feed(kediri, private_feeds):
    feed = feed_create(office=kediri, url="http://127.0.0.1:9/rss", kind="feed", actor=None)
    assert feed_fetch(feed) == 0
    assert Feed.objects.get().last_error == "Feed tidak dapat diambil: server menolak sambungan."


def test_the_background_job_fetches_the_office_feeds(site, kediri, operator, django_capture_on_commit_callbacks):
    site.pages["/rss"] = (200, RSS.encode())
    feed_create(office=kediri, url=f"{site.base}/rss", kind="feed", actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        job = job_request(user=operator, kind=JOB_KIND, title="Ambil feed", params={"office": "3571"})
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and b"\t2\tok" in job.file.read()
    assert Post.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_fetches_the_feeds(settings, site, kediri, operator, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": settings.TASK_BACKENDS["database"]}}
    site.pages["/rss"] = (200, RSS.encode())
    feed_create(office=kediri, url=f"{site.base}/rss", kind="feed", actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        job = job_request(user=operator, kind=JOB_KIND, title="Ambil feed", params={"office": "3571"})
    assert Post.objects.count() == 0  # queued, not run in the request
    call_command("worker", "--burst", verbosity=0)  # `bakohumas worker`: db_worker
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and Post.objects.count() == 2


def test_a_duplicate_feed_is_refused(kediri):
    from django.core.exceptions import ValidationError

    feed_create(office=kediri, url="https://kota-kediri.kpu.go.id/feed", kind="feed", actor=None)
    with pytest.raises(ValidationError):
        feed_create(office=kediri, url="https://kota-kediri.kpu.go.id/feed", kind="feed", actor=None)


# --- addresses a feed may not reach ---------------------------------------------------------------

@pytest.mark.parametrize(("url", "message"), [
    ("http://127.0.0.1/rss", "jaringan internal"), ("http://169.254.169.254/latest/meta-data", "jaringan internal"),
    ("http://192.168.1.10/feed", "jaringan internal"), ("http://[::1]/feed", "jaringan internal"),
    ("https://kota-kediri.kpu.go.id:8443/feed", "port 80"), ("ftp://kota-kediri.kpu.go.id/feed", "http://")])
def test_a_feed_on_an_internal_address_or_odd_port_is_refused(kediri, url, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match=message):
        feed_create(office=kediri, url=url, kind="feed", actor=None)
    assert not Feed.objects.exists()


@pytest.mark.parametrize("host", [
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
    "2002:c0a8:10a::1",  # 6to4 of 192.168.1.10
    "2002:a9fe:a9fe::",  # 6to4 of 169.254.169.254
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "::ffff:127.0.0.1",  # IPv4-mapped
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
])
def test_an_ipv6_form_of_an_internal_ipv4_address_is_refused(kediri, host, monkeypatch):
    import socket

    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="jaringan internal"):
        feed_create(office=kediri, url=f"http://[{host}]/feed", kind="feed", actor=None)
    monkeypatch.setattr(socket, "getaddrinfo", lambda h, port, *args, **kwargs: [
        (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (host, port, 0, 0))])
    feed = Feed.objects.create(office=kediri, url="http://berita.contoh.id/rss", kind="feed")
    assert feed_fetch(feed) == 0 and "jaringan internal" in feed.last_error


@pytest.mark.parametrize(("address", "public"), [
    ("64:ff9b::808:808", True), ("2002:808:808::1", True), ("2606:4700::1111", True), ("8.8.8.8", True),
    ("64:ff9b::7f00:1", False), ("2002:7f00:1::", False)])
def test_an_embedded_ipv4_address_is_judged_by_itself(address, public):
    import ipaddress

    assert feeds_module._public(ipaddress.ip_address(address)) is public


def test_a_host_name_that_resolves_to_loopback_is_refused_when_fetched(kediri, monkeypatch):
    import socket

    def resolve(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    feed = Feed.objects.create(office=kediri, url="http://berita.contoh.id/rss", kind="feed")
    assert feed_fetch(feed) == 0
    assert feed.last_error == ("Alamat berita.contoh.id menunjuk ke jaringan internal (127.0.0.1); feed hanya "
                               "diambil dari alamat internet publik.")


def test_a_redirect_is_checked_again(site, kediri, settings, monkeypatch):
    """The first address passes; the redirect to an internal one (or another scheme) is refused."""
    settings.POSTS_FEEDS_ALLOW_PRIVATE = False
    port = int(site.base.rsplit(":", 1)[1])
    monkeypatch.setattr(feeds_module, "ALLOWED_PORTS", frozenset({None, 80, 443, port}))
    real_public = feeds_module._public
    monkeypatch.setattr(feeds_module, "_public", lambda ip: str(ip) == "127.0.0.1" or real_public(ip))
    site.pages["/rss"] = (200, RSS.encode())
    site.pages["/pindah"] = (302, f"http://127.0.0.2:{port}/rss".encode())
    site.pages["/berkas"] = (301, b"file:///etc/passwd")
    feed = Feed.objects.create(office=kediri, url=f"{site.base}/rss", kind="feed")
    assert feed_fetch(feed) == 2  # the allowed address itself works
    feed = Feed.objects.create(office=kediri, url=f"{site.base}/pindah", kind="feed")
    assert feed_fetch(feed) == 0 and "jaringan internal (127.0.0.2)" in feed.last_error
    feed = Feed.objects.create(office=kediri, url=f"{site.base}/berkas", kind="feed")
    assert feed_fetch(feed) == 0
    assert feed.last_error.startswith("Server mengalihkan feed ke file:///etc/passwd, yang tidak diizinkan")


@needs_timed_waits  # the deadline is a timer, and the trickling server waits with a timeout
def test_one_feed_has_an_overall_deadline(kediri, private_feeds, monkeypatch):
    """A server that trickles its answer (each wait shorter than FETCH_TIMEOUT) is cut off."""
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def trickle() -> None:
        conn, _addr = listener.accept()
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n")
        while not stop.wait(0.05):  # one header byte after another, never ending
            try:
                conn.sendall(b"X")
            except OSError:
                break
        conn.close()

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    monkeypatch.setattr(feeds_module, "FETCH_DEADLINE", 0.5)
    feed = feed_create(office=kediri, url=f"http://127.0.0.1:{listener.getsockname()[1]}/rss", kind="feed",
                       actor=None)
    try:
        assert feed_fetch(feed) == 0
    finally:
        stop.set()
        listener.close()
    assert feed.last_error == "Waktu habis: feed tidak selesai diunduh dalam 0.5 detik."


# --- items: partial imports, dates, sitemap pages --------------------------------------------------

MIXED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>KPU</title><link>https://kota-kediri.kpu.go.id</link>
<item><title>Jadwal coklit</title><link>https://kota-kediri.kpu.go.id/berita/coklit</link>
<pubDate>Senin, 14 Juli 2025 09:30 WIB</pubDate></item>
<item><title>Rapat pleno</title><link>https://kota-kediri.kpu.go.id/berita/pleno</link>
<pubDate>Wed, 16 Jul 2025 03:00:00 +0000</pubDate></item>
<item><title>Berita kantor lain</title><link>https://jatim.kpu.go.id/berita/lain</link>
<pubDate>Wed, 16 Jul 2025 03:00:00 +0000</pubDate></item>
<item><title>Tanpa tanggal</title><link>https://kota-kediri.kpu.go.id/berita/tanpa</link>
<pubDate>kemarin sore</pubDate></item>
</channel></rss>"""


def test_bad_items_are_skipped_and_counted_the_good_ones_imported(site, kediri, jatim, kediri_channels, make_channel,
                                                                  client, operator):
    import datetime as dt

    from django.urls import reverse

    make_channel(jatim, "website", "jatim.kpu.go.id", url="https://jatim.kpu.go.id")
    site.pages["/rss"] = (200, MIXED.encode())
    feed = feed_create(office=kediri, url=f"{site.base}/rss", kind="feed", actor=None)
    assert feed_fetch(feed) == 2
    assert feed.last_error == "" and feed.last_count == 2
    assert feed.last_note.startswith("2 butir dilewati: ")
    assert "kota-kediri.kpu.go.id/berita/tanpa tanpa tanggal yang terbaca (kemarin sore)" in feed.last_note
    assert "jatim.kpu.go.id/berita/lain: Akun ini tercatat sebagai kanal" in feed.last_note
    coklit = Post.objects.get(url="https://kota-kediri.kpu.go.id/berita/coklit")
    assert coklit.published_at == dt.datetime(2025, 7, 14, 2, 30, tzinfo=dt.UTC)  # 09:30 WIB
    assert not Post.objects.filter(url__contains="jatim").exists()
    client.force_login(operator)
    page = client.get(reverse("posts:feed_list", args=["3571"])).content.decode()
    assert "2 butir dilewati" in page and "berhasil" in page


def test_a_feed_of_only_bad_items_is_an_error(site, kediri, jatim, kediri_channels, make_channel):
    make_channel(jatim, "website", "jatim.kpu.go.id", url="https://jatim.kpu.go.id")
    only_other = MIXED.replace("kota-kediri.kpu.go.id/berita/", "jatim.kpu.go.id/berita/x-")
    site.pages["/rss"] = (200, only_other.encode())
    feed = feed_create(office=kediri, url=f"{site.base}/rss", kind="feed", actor=None)
    assert feed_fetch(feed) == 0 and feed.last_error.startswith("Tidak satu berita pun dapat disimpan.")


@pytest.mark.parametrize(("raw", "expected"), [
    ("Senin, 14 Juli 2025 09:30 WIB", (2025, 7, 14, 2, 30)),
    ("14 Agu 2025 10.15 WITA", (2025, 8, 14, 2, 15)),
    ("Jumat, 1 Nopember 2024 08:00:00 +0700", (2024, 11, 1, 1, 0)),
    ("3 Desember 2025", (2025, 12, 2, 17, 0)),
    ("14 Julius 2025 09:30", None), ("kemarin", None), ("31 Februari 2025", None)])
def test_indonesian_dates_are_read(raw, expected):
    from bakohumas.posts.feeds import parse_indonesian_date

    parsed = parse_indonesian_date(raw)
    assert (tuple(parsed[:5]) if parsed else None) == expected


PAGES_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://kota-kediri.kpu.go.id/profil</loc><lastmod>2025-07-20</lastmod></url>
<url><loc>https://kota-kediri.kpu.go.id/kontak</loc><lastmod>2025-07-20</lastmod></url>
<url><loc>https://kota-kediri.kpu.go.id/2025/07/14/rapat-koordinasi</loc><lastmod>{lastmod}</lastmod></url>
<url><loc>https://kota-kediri.kpu.go.id/pengumuman-dps</loc>
<news:news><news:publication_date>2025-07-15T10:00:00+07:00</news:publication_date></news:news></url>
<url><loc>https://kota-kediri.kpu.go.id/siaran-pers/hasil-pleno</loc><lastmod>2025-07-16</lastmod></url>
</urlset>"""


def test_sitemap_pages_that_are_not_news_are_left_out_and_dates_do_not_move(site, kediri, kediri_channels):
    import datetime as dt

    site.pages["/sitemap.xml"] = (200, PAGES_SITEMAP.format(lastmod="2025-07-14T09:00:00+07:00").encode())
    feed = feed_create(office=kediri, url=f"{site.base}/sitemap.xml", kind="sitemap", actor=None)
    assert feed_fetch(feed) == 3
    assert sorted(Post.objects.values_list("url", flat=True)) == [
        "https://kota-kediri.kpu.go.id/2025/07/14/rapat-koordinasi", "https://kota-kediri.kpu.go.id/pengumuman-dps",
        "https://kota-kediri.kpu.go.id/siaran-pers/hasil-pleno"]
    assert feed.last_note.startswith("1 butir dilewati: 2 halaman bukan berita")
    # Edited in October: the sitemap's lastmod moves, the news stays in July (its quarter).
    site.pages["/sitemap.xml"] = (200, PAGES_SITEMAP.format(lastmod="2025-10-02T09:00:00+07:00").encode())
    assert feed_fetch(feed) == 3
    post = Post.objects.get(url__endswith="rapat-koordinasi")
    assert post.published_at == dt.datetime(2025, 7, 14, 2, 0, tzinfo=dt.UTC)
