"""Readers for the files offices already have: the canonical CSV of the contract
(`../shared/formats/posts.md`), Meta Business Suite's CSV export (Instagram, Facebook), the X/Twitter
archive, TikTok's data download and YouTube Studio's content table (docs/posts.md).

Each reader turns its file into rows of the contract's fields, still as text (`RawRow`); checking
and writing them is the job of `bakohumas.posts.services.posts_import`, the same for every format.
A file is recognised by its bytes and structure, never by its name."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from bakohumas.core.spreadsheet import cell_value
from bakohumas.posts.models import PostSource

# The contract's columns, in order.
FIELDS = ("platform", "akun", "tanggal", "url", "teks", "suka", "komentar", "bagikan", "tayangan", "sebutan")
FORMATS = ("csv", "meta", "x", "tiktok", "youtube")
SOURCES = {"csv": PostSource.CSV, "meta": PostSource.META, "x": PostSource.X_ARCHIVE, "tiktok": PostSource.TIKTOK,
           "youtube": PostSource.YOUTUBE}
# What an archive may unpack to, all members read together: MEMBER_FACTOR times the upload limit
# (settings.IMPORT_MAX_BYTES); a small ZIP can unpack to gigabytes.
MEMBER_FACTOR = 4
# The X archive's tweets, in one file or in parts: data/tweets.js, data/tweets-part1.js, ...
# (older archives: tweet.js, tweet-part1.js).
X_TWEETS = re.compile(r"(?:^|/)tweets?(?:-part(\d+))?\.js$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.]{2,60})")
# The platforms' exports nest a handful of levels (TikTok: about six). Deeper JSON is refused before
# anything walks it: json.loads, str() and the readers recurse, and a few thousand brackets would
# raise RecursionError (a 500 on the page, a traceback in the command).
MAX_JSON_DEPTH = 64


class UnreadablePostFile(ValueError):
    """The file is not one of the known formats, or is damaged; the message is for the user."""


@dataclass
class RawRow:
    row: int  # line of a CSV (the header is 1) or position in a JSON list (the first is 1)
    values: dict[str, str]


@dataclass
class Batch:
    """What a reader found: rows of contract fields, and which column of the file each field came
    from (errors name the file's own column)."""

    format: str
    rows: list[RawRow] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)  # the file's columns that are not read

    @property
    def source(self) -> str:
        return SOURCES[self.format]


def mentions_in(text: str) -> str:
    """Handles written as @name in a caption, for formats whose export has no mention list."""
    return " ".join(dict.fromkeys(m.rstrip(".").lower() for m in MENTION.findall(text or "")))


def decode_text(content: bytes) -> str:
    if b"\x00" in content[:4096]:
        raise UnreadablePostFile(_("Berkas ini bukan teks (berisi data biner) dan bukan arsip ZIP yang dikenal."))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadablePostFile(_("Berkas bukan teks UTF-8. Simpan ulang sebagai CSV UTF-8.")) from None


def _deeper_than(data: Any, limit: int) -> bool:
    """Whether `data` nests lists/objects more than `limit` levels (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return False


def load_json(text: str, broken: str) -> Any:
    """The parsed JSON; UnreadablePostFile with `broken` when it is not JSON, and with its own message
    when it nests deeper than MAX_JSON_DEPTH."""
    too_deep = UnreadablePostFile(_("Berkas JSON ini bertingkat terlalu dalam (lebih dari %(depth)s tingkat), "
                                    "jadi bukan ekspor platform yang dikenal.") % {"depth": MAX_JSON_DEPTH})
    try:
        data = json.loads(text)
    except RecursionError:
        raise too_deep from None
    except ValueError:
        raise UnreadablePostFile(broken) from None
    if _deeper_than(data, MAX_JSON_DEPTH):
        raise too_deep
    return data


def first_line_of(text: str) -> str:
    """The text up to the first line break of a CSV file (\\r\\n, \\r or \\n). Not str.splitlines(): it
    also breaks at U+2028, U+0085, \\x0c and \\x1c-\\x1e, which captions contain."""
    return _LINE_BREAK.split(text, maxsplit=1)[0]


def read_csv(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header (as written) and rows with their line numbers; `,` `;` or tab separated."""
    first_line = first_line_of(text) if text.strip() else ""
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=",;\t").delimiter if first_line else ","
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [cell.strip() for cell in next(reader, [])]
        rows = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            # A file from classify-posts or another export of ours: the formula guard's apostrophe comes off.
            rows.append((reader.line_num,
                         {header[i]: cell_value(v.strip()) for i, v in enumerate(values) if i < len(header)}))
    except csv.Error:
        raise UnreadablePostFile(_("Berkas CSV tidak dapat dibaca: ada sel yang terlalu panjang atau tanda kutip "
                                   "yang tidak ditutup.")) from None
    return header, rows


def max_unpacked_bytes() -> int:
    return MEMBER_FACTOR * int(settings.IMPORT_MAX_BYTES)


def _too_large(name: str) -> UnreadablePostFile:
    return UnreadablePostFile(_("Isi arsip terlalu besar setelah dibuka (%(name)s; paling banyak %(mb)s MB). "
                                "Unggah berkas datanya saja.")
                              % {"name": name, "mb": max_unpacked_bytes() // (1024 * 1024)})


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """The member's bytes, refused when they are more than `budget` (the size in the ZIP's
    directory may lie: the bytes read are counted)."""
    if info.file_size > budget:
        raise _too_large(info.filename)
    with archive.open(info) as member:
        data = member.read(budget + 1)
    if len(data) > budget:
        raise _too_large(info.filename)
    return data


def zip_member(archive: zipfile.ZipFile, *names: str) -> bytes | None:
    """The first member whose path ends with one of `names`, at most max_unpacked_bytes()."""
    for info in archive.infolist():
        if any(info.filename == n or info.filename.endswith("/" + n) for n in names):
            return _read_member(archive, info, max_unpacked_bytes())
    return None


def zip_members(archive: zipfile.ZipFile, pattern: re.Pattern[str]) -> list[bytes]:
    """Every member whose path matches `pattern`, in the order of its first group as a number (a
    member without it first), together at most max_unpacked_bytes()."""
    found = [(int(match.group(1) or 0), info.filename, info) for info in archive.infolist()
             if (match := pattern.search(info.filename)) and not info.is_dir()]
    budget = max_unpacked_bytes()
    out = []
    for _number, _name, info in sorted(found, key=lambda item: (item[0], item[1])):
        data = _read_member(archive, info, budget)
        budget -= len(data)
        out.append(data)
    return out


def detect_format(content: bytes) -> str:
    """csv, meta, x, tiktok or youtube, from the bytes; UnreadablePostFile if none fits."""
    from bakohumas.posts.importers import tables

    if content[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            raise UnreadablePostFile(_("Arsip ZIP rusak atau tidak lengkap.")) from None
        if any(X_TWEETS.search(n) for n in names):
            return "x"
        if any(n.endswith(("user_data.json", "user_data_tiktok.json")) for n in names):
            return "tiktok"
        if any(n == "Table data.csv" or n.endswith("/Table data.csv") for n in names):
            return "youtube"
        raise UnreadablePostFile(_("Arsip ZIP ini bukan arsip X (data/tweets.js), unduhan data TikTok "
                                   "(user_data.json) atau ekspor YouTube Studio (Table data.csv)."))
    text = decode_text(content).lstrip()
    if text.startswith("window.YTD."):
        return "x"
    if text.startswith("{"):
        return "tiktok"
    if not text:
        raise UnreadablePostFile(_("Berkas kosong."))
    header, _rows = read_csv(first_line_of(text))
    found = tables.format_of_header(header)
    if found is None:
        raise UnreadablePostFile(_("Format berkas tidak dikenali. Gunakan CSV kanonik (kolom platform, akun, tanggal, "
                                   "url, teks), ekspor Meta Business Suite, arsip X, unduhan data TikTok, atau "
                                   "ekspor konten YouTube Studio."))
    return found


def read_posts(content: bytes, fmt: str = "auto") -> Batch:
    """Rows of contract fields from a file of format `fmt` (or the one its bytes say)."""
    from bakohumas.posts.importers import archives, tables

    if fmt == "auto":
        fmt = detect_format(content)
    readers = {"csv": tables.read_canonical, "meta": tables.read_meta, "youtube": tables.read_youtube,
               "x": archives.read_x, "tiktok": archives.read_tiktok}
    if fmt not in readers:
        raise ValueError(f"unknown format {fmt!r}")
    return readers[fmt](content)
