"""CSV formats: the canonical CSV, Meta Business Suite's post export and YouTube Studio's content
table. Column names are matched without regard to case or surrounding spaces."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from bakohumas.posts.importers import (
    FIELDS,
    Batch,
    RawRow,
    UnreadablePostFile,
    decode_text,
    mentions_in,
    read_csv,
    zip_member,
)

# Meta Business Suite › Insights › Content › Export: one row per post; "Publish time" is written
# month first, "07/15/2025 09:30", in the time zone of the account's settings.
META_REQUIRED = ("permalink", "publish time")
META_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
META_COLUMNS = {
    "akun": ("account username", "page username", "username", "account name", "page name"),
    "teks": ("description", "title"),
    "suka": ("likes", "reactions"),
    "komentar": ("comments",),
    "bagikan": ("shares",),
    "tayangan": ("views", "plays", "impressions"),
}
# YouTube Studio › Analytics › Advanced mode › Content › Export (Comma-separated values): a ZIP
# whose "Table data.csv" starts with a "Total" row; "Content" is the video's ID.
YOUTUBE_COLUMNS = {
    "teks": ("video title",),
    "tanggal": ("video publish time",),
    "suka": ("likes",),
    "komentar": ("comments added", "comments"),
    "bagikan": ("shares",),
    "tayangan": ("views",),
}
YOUTUBE_DATE = "%b %d, %Y"  # "Jul 16, 2025"


def _lower(header: list[str]) -> set[str]:
    return {column.strip().lower() for column in header}


def format_of_header(header: list[str]) -> str | None:
    columns = _lower(header)
    if {"platform", "url"} <= columns and ("akun" in columns or "tanggal" in columns):
        return "csv"
    if set(META_REQUIRED) <= columns:
        return "meta"
    if "content" in columns and "video publish time" in columns:
        return "youtube"
    return None


def _pick(row: dict[str, str], names: tuple[str, ...], columns: dict[str, str]) -> tuple[str, str]:
    """The first present column of `names` with a value: (value, the file's column name)."""
    for name in names:
        original = columns.get(name)
        if original is not None and row.get(original, "").strip():
            return row[original].strip(), original
    first = next((columns[n] for n in names if n in columns), "")
    return "", first


def _table(content: bytes, expected: str) -> tuple[list[str], list[tuple[int, dict[str, str]]], dict[str, str]]:
    header, rows = read_csv(decode_text(content))
    if format_of_header(header) != expected:
        raise UnreadablePostFile({
            "csv": _("Baris judul CSV kanonik harus memuat kolom platform, akun, tanggal, url dan teks."),
            "meta": _("Ini bukan ekspor Meta Business Suite: kolom Permalink dan Publish time tidak ada."),
            "youtube": _("Ini bukan ekspor konten YouTube Studio: kolom Content dan Video publish time tidak ada."),
        }[expected])
    return header, rows, {column.strip().lower(): column for column in header}


def read_canonical(content: bytes) -> Batch:
    header, rows, columns = _table(content, "csv")
    # Other columns (kategori and alasan from classify-posts, a spreadsheet's "no") are left out
    # and named in the preview.
    ignored = [c for c in header if c and c.strip().lower() not in FIELDS]
    batch = Batch("csv", columns={name: columns.get(name, name) for name in FIELDS}, ignored=ignored)
    for number, row in rows:
        batch.rows.append(RawRow(number, {name: row.get(columns.get(name, ""), "") for name in FIELDS
                                          if name in columns}))
    return batch


def _meta_date(raw: str) -> str:
    match = META_DATE.match(raw.strip())
    if not match:
        return raw.strip()  # refused with the file's own value when checked
    month, day, year, hour, minute, second = match.groups()
    try:
        return dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                           int(second or 0)).isoformat()
    except ValueError:
        return raw.strip()


def _platform_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    if host.endswith("instagram.com"):
        return "instagram"
    if host.endswith(("facebook.com", "fb.com", "fb.watch")):
        return "facebook"
    if host.endswith("threads.net") or host.endswith("threads.com"):
        return "threads"
    return ""


def _facebook_page(url: str) -> str:
    """facebook.com/kpukotakediri/posts/123 -> kpukotakediri (not for numeric ids or link types)."""
    parts = urlsplit(url)
    segment = parts.path.strip("/").split("/")[0] if (parts.hostname or "").endswith("facebook.com") else ""
    if not segment or segment.isdigit() or segment in {"permalink.php", "photo", "photo.php", "reel", "watch",
                                                       "story.php", "groups", "events", "share"}:
        return ""
    return segment.lower()


def read_meta(content: bytes) -> Batch:
    _header, rows, columns = _table(content, "meta")
    batch = Batch("meta", columns={"url": columns["permalink"], "tanggal": columns["publish time"],
                                   "platform": columns["permalink"]})
    for number, row in rows:
        url = row.get(columns["permalink"], "").strip()
        values = {"url": url, "platform": _platform_of(url) or "?",
                  "tanggal": _meta_date(row.get(columns["publish time"], ""))}
        for target, names in META_COLUMNS.items():
            values[target], column = _pick(row, names, columns)
            batch.columns.setdefault(target, column or names[0])
        page = _facebook_page(url)
        if page and values["akun"] and " " in values["akun"]:
            values["akun"] = page  # "KPU Kota Kediri" is the page's name; its handle is in the link
        values["akun"] = values["akun"].lstrip("@") or page
        values["sebutan"] = mentions_in(values["teks"])
        batch.rows.append(RawRow(number, values))
    return batch


def read_youtube(content: bytes) -> Batch:
    if content[:4] == b"PK\x03\x04":  # the export as YouTube Studio gives it: a ZIP of three tables
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                table = zip_member(archive, "Table data.csv")
        except zipfile.BadZipFile:
            raise UnreadablePostFile(_("Arsip ZIP rusak atau tidak lengkap.")) from None
        if table is None:
            raise UnreadablePostFile(_("Arsip ini tidak memuat Table data.csv dari YouTube Studio."))
        content = table
    _header, rows, columns = _table(content, "youtube")
    batch = Batch("youtube", columns={"url": columns["content"], "platform": columns["content"], "akun": "akun"})
    for number, row in rows:
        video_id = row.get(columns["content"], "").strip()
        if not video_id or video_id.lower() == "total":
            continue  # the sum over all videos
        values = {"platform": "youtube", "akun": "", "url": f"https://www.youtube.com/watch?v={video_id}"}
        for target, names in YOUTUBE_COLUMNS.items():
            values[target], column = _pick(row, names, columns)
            batch.columns.setdefault(target, column or names[0])
        try:
            values["tanggal"] = dt.datetime.strptime(values["tanggal"], YOUTUBE_DATE).date().isoformat()
        except ValueError:
            pass  # refused with the file's own value when checked
        values["sebutan"] = mentions_in(values["teks"])
        batch.rows.append(RawRow(number, values))
    return batch
