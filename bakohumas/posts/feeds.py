"""Website news from the office's RSS/Atom feeds and sitemaps, fetched once a day by
`bakohumas fetch-feeds` (cron) or on demand from the feeds page (a background job).

The download is bounded (FETCH_TIMEOUT seconds per network wait, FETCH_DEADLINE seconds in all,
FETCH_MAX_BYTES) and reaches only public addresses on port 80/443, checked again after every redirect
and on the address actually connected to (docs/posts.md, "Feeds"); a sitemap is parsed by lxml with
entity resolution and network access off. A feed that cannot be fetched or read records a clear
Indonesian error on the Feed and changes nothing else: the posts from earlier fetches stay."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import errno
import http.client
import ipaddress
import logging
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bakohumas.audit.services import audit_record
from bakohumas.jobs.registry import JobOutput, Progress
from bakohumas.offices.models import Office
from bakohumas.posts.importers import RawRow
from bakohumas.posts.models import Feed, PostSource
from bakohumas.posts.services import handle_key, posts_import
from bakohumas.records.models import Channel

logger = logging.getLogger(__name__)

FETCH_TIMEOUT = 20  # seconds, one network wait
FETCH_DEADLINE = 30  # seconds, one feed in all
ALLOWED_PORTS = frozenset({None, 80, 443})
FETCH_MAX_BYTES = 5 * 1024 * 1024
MAX_ITEMS = 2000
LEAD_CHARS = 400
JOB_KIND = "posts-fetch-feeds"
USER_AGENT = "Bakohumas/1.0 (+feed reader)"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


class FeedError(Exception):
    """Why a feed could not be read; the message is for the office."""


# --- managing feeds ---------------------------------------------------------------------------------

def _channel_for(office: Office, url: str) -> Channel | None:
    host = handle_key("website", url)
    for channel in Channel.objects.filter(office=office, kind=Channel.Kind.WEBSITE):
        if host in {handle_key("website", channel.handle), handle_key("website", channel.url)}:
            return channel
    return None


@transaction.atomic
def feed_create(*, office: Office, url: str, kind: str, actor: Any) -> Feed:
    feed = Feed(office=office, url=url.strip(), kind=kind, channel=_channel_for(office, url))
    feed.full_clean()
    try:
        check_url(feed.url)
        host = urlsplit(feed.url).hostname or ""
        try:
            literal = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            literal = None
        if literal is not None and not _public(literal) and not _allow_private():
            raise FeedError(_("Alamat %(host)s menunjuk ke jaringan internal; feed hanya diambil dari alamat "
                              "internet publik.") % {"host": host})
    except FeedError as exc:
        raise ValidationError(str(exc)) from None
    try:
        with transaction.atomic():
            feed.save()
    except IntegrityError:
        raise ValidationError(_("Feed dengan alamat ini sudah tercatat.")) from None
    audit_record(actor=actor, action="posts.feed.create", target=feed, office=office, data={"url": feed.url})
    return feed


@transaction.atomic
def feed_delete(*, feed: Feed, actor: Any) -> None:
    """The feed goes; the posts it brought stay (they are the office's website news)."""
    audit_record(actor=actor, action="posts.feed.delete", target=feed, office=feed.office, data={"url": feed.url})
    feed.delete()


# --- fetching -------------------------------------------------------------------------------------------

# Why a request failed, in the office's words: urllib's own reasons are English ("Not Found",
# "[Errno 111] Connection refused", "timed out").
HTTP_MEANINGS = {
    400: gettext_noop("permintaan ditolak"), 401: gettext_noop("perlu masuk"), 403: gettext_noop("akses ditolak"),
    404: gettext_noop("tidak ditemukan"), 410: gettext_noop("sudah dihapus"),
    429: gettext_noop("terlalu banyak permintaan"), 500: gettext_noop("kesalahan server"),
    502: gettext_noop("gateway bermasalah"), 503: gettext_noop("layanan tidak tersedia"),
    504: gettext_noop("gateway kehabisan waktu"),
}


def _allow_private() -> bool:
    """settings.POSTS_FEEDS_ALLOW_PRIVATE (default False): fetch from loopback/LAN addresses and any
    port. Only for tests and a deliberately internal deployment."""
    return bool(settings.POSTS_FEEDS_ALLOW_PRIVATE)


# NAT64's well-known prefix (RFC 6052): 64:ff9b::7f00:1 is 127.0.0.1 reached through a NAT64 gateway.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries and that packets to it end up at: IPv4-mapped
    (::ffff:a.b.c.d), NAT64 (64:ff9b::a.b.c.d), 6to4 (2002:AABB:CCDD::) and Teredo (its server and
    its client; ipaddress undoes the client's obfuscation)."""
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if ip in NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [address for address in found if address is not None]


def _plainly_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved
                                 or ip.is_multicast or ip.is_unspecified)


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and (inner := _embedded_ipv4(ip)):
        if not all(_plainly_public(address) for address in inner):
            return False
        if ip.ipv4_mapped is not None or ip in NAT64:
            return True  # only a wrapping: the IPv4 address inside is the destination, judged above
    return _plainly_public(ip)


def check_url(url: str) -> None:
    """FeedError unless `url` is http(s) on port 80/443 (or none). Checked for the feed's address and
    for every redirect."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FeedError(_("Alamat feed harus diawali http:// atau https://."))
    if not parts.hostname:
        raise FeedError(_("Alamat feed tidak memuat nama host."))
    try:
        port = parts.port
    except ValueError:
        raise FeedError(_("Nomor port pada alamat feed tidak sah.")) from None
    if port not in ALLOWED_PORTS and not _allow_private():
        raise FeedError(_("Feed hanya diambil dari port 80 (http) atau 443 (https), bukan port %(port)s.")
                        % {"port": port})


def _resolve(host: str, port: int) -> list[tuple[socket.AddressFamily, str]]:
    """The addresses of `host`, every one of them public (unless private ones are allowed)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FeedError(_("Feed tidak dapat diambil: nama host %(host)s tidak dikenal.") % {"host": host}) from None
    addresses: list[tuple[socket.AddressFamily, str]] = list(
        dict.fromkeys((family, str(sockaddr[0])) for family, _t, _p, _c, sockaddr in infos))
    if not _allow_private():
        for _family, address in addresses:
            if not _public(ipaddress.ip_address(address.split("%", 1)[0])):
                raise FeedError(_("Alamat %(host)s menunjuk ke jaringan internal (%(ip)s); feed hanya diambil dari "
                                  "alamat internet publik.") % {"host": host, "ip": address})
    if not addresses:
        raise FeedError(_("Feed tidak dapat diambil: nama host %(host)s tidak dikenal.") % {"host": host})
    return addresses


_DEFAULT_TIMEOUT: Any = getattr(socket, "_GLOBAL_DEFAULT_TIMEOUT", None)
# The sockets one download() opened (redirects included), shut down when its deadline passes: a
# server that sends a byte every few seconds would otherwise keep each read under FETCH_TIMEOUT forever.
_open_sockets: contextvars.ContextVar[list[socket.socket] | None] = contextvars.ContextVar("feed_sockets",
                                                                                          default=None)


def _guarded_create_connection(address: tuple[str, int], timeout: Any = _DEFAULT_TIMEOUT,
                               source_address: Any = None, **_kwargs: Any) -> socket.socket:
    """socket.create_connection to the checked addresses: the IP that was validated is the one
    connected to, so a second DNS answer (rebinding) cannot point the request elsewhere."""
    host, port = address
    last: OSError | None = None
    for family, ip in _resolve(host, port):
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            if timeout is not _DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            sock.connect((ip, port))
        except OSError as exc:
            sock.close()
            last = exc
            continue
        opened = _open_sockets.get()
        if opened is not None:
            opened.append(sock)
        return sock
    assert last is not None
    raise last


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_create_connection


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_create_connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_HTTPSConnection, req, context=ssl.create_default_context())


def _check_redirect(url: str) -> None:
    try:
        check_url(url)
    except FeedError as exc:
        raise FeedError(_("Server mengalihkan feed ke %(url)s, yang tidak diizinkan: %(reason)s")
                        % {"url": url[:120], "reason": exc}) from None


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def http_error_302(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any) -> Any:
        target = headers.get("location") or headers.get("uri")
        if target:  # before urllib's own check, which refuses other schemes in English
            _check_redirect(urljoin(req.full_url, target))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> urllib.request.Request | None:
        _check_redirect(newurl)  # file://, ftp:// or another port is refused (the host's address: on connect)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    # No ProxyHandler: the address checked is the address connected to.
    opener = urllib.request.OpenerDirector()
    for handler in (_HTTPHandler(), _HTTPSHandler(), _RedirectHandler(), urllib.request.HTTPErrorProcessor(),
                    urllib.request.HTTPDefaultErrorHandler(), urllib.request.UnknownHandler()):
        opener.add_handler(handler)
    return opener


def _network_reason(exc: BaseException) -> str:
    reason: Any = getattr(exc, "reason", exc) if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, FeedError):
        return str(reason)
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        text = _("waktu habis, server tidak menjawab dalam %(seconds)s detik") % {"seconds": FETCH_TIMEOUT}
    elif isinstance(reason, ConnectionRefusedError):
        text = _("server menolak sambungan")
    elif isinstance(reason, socket.gaierror):
        text = _("nama host tidak dikenal")
    elif isinstance(reason, ssl.SSLCertVerificationError):
        text = _("sertifikat HTTPS server tidak sah")
    elif isinstance(reason, ssl.SSLError):
        text = _("sambungan HTTPS gagal")
    elif isinstance(reason, (ConnectionResetError, ConnectionAbortedError, http.client.RemoteDisconnected)):
        text = _("sambungan diputus server")
    elif isinstance(reason, OSError) and reason.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
        text = _("server tidak terjangkau")
    else:
        text = _("kesalahan jaringan")
    return _("Feed tidak dapat diambil: %(reason)s.") % {"reason": text}


def download(url: str) -> bytes:
    """The body at `url`, at most FETCH_MAX_BYTES, within FETCH_DEADLINE seconds in all (each network
    wait at most FETCH_TIMEOUT). Only http(s) on port 80/443 of public addresses, also after a
    redirect, unless settings.POSTS_FEEDS_ALLOW_PRIVATE."""
    check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    opened: list[socket.socket] = []
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        for sock in list(opened):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    too_slow = FeedError(_("Waktu habis: feed tidak selesai diunduh dalam %(seconds)s detik.")
                         % {"seconds": FETCH_DEADLINE})
    token = _open_sockets.set(opened)
    timer = threading.Timer(max(FETCH_DEADLINE, 0), expire)
    timer.daemon = True
    timer.start()
    chunks: list[bytes] = []
    size = 0
    try:
        with _opener().open(request, timeout=FETCH_TIMEOUT) as response:
            while size <= FETCH_MAX_BYTES:
                if expired.is_set():
                    raise too_slow
                chunk = response.read1(64 * 1024)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        if expired.is_set():  # the shut-down socket reads as the end of the body
            raise too_slow
    except FeedError:
        raise
    except urllib.error.HTTPError as exc:
        meaning = HTTP_MEANINGS.get(exc.code)
        raise FeedError(_("Server menjawab %(code)s (%(meaning)s).") % {"code": exc.code, "meaning": _(meaning)}
                        if meaning else _("Server menjawab %(code)s.") % {"code": exc.code}) from None
    except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException) as exc:
        raise (too_slow if expired.is_set() else FeedError(_network_reason(exc))) from None
    finally:
        timer.cancel()
        _open_sockets.reset(token)
    if size > FETCH_MAX_BYTES:
        raise FeedError(_("Feed lebih besar dari %(mb)s MB.") % {"mb": FETCH_MAX_BYTES // (1024 * 1024)})
    return b"".join(chunks)


@dataclass
class Item:
    url: str
    published: dt.datetime
    text: str


@dataclass
class Parsed:
    """A feed's items, and the ones left out with why (Indonesian, for the feed's note)."""

    items: list[Item] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _lead(html: str) -> str:
    text = re.sub(r"\s+", " ", strip_tags(html or "")).strip()
    return text[:LEAD_CHARS]


# Indonesian dates as Indonesian CMSs write them in RSS: "Senin, 14 Juli 2025 09:30 WIB",
# "14 Agu 2025 09:30:00 +0700", "14-07-2025 09:30". feedparser knows only English month names.
ID_MONTHS = {"januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
             "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8,
             "agt": 8, "ags": 8, "agust": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
             "november": 11, "nov": 11, "nopember": 11, "nop": 11, "desember": 12, "des": 12}
ID_ZONES = {"wib": 7, "wita": 8, "wit": 9}
_ID_DATE = re.compile(
    r"^\s*(?:[a-z']+,?\s+)?(\d{1,2})[\s-]+([a-z]+)[\s-]+(\d{4})"
    r"(?:[\s,]+(?:pukul\s+)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?"
    r"\s*(wib|wita|wit|[+-]\d{2}:?\d{2}|z|gmt|utc)?\s*$", re.IGNORECASE)


def parse_indonesian_date(value: str) -> time.struct_time | None:
    """feedparser date handler: a 9-tuple in UTC, or None for a date it does not know."""
    match = _ID_DATE.match(value or "")
    if not match:
        return None
    day, month_name, year, hour, minute, second, zone = match.groups()
    month = ID_MONTHS.get(month_name.lower())
    if month is None:
        return None
    zone = (zone or "wib").lower()  # an Indonesian site without a zone: Jakarta time
    if zone in ID_ZONES:
        offset = dt.timedelta(hours=ID_ZONES[zone])
    elif zone in ("z", "gmt", "utc"):
        offset = dt.timedelta(0)
    else:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    try:
        local = dt.datetime(int(year), month, int(day), int(hour or 0), int(minute or 0), int(second or 0),
                            tzinfo=dt.timezone(offset))
        return local.astimezone(dt.UTC).timetuple()
    except (ValueError, OverflowError):  # 31 Februari; an offset out of range; year 1 before UTC
        return None


_handler_registered = False


def _feedparser() -> Any:
    global _handler_registered
    import feedparser

    if not _handler_registered:
        feedparser.registerDateHandler(parse_indonesian_date)
        _handler_registered = True
    return feedparser


def parse_feed(content: bytes) -> Parsed:
    """Items of an RSS or Atom feed; FeedError if the bytes are not one."""
    parsed = _feedparser().parse(content)  # bytes: feedparser reads them and fetches nothing
    if not parsed.get("version"):  # feedparser names the dialect it recognised (rss20, atom10, ...)
        raise FeedError(_("Isi alamat ini bukan RSS atau Atom yang dapat dibaca."))
    out = Parsed()
    for entry in parsed.entries[:MAX_ITEMS]:
        # dict.get: feedparser's own get() maps a missing updated_parsed to published_parsed, with a warning.
        stamp = entry.get("published_parsed") or dict.get(entry, "updated_parsed")
        link = entry.get("link") or ""
        title = strip_tags(entry.get("title") or "").strip()
        if not link:
            out.skipped.append(_("“%(title)s” tanpa tautan") % {"title": title[:60] or "?"})
            continue
        if not stamp:
            raw = dict.get(entry, "published") or dict.get(entry, "updated") or ""
            out.skipped.append(_("%(url)s tanpa tanggal yang terbaca%(raw)s")
                               % {"url": link[:120], "raw": f" ({raw[:40]})" if raw else ""})
            continue
        year, month, day, hour, minute, second = stamp[:6]
        published = dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)
        lead = _lead(entry.get("summary") or "")
        out.items.append(Item(link, published, f"{title}. {lead}" if title and lead else title or lead))
    return out


def _slug_title(url: str) -> str:
    """A title from the page's address when the sitemap has none: /berita/jadwal-coklit-2025 -> jadwal coklit 2025."""
    last = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    return re.sub(r"\.\w{2,5}$", "", re.sub(r"[-_+]+", " ", last)).strip()


# A sitemap lists every page of a site; a page is news when the sitemap says so (news:news with a
# publication date) or its address looks like news: a news section, or a date in the path.
NEWS_PATH = re.compile(r"/(?:berita|news|artikel|article|siaran-pers|press-release|kabar|warta|post|posts|read)"
                       r"(?:/|-|$)|/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])(?:/|$)|/(?:19|20)\d{2}-\d{2}-\d{2}",
                       re.IGNORECASE)


def is_news_url(url: str) -> bool:
    return bool(NEWS_PATH.search(urlsplit(url).path))


def parse_sitemap(content: bytes) -> Parsed:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError:
        raise FeedError(_("Sitemap ini bukan XML yang utuh.")) from None
    if etree.QName(root).localname != "urlset":
        raise FeedError(_("Ini bukan sitemap halaman (<urlset>); indeks sitemap tidak diikuti, daftarkan "
                          "sitemap beritanya langsung."))
    out = Parsed()
    not_news = 0
    for node in root.iterchildren(f"{{{SITEMAP_NS}}}url"):
        loc = (node.findtext(f"{{{SITEMAP_NS}}}loc") or "").strip()
        news_date = (node.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication_date") or "").strip()
        if not loc:
            continue
        if not news_date and not is_news_url(loc):
            not_news += 1  # a profile, contact or category page: not a news item
            continue
        stamp = (news_date or node.findtext(f"{{{SITEMAP_NS}}}lastmod") or "").strip()
        published = None
        if stamp:
            try:
                published = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
            except ValueError:
                published = None
        if published is None:
            out.skipped.append(_("%(url)s tanpa tanggal yang terbaca") % {"url": loc[:120]})
            continue
        if timezone.is_naive(published):
            published = timezone.make_aware(published)
        title = (node.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}title") or "").strip() or _slug_title(loc)
        out.items.append(Item(loc, published, title))
    out.items.sort(key=lambda item: item.published, reverse=True)
    out.items = out.items[:MAX_ITEMS]
    if not_news:
        out.skipped.append(_("%(n)s halaman bukan berita (bukan news:news dan alamatnya tidak di bagian berita)")
                           % {"n": not_news})
    return out


def _note(skipped: list[str]) -> str:
    if not skipped:
        return ""
    text = _("%(n)s butir dilewati: %(reasons)s") % {"n": len(skipped), "reasons": "; ".join(skipped[:5])}
    return (text + ("; …" if len(skipped) > 5 else "."))[:500]


def feed_fetch(feed: Feed) -> int:
    """Fetch one feed and import its items as the office's website posts; the number of items
    imported, or 0 with `feed.last_error` set. Never raises for a broken feed. An item that cannot be
    imported (no date, a link of another site) is left out and counted in `feed.last_note`; the
    others are imported."""
    try:
        content = download(feed.url)
        # What the bytes are decides, not what was chosen when the feed was added.
        is_sitemap = b"<urlset" in content[:4096] or (feed.kind == Feed.Kind.SITEMAP and b"<rss" not in content[:4096])
        parsed = parse_sitemap(content) if is_sitemap else parse_feed(content)
        rows = [RawRow(number, {"platform": "website", "akun": handle_key("website", item.url),
                                "tanggal": item.published.isoformat(), "url": item.url, "teks": item.text})
                for number, item in enumerate(parsed.items, start=1)]
        skipped = list(parsed.skipped)
        written = 0
        if rows:
            result = posts_import(office=feed.office, rows=rows, source=PostSource.FEED, actor=None,
                                  note=feed.url, partial=True)
            written = len(result.rows)
            by_row = {item_row.row: item for item_row, item in zip(rows, parsed.items, strict=True)}
            for error in result.skipped:
                item = by_row.get(error.row)
                skipped.append(f"{item.url[:120] if item else error.row}: {error.reason}")
            if not written and result.skipped:
                raise FeedError(_("Tidak satu berita pun dapat disimpan. %(note)s") % {"note": _note(skipped)})
    except FeedError as exc:
        Feed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now(), last_error=str(exc)[:500])
        feed.refresh_from_db()
        return 0
    Feed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now(), last_error="", last_count=written,
                                           last_note=_note(skipped))
    feed.refresh_from_db()
    return written


def feeds_fetch_all(*, office: Office | None = None, progress: Progress | None = None) -> list[Feed]:
    """Fetch every feed (of one office, or all); each one's outcome is on the Feed."""
    feeds = list(Feed.objects.select_related("office").filter(**({"office": office} if office else {})))
    for number, feed in enumerate(feeds, start=1):
        try:
            feed_fetch(feed)
        except Exception:  # noqa: BLE001 - one broken site must not stop the others
            logger.exception("feed %s failed", feed.url)
            Feed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now(),
                                                   last_error=_("Kesalahan tak terduga; lihat log server."))
        if progress:
            progress(100 * number // len(feeds), gettext_noop("Mengambil feed website"))
    return feeds


def run_fetch_job(params: dict[str, Any], progress: Progress) -> JobOutput:
    """Job runner: fetch the feeds of `params["office"]` (a code) or all; a short text summary."""
    office = Office.objects.get(code=params["office"]) if params.get("office") else None
    feeds = feeds_fetch_all(office=office, progress=progress)
    lines = [f"{f.url}\t{f.last_count if not f.last_error else 0}\t{f.last_error or 'ok'}"
             + (f"\t{f.last_note}" if f.last_note and not f.last_error else "")
             for f in Feed.objects.filter(pk__in=[f.pk for f in feeds])]
    return JobOutput(content=("\n".join(lines) + "\n").encode(), filename="feed-website.txt",
                     content_type="text/plain; charset=utf-8")

