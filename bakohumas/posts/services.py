"""Writes of posts: one post (`post_upsert`, used by the publications app), a whole file
(`posts_import`, used by the import page, `bakohumas import-posts` and the feed fetcher), and a
staff correction of the category (`post_correct`).

A post is identified by its URL. Importing it again updates it, but never undoes a staff
correction, and a blank cell never clears a stored value. An import is all rows or none: every
problem is named by row, column and reason, in Indonesian, and nothing is written.

`posts_import` is built for large files (a year of an office's posts, or a province's): one query
per 500 URLs to find the stored posts, one `classify_texts` call for every text to classify, and
`bulk_create(update_conflicts=True)` on the URL, so the time goes to the database. Its rows are
checked by the same rules the model states (platform, URL, non-negative counts, a non-empty
account) instead of `full_clean()` per row; one audit row per office says what the import did."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.audit.services import audit_record
from bakohumas.offices.models import Office
from bakohumas.posts.importers import FIELDS, RawRow
from bakohumas.posts.models import Category, CategorySource, Platform, Post, PostSource
from bakohumas.records.models import Channel
from bakohumas.records.transfer import RowError

LOOKUP_CHUNK = 500
WRITE_CHUNK = 1000
REASON_MAX = 300
METRICS = {"suka": "likes", "komentar": "comments", "bagikan": "shares", "tayangan": "views"}
PLATFORM_ALIASES = {"twitter": "x", "ig": "instagram", "fb": "facebook", "yt": "youtube", "web": "website",
                    "situs": "website", "tiktok": "tiktok", "x_twitter": "x"}
DATA_FIELDS = ["office", "channel", "platform", "account", "published_at", "text", "likes", "comments", "shares",
               "views", "mentions", "source", "updated_at"]
CATEGORY_FIELDS = ["category", "category_reason", "category_source"]
# Plain strings: comparing with the TextChoices members and listing `.values` per row costs more
# than the rest of the row's checks.
PLATFORMS = frozenset(str(value) for value in Platform.values)
WEBSITE = str(Platform.WEBSITE.value)
STAFF = str(CategorySource.STAFF.value)
_validate_url = URLValidator(schemes=["http", "https"])
# The common shape of a link, checked first: Django's URLValidator costs ~60 µs a row, more than
# the row's share of the INSERT, so it only sees the links this does not accept at once.
_PLAIN_URL = re.compile(r"^https?://[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.[a-z]{2,63}(?::\d{1,5})?(?:[/?#][^\s]*)?$",
                        re.IGNORECASE)
_INT = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})+$|^\d+$")


def classify(texts: list[str]) -> list[Any]:
    """The classifier of `bakohumas.posts.classification` (imported on use, so that reading and
    checking files does not load the model). Corrections made in another process since this one
    trained are taken in first (one query)."""
    from bakohumas.posts.classification import classify_texts, retrain_if_stale

    retrain_if_stale()
    return list(classify_texts(texts))


# --- shared helpers ------------------------------------------------------------------------------

def handle_key(kind: str, value: str) -> str:
    """How an account or a channel's handle is compared: lower case, without @, a URL reduced to its
    last path segment (a website to its host, without www.)."""
    value = (value or "").strip().lower()
    if kind == WEBSITE:
        host = urlsplit(value if "//" in value else f"//{value}").hostname or value
        return host.removeprefix("www.")
    if "//" in value:
        value = urlsplit(value).path.strip("/").split("/")[-1] if urlsplit(value).path.strip("/") else value
    return value.lstrip("@")


# Query parameters that only say where a link was shared from: dropped, so that the same post
# copied from an app and from a browser is one post.
TRACKING_PARAMS = frozenset({"fbclid", "igshid", "igsh", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "si",
                             "_ga", "ref_src", "ref_url", "s", "t"})
_TRACKING_HOSTS_ONLY = frozenset({"s", "t", "si"})  # short names: dropped on the platforms' own hosts only
_SOCIAL_HOSTS = ("instagram.com", "facebook.com", "x.com", "twitter.com", "tiktok.com", "tiktokv.com",
                 "youtube.com", "youtu.be", "threads.net", "threads.com")


def normalise_url(url: str) -> str:
    """The one spelling of a post's link that identifies it: https, the host in lower case without
    `www.`, no trailing slash, no fragment, and without tracking parameters (utm_*, fbclid, igshid,
    ...). Other query parameters (a video's `v=`, `story_fbid=`) are kept in their order. A value
    that is not an http(s) link is returned stripped and unchanged (the checks refuse it)."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname.lower().removeprefix("www.")
    social = host.endswith(_SOCIAL_HOSTS)
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
             if not key.lower().startswith("utm_") and (key.lower() not in TRACKING_PARAMS
                                                        or (key.lower() in _TRACKING_HOSTS_ONLY and not social))]
    path = parts.path.rstrip("/")
    return urlunsplit(("https", host, path, urlencode(query, doseq=True) if query else "", ""))


def _channel_index(office: Office | None, platforms: set[str]) -> dict[tuple[str, str], list[tuple[int, Any]]]:
    """(platform, handle key) -> [(office id, channel id)] of the office's channels (or everyone's)."""
    channels = Channel.objects.filter(kind__in=platforms)
    if office is not None:
        channels = channels.filter(office=office)
    index: dict[tuple[str, str], list[tuple[int, Any]]] = {}
    for channel_id, office_id, kind, handle, url in channels.values_list("id", "office_id", "kind", "handle", "url"):
        keys = {handle_key(kind, handle)}
        if url:
            keys.add(handle_key(kind, url))
        for key in keys - {""}:
            index.setdefault((kind, key), []).append((office_id, channel_id))
    return index


def _published(raw: str, tz: dt.tzinfo) -> dt.datetime | None:
    raw = raw.strip()
    if not raw:
        return None
    try:  # a date alone is its midnight
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    if not dt.date(2000, 1, 1) <= value.date() <= dt.date(2100, 1, 1):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=tz)  # the office's time (Asia/Jakarta); zoneinfo needs no localize()
    return value


def _count(raw: str) -> int | None | str:
    """An integer (thousands written 1.234 or 1,234 are fine), None for a blank, or an error text."""
    raw = raw.strip()
    if not raw:
        return None
    if not _INT.match(raw):
        return _("Harus bilangan bulat 0 atau lebih, bukan %(value)r.") % {"value": raw[:40]}
    value = int(re.sub(r"[.,\s]", "", raw))
    if value > 2_147_483_647:
        return _("Angka terlalu besar.")
    return value


def _mentions(raw: str) -> list[str]:
    names = (name.strip().lstrip("@").lower() for name in re.split(r"[\s,;]+", raw or ""))
    return list(dict.fromkeys(name for name in names if name))


# --- checking a batch ------------------------------------------------------------------------------

@dataclass
class CleanPost:
    row: int
    values: dict[str, Any]  # model fields
    existing: dict[str, Any] | None = None
    change: str = "baru"  # baru / diperbarui / sama
    classify: bool = True  # new text, not a staff correction

    @property
    def label(self) -> str:
        return f"{self.values['platform']} {self.values['account']} {self.values['published_at']:%Y-%m-%d}"


@dataclass
class ImportResult:
    rows: list[CleanPost] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    written: bool = False
    # With `partial=True` (feeds): the rows left out, with why; the others were written.
    skipped: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        out = {"baru": 0, "diperbarui": 0, "sama": 0}
        for row in self.rows:
            out[row.change] += 1
        return out


def _as_raw_rows(rows: Iterable[RawRow | Mapping[str, Any]]) -> list[RawRow]:
    out = []
    for number, row in enumerate(rows, start=2):
        if isinstance(row, RawRow):
            out.append(row)
        else:
            out.append(RawRow(number, {k: "" if v is None else str(v) for k, v in row.items() if k in FIELDS}))
    return out


def _check_row(raw: RawRow, col: Mapping[str, str], errors: list[RowError],
               default_accounts: Mapping[str, str], tz: dt.tzinfo) -> dict[str, Any] | None:
    values = raw.values
    problems: list[RowError] = []

    def problem(name: str, reason: str) -> None:
        problems.append(RowError(raw.row, col.get(name, name), reason))

    platform = values.get("platform", "").strip().lower()
    platform = PLATFORM_ALIASES.get(platform, platform)
    if platform not in PLATFORMS:
        problem("platform", _("Platform tidak dikenal %(value)r; pilih salah satu: %(choices)s.")
                % {"value": values.get("platform", "")[:40], "choices": ", ".join(Platform.values)})
    url = normalise_url(values.get("url", ""))
    if not url:
        problem("url", _("Tautan wajib diisi."))
    elif len(url) > 500:
        problem("url", _("Tautan terlalu panjang (maks 500 karakter)."))
    elif not _PLAIN_URL.match(url):
        try:
            _validate_url(url)
        except ValidationError:
            problem("url", _("Tautan tidak valid: %(value)s") % {"value": url[:80]})
    account = handle_key(platform, values.get("akun", ""))
    if platform == WEBSITE and not account and url:
        account = handle_key(platform, url)  # a site's account is its host
    if not account:
        # Some exports (YouTube Studio, a bare tweets.js) do not name the account: the office's one channel.
        account = default_accounts.get(platform, "")
    if not account:
        problem("akun", _("Akun wajib diisi (nama akun tanpa @, atau nama host website). Jika berkasnya tidak "
                          "menyebut akun, kantor harus mencatat tepat satu kanal %(platform)s.")
                % {"platform": platform or "-"})
    elif len(account) > 160:
        problem("akun", _("Nama akun terlalu panjang (maks 160 karakter)."))
    published = _published(values.get("tanggal", ""), tz)
    if published is None:
        problem("tanggal", _("Tanggal wajib diisi sebagai tanggal ISO, misalnya 2025-07-17 atau "
                             "2025-07-17T09:30, bukan %(value)r.") % {"value": values.get("tanggal", "")[:40]})
    metrics: dict[str, int | None] = {}
    for column, name in METRICS.items():
        value = _count(values.get(column, ""))
        if isinstance(value, str):
            problem(column, value)
        else:
            metrics[name] = value
    if problems:
        errors.extend(problems)
        return None
    return {"platform": platform, "account": account, "published_at": published, "url": url,
            "text": values.get("teks", "").strip(), "mentions": _mentions(values.get("sebutan", "")),
            "_given": {name for name in ("teks", "sebutan") if values.get(name, "").strip()}, **metrics}


def _default_accounts(office: Office | None) -> dict[str, str]:
    """platform -> handle of the office's only channel of that kind."""
    if office is None:
        return {}
    found: dict[str, list[str]] = {}
    for kind, handle in Channel.objects.filter(office=office, kind__in=Platform.values).values_list("kind", "handle"):
        found.setdefault(kind, []).append(handle_key(kind, handle))
    return {kind: handles[0] for kind, handles in found.items() if len(set(handles)) == 1}


def _stored(urls: list[str]) -> dict[str, dict[str, Any]]:
    fields = ["url", "office_id", "channel_id", "platform", "account", "published_at", "text", "likes",
              "comments", "shares", "views", "mentions", "category", "category_reason", "category_source", "source"]
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(urls), LOOKUP_CHUNK):
        for row in Post.objects.filter(url__in=urls[start:start + LOOKUP_CHUNK]).values(*fields):
            out[row["url"]] = row
    return out


def _website_hosts(office: Office) -> set[str]:
    hosts: set[str] = set()
    for handle, url in Channel.objects.filter(office=office, kind=WEBSITE).values_list("handle", "url"):
        hosts |= {handle_key(WEBSITE, handle), handle_key(WEBSITE, url)}
    return hosts - {""}


def _other_office_error(office: Office, matches: list[tuple[int, Any]],
                        cache: dict[frozenset[int], str] | None = None) -> str | None:
    """Why an account that is a channel of other offices (and not of `office`) is refused, or None.
    `cache` keeps the message per set of offices (one query for a file full of them)."""
    if not matches or any(office_id == office.pk for office_id, _c in matches):
        return None
    owners = frozenset(office_id for office_id, _c in matches)
    if cache is not None and owners in cache:
        return cache[owners]
    names = ", ".join(Office.objects.filter(pk__in=owners).order_by("code").values_list("name", flat=True)[:3])
    message = _("Akun ini tercatat sebagai kanal %(offices)s, bukan kanal kantor ini; unggahannya diimpor oleh "
                "kantor pemiliknya.") % {"offices": names}
    if cache is not None:
        cache[owners] = message
    return message


def posts_check(*, office: Office | None, rows: Sequence[RawRow | Mapping[str, Any]],
                columns: Mapping[str, str] | None = None, keep_published: bool = False) -> ImportResult:
    """Check rows of contract fields for `office` (None: each row's office is the one whose channel
    has the row's account); nothing is written. `columns` names the file's column for each field.

    For an office, a row is refused when its account is a channel of another office (and not of
    this one), and a website row when its link's host is neither the row's `akun` nor one of the
    office's website channels: an office cannot import another office's posts as its own.
    `keep_published`: a stored post keeps its published_at (feeds: a sitemap's lastmod moves)."""
    col = columns or {}
    result = ImportResult()
    raw_rows = _as_raw_rows(rows)
    checked: list[tuple[RawRow, dict[str, Any]]] = []
    seen: dict[str, int] = {}
    defaults = _default_accounts(office)
    tz = timezone.get_current_timezone()
    for raw in raw_rows:
        values = _check_row(raw, col, result.errors, defaults, tz)
        if values is None:
            continue
        if values["url"] in seen:
            result.errors.append(RowError(raw.row, col.get("url", "url"),
                                          _("Tautan sama dengan baris %(row)s.") % {"row": seen[values["url"]]}))
            continue
        seen[values["url"]] = raw.row
        checked.append((raw, values))
    if not raw_rows:
        result.errors.append(RowError(1, "", _("Berkas tidak berisi satu unggahan pun.")))
    # Every office's channels: an account of another office is refused even for a named office.
    channels = _channel_index(None, {values["platform"] for _raw, values in checked})
    own_hosts = _website_hosts(office) if office is not None else set()
    stored = _stored([values["url"] for _raw, values in checked])
    refusals: dict[frozenset[int], str] = {}
    for raw, values in checked:
        matches = channels.get((values["platform"], values["account"]), [])
        if office is not None:
            refused = _other_office_error(office, matches, refusals)
            if refused is not None:
                result.errors.append(RowError(raw.row, col.get("akun", "akun"), refused))
                continue
            if values["platform"] == WEBSITE:
                host = handle_key(WEBSITE, values["url"])
                if host != values["account"] and host not in own_hosts:
                    result.errors.append(RowError(raw.row, col.get("url", "url"), _(
                        "Tautan ini di %(host)s, bukan di website kantor ini atau di akun %(account)s pada baris "
                        "yang sama.") % {"host": host, "account": values["account"]}))
                    continue
            values["office_id"] = office.pk
        elif len({office_id for office_id, _c in matches}) == 1:
            values["office_id"] = matches[0][0]
        else:
            result.errors.append(RowError(raw.row, col.get("akun", "akun"), _(
                "Akun ini tidak tercatat sebagai kanal satu kantor pun; catat kanalnya dulu atau impor untuk "
                "satu kantor.") if not matches else _("Akun ini tercatat sebagai kanal lebih dari satu kantor.")))
            continue
        values["channel_id"] = next((c for o, c in matches if o == values["office_id"]), None)
        existing = stored.get(values["url"])
        if existing is not None and existing["office_id"] != values["office_id"]:
            result.errors.append(RowError(raw.row, col.get("url", "url"),
                                          _("Tautan ini sudah tercatat sebagai unggahan kantor lain.")))
            continue
        if existing is not None and keep_published:
            values["published_at"] = existing["published_at"]
        result.rows.append(_merge(raw.row, values, existing))
    return result


def _merge(row: int, values: dict[str, Any], existing: dict[str, Any] | None) -> CleanPost:
    given = values.pop("_given")
    if existing is None:
        return CleanPost(row, values)
    # A blank cell keeps what is stored: an export without counts must not erase earlier ones.
    for name in METRICS.values():
        if values[name] is None:
            values[name] = existing[name]
    if "teks" not in given:
        values["text"] = existing["text"]
    if "sebutan" not in given:
        values["mentions"] = existing["mentions"]
    if values["channel_id"] is None:
        values["channel_id"] = existing["channel_id"]
    compared = ["platform", "account", "published_at", "text", "likes", "comments", "shares", "views", "mentions",
                "channel_id"]
    changed = any(values[name] != existing[name] for name in compared)
    text_changed = values["text"] != existing["text"]
    staff = existing["category_source"] == STAFF
    return CleanPost(row, values, existing, "diperbarui" if changed else "sama",
                     classify=text_changed and not staff)


# --- writing a batch -------------------------------------------------------------------------------

@transaction.atomic
def posts_import(*, office: Office | None, rows: Sequence[RawRow | Mapping[str, Any]], source: str, actor: Any,
                 columns: Mapping[str, str] | None = None, note: str = "", partial: bool = False) -> ImportResult:
    """Check and write rows of contract fields: all or none. The result says what was written (or
    why nothing was: `result.errors`).

    `partial=True` (the feed fetcher): the rows with a problem are left out (`result.skipped`) and
    the others written. Posts from feeds keep the published_at first seen."""
    result = posts_check(office=office, rows=rows, columns=columns, keep_published=source == PostSource.FEED)
    if partial:
        result.skipped, result.errors = result.errors, []
    if not result.ok:
        return result
    to_classify = [row for row in result.rows if row.change != "sama" and row.classify]
    verdicts = classify([row.values["text"] for row in to_classify]) if to_classify else []
    for row, verdict in zip(to_classify, verdicts, strict=True):
        row.values.update(category=verdict.category, category_reason=str(verdict.reason)[:REASON_MAX],
                          category_source=verdict.source)
    with_category: list[Post] = []
    without: list[Post] = []
    for row in result.rows:
        if row.change == "sama":
            continue
        post = _post(row, source)
        (with_category if row.classify else without).append(post)
    for posts, update_fields in ((with_category, DATA_FIELDS + CATEGORY_FIELDS), (without, DATA_FIELDS)):
        for start in range(0, len(posts), WRITE_CHUNK):
            Post.objects.bulk_create(posts[start:start + WRITE_CHUNK], update_conflicts=True, unique_fields=["url"],
                                     update_fields=update_fields)
    counts = result.counts()
    by_office: dict[int, int] = {}
    for row in result.rows:
        by_office[row.values["office_id"]] = by_office.get(row.values["office_id"], 0) + 1
    for target in Office.objects.filter(pk__in=by_office):
        audit_record(actor=actor, action="posts.import", target=target, office=target, note=note,
                     data={"source": source, "rows": by_office[target.pk], **counts})
    result.written = True
    return result


def _post(row: CleanPost, source: str) -> Post:
    values = row.values
    existing = row.existing or {}
    # A new id even for a stored post: the conflict on the URL keeps the stored row and its id.
    post = Post(
        id=uuid.uuid4(), office_id=values["office_id"], channel_id=values["channel_id"],
        platform=values["platform"], account=values["account"], published_at=values["published_at"],
        url=values["url"], text=values["text"], likes=values["likes"], comments=values["comments"],
        shares=values["shares"], views=values["views"], mentions=values["mentions"], source=source,
        category=values.get("category", existing.get("category", "")),
        category_reason=values.get("category_reason", existing.get("category_reason", "")),
        category_source=values.get("category_source", existing.get("category_source", "")),
    )
    return post


# --- one post ----------------------------------------------------------------------------------------

@transaction.atomic
def post_upsert(*, office: Office, platform: str, account: str, url: str, published_at: dt.datetime, text: str,
                source: str, actor: Any = None, channel: Channel | None = None, likes: int | None = None,
                comments: int | None = None, shares: int | None = None, views: int | None = None,
                mentions: Iterable[str] = ()) -> Post:
    """Create or update the post at `url` for `office`. Counts left None keep the stored ones; the
    text is classified when it is new or changed, unless staff corrected the category.

    The URL is normalised (`normalise_url`). An account that is a channel of another office (and
    not of `office`) is refused; any other account is accepted (a press release on a news site)."""
    url = normalise_url(url)
    post = Post.objects.select_for_update().filter(url=url).first()
    created = post is None
    if post is None:
        post = Post(office=office, url=url)
    elif post.office_id != office.pk:
        raise ValidationError(_("Tautan ini sudah tercatat sebagai unggahan kantor lain."))
    account_key = handle_key(platform, account)
    refused = _other_office_error(office, _channel_index(None, {platform}).get((platform, account_key), []))
    if refused is not None:
        raise ValidationError(refused)
    if channel is None:
        channel = next((c for c in Channel.objects.filter(office=office, kind=platform)
                        if account_key in {handle_key(platform, c.handle), handle_key(platform, c.url)}), None)
    text_changed = created or post.text != text
    if created or source != PostSource.FEED:  # a feed's date may be a sitemap's lastmod: the first one stays
        post.published_at = published_at
    post.platform, post.account, post.text, post.source = platform, account_key, text, source
    post.channel = channel or post.channel
    for name, value in (("likes", likes), ("comments", comments), ("shares", shares), ("views", views)):
        if value is not None:
            setattr(post, name, value)
    given_mentions = _mentions(" ".join(mentions))
    if given_mentions or created:
        post.mentions = given_mentions
    if text_changed and post.category_source != CategorySource.STAFF:
        verdict = classify([text])[0]
        post.category, post.category_reason, post.category_source = (
            verdict.category, str(verdict.reason)[:REASON_MAX], verdict.source)
    post.full_clean()
    post.save()
    audit_record(actor=actor, action="posts.post.create" if created else "posts.post.update", target=post,
                 office=office, data={"url": url, "source": source, "category": post.category})
    return post


@transaction.atomic
def post_correct(*, post: Post, category: str, actor: Any) -> Post:
    """A staff member decides the category; later imports and retraining keep it. The classifier is
    retrained by a background task once this commits."""
    if category not in Category.values:
        raise ValidationError(_("Kategori tidak dikenal."))
    previous = post.category
    name = (actor.get_full_name() or actor.get_username()) if getattr(actor, "is_authenticated", False) else ""
    post.category = category
    post.category_source = CategorySource.STAFF
    post.category_reason = (_("Dikoreksi oleh staf: %(name)s menilai unggahan ini %(category)s.")
                            % {"name": name or _("staf kantor"), "category": Category(category).label})[:REASON_MAX]
    post.corrected_by = actor if getattr(actor, "is_authenticated", False) else None
    post.corrected_at = timezone.now()
    post.full_clean()
    post.save(update_fields=["category", "category_source", "category_reason", "corrected_by", "corrected_at",
                             "updated_at"])
    audit_record(actor=actor, action="posts.post.correct", target=post, office=post.office,
                 data={"from": previous, "to": category})
    # Retraining takes a second or more: a background task, not the request. Other processes take the
    # correction in through retrain_if_stale() before they classify.
    transaction.on_commit(_request_retrain)
    return post


def _request_retrain() -> None:
    from bakohumas.posts.tasks import retrain_classifier

    retrain_classifier.enqueue()
