"""Readers for the files offices already have: the canonical CSV of the contract
(`../shared/formats/posts.md`), Meta Business Suite's CSV export (Instagram, Facebook), the X/Twitter
archive, TikTok's data download and YouTube Studio's content table (docs/posts.md).

Each reader turns its file into rows of the contract's fields, still as text (`RawRow`); checking
and writing them is the job of `bakohumas.posts.services.posts_import`, the same for every format.
A file is recognised by its bytes and structure, never by its name."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from bakohumas.posts.models import PostSource

# The contract's columns, in order.
FIELDS = ("platform", "akun", "tanggal", "url", "teks", "suka", "komentar", "bagikan", "tayangan", "sebutan")
FORMATS = ("csv", "meta", "x", "tiktok", "youtube")
SOURCES = {"csv": PostSource.CSV, "meta": PostSource.META, "x": PostSource.X_ARCHIVE, "tiktok": PostSource.TIKTOK,
           "youtube": PostSource.YOUTUBE}
# A member of an archive is read up to this size: a small ZIP can unpack to gigabytes.
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_.]{2,60})")


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


def read_csv(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header (as written) and rows with their line numbers; `,` `;` or tab separated."""
    first_line = text.splitlines()[0] if text.strip() else ""
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=",;\t").delimiter if first_line else ","
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [cell.strip() for cell in next(reader, [])]
        rows = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            rows.append((reader.line_num, {header[i]: v.strip() for i, v in enumerate(values) if i < len(header)}))
    except csv.Error:
        raise UnreadablePostFile(_("Berkas CSV tidak dapat dibaca: ada sel yang terlalu panjang atau tanda kutip "
                                   "yang tidak ditutup.")) from None
    return header, rows


def zip_member(archive: zipfile.ZipFile, *names: str) -> bytes | None:
    """The first member whose path ends with one of `names`, read up to MAX_MEMBER_BYTES."""
    for info in archive.infolist():
        if any(info.filename == n or info.filename.endswith("/" + n) for n in names):
            if info.file_size > MAX_MEMBER_BYTES:
                raise UnreadablePostFile(_("Berkas %(name)s di dalam arsip terlalu besar.") % {"name": info.filename})
            with archive.open(info) as member:
                return member.read(MAX_MEMBER_BYTES + 1)[:MAX_MEMBER_BYTES]
    return None


def detect_format(content: bytes) -> str:
    """csv, meta, x, tiktok or youtube, from the bytes; UnreadablePostFile if none fits."""
    from bakohumas.posts.importers import tables

    if content[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            raise UnreadablePostFile(_("Arsip ZIP rusak atau tidak lengkap.")) from None
        if any(n.endswith(("tweets.js", "tweet.js")) for n in names):
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
    header, _rows = read_csv(text.splitlines()[0] if text else "")
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
