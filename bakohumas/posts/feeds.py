"""Website news from the office's RSS/Atom feeds and sitemaps, fetched once a day by
`bakohumas fetch-feeds` (cron) or on demand from the feeds page (a background job).

The download is bounded (FETCH_TIMEOUT seconds, FETCH_MAX_BYTES); a sitemap is parsed by lxml with
entity resolution and network access off. A feed that cannot be fetched or read records a clear
Indonesian error on the Feed and changes nothing else: the posts from earlier fetches stay."""

from __future__ import annotations

import datetime as dt
import logging
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

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

FETCH_TIMEOUT = 20  # seconds
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

def download(url: str) -> bytes:
    """The body at `url`, at most FETCH_MAX_BYTES, within FETCH_TIMEOUT seconds."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise FeedError(_("Alamat feed harus diawali http:// atau https://."))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 - http(s) only
            body = response.read(FETCH_MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise FeedError(_("Server menjawab %(code)s %(reason)s.") % {"code": exc.code, "reason": exc.reason}) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FeedError(_("Feed tidak dapat diambil: %(reason)s.") % {"reason": reason}) from None
    if len(body) > FETCH_MAX_BYTES:
        raise FeedError(_("Feed lebih besar dari %(mb)s MB.") % {"mb": FETCH_MAX_BYTES // (1024 * 1024)})
    return body


@dataclass
class Item:
    url: str
    published: dt.datetime
    text: str


def _lead(html: str) -> str:
    text = re.sub(r"\s+", " ", strip_tags(html or "")).strip()
    return text[:LEAD_CHARS]


def parse_feed(content: bytes) -> list[Item]:
    """Items of an RSS or Atom feed; FeedError if the bytes are not one."""
    import feedparser

    parsed = feedparser.parse(content)  # bytes: feedparser reads them and fetches nothing
    if not parsed.get("version"):  # feedparser names the dialect it recognised (rss20, atom10, ...)
        raise FeedError(_("Isi alamat ini bukan RSS atau Atom yang dapat dibaca."))
    items = []
    for entry in parsed.entries[:MAX_ITEMS]:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        link = entry.get("link") or ""
        if not stamp or not link:
            continue  # an item without a date or link cannot be counted
        year, month, day, hour, minute, second = stamp[:6]
        published = dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)
        title = strip_tags(entry.get("title") or "").strip()
        lead = _lead(entry.get("summary") or "")
        items.append(Item(link, published, f"{title}. {lead}" if title and lead else title or lead))
    return items


def _slug_title(url: str) -> str:
    """A title from the page's address when the sitemap has none: /berita/jadwal-coklit-2025 -> jadwal coklit 2025."""
    last = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    return re.sub(r"\.\w{2,5}$", "", re.sub(r"[-_+]+", " ", last)).strip()


def parse_sitemap(content: bytes) -> list[Item]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError:
        raise FeedError(_("Sitemap ini bukan XML yang utuh.")) from None
    if etree.QName(root).localname != "urlset":
        raise FeedError(_("Ini bukan sitemap halaman (<urlset>); indeks sitemap tidak diikuti, daftarkan "
                          "sitemap beritanya langsung."))
    items = []
    for node in root.iterchildren(f"{{{SITEMAP_NS}}}url"):
        loc = (node.findtext(f"{{{SITEMAP_NS}}}loc") or "").strip()
        news_date = node.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication_date")
        stamp = (news_date or node.findtext(f"{{{SITEMAP_NS}}}lastmod") or "").strip()
        if not loc or not stamp:
            continue
        try:
            published = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            continue
        if timezone.is_naive(published):
            published = timezone.make_aware(published)
        title = (node.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}title") or "").strip() or _slug_title(loc)
        items.append(Item(loc, published, title))
    items.sort(key=lambda item: item.published, reverse=True)
    return items[:MAX_ITEMS]


def feed_fetch(feed: Feed) -> int:
    """Fetch one feed and import its items as the office's website posts; the number of items, or
    0 with `feed.last_error` set. Never raises for a broken feed."""
    try:
        content = download(feed.url)
        # What the bytes are decides, not what was chosen when the feed was added.
        is_sitemap = b"<urlset" in content[:4096] or (feed.kind == Feed.Kind.SITEMAP and b"<rss" not in content[:4096])
        items = parse_sitemap(content) if is_sitemap else parse_feed(content)
        rows = [RawRow(number, {"platform": "website", "akun": handle_key("website", item.url),
                                "tanggal": item.published.isoformat(), "url": item.url, "teks": item.text})
                for number, item in enumerate(items, start=1)]
        if rows:
            result = posts_import(office=feed.office, rows=rows, source=PostSource.FEED, actor=None,
                                  note=feed.url)
            if not result.ok:
                raise FeedError(_("Berita ke-%(row)s tidak dapat disimpan: %(reason)s")
                                % {"row": result.errors[0].row, "reason": result.errors[0].reason})
    except FeedError as exc:
        Feed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now(), last_error=str(exc)[:500])
        feed.refresh_from_db()
        return 0
    Feed.objects.filter(pk=feed.pk).update(last_fetched_at=timezone.now(), last_error="", last_count=len(rows))
    feed.refresh_from_db()
    return len(rows)


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
             for f in Feed.objects.filter(pk__in=[f.pk for f in feeds])]
    return JobOutput(content=("\n".join(lines) + "\n").encode(), filename="feed-website.txt",
                     content_type="text/plain; charset=utf-8")

