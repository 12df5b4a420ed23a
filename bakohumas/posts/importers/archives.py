"""JSON formats: the X/Twitter archive (`data/tweets.js`, alone or in the archive's ZIP) and TikTok's
data download (`user_data.json`, alone or in its ZIP)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from django.utils.translation import gettext as _

from bakohumas.posts.importers import (
    X_TWEETS,
    Batch,
    RawRow,
    UnreadablePostFile,
    decode_text,
    load_json,
    mentions_in,
    zip_member,
    zip_members,
)

X_DATE = "%a %b %d %H:%M:%S %z %Y"  # "Wed Jul 16 03:12:45 +0000 2025"


def _ytd(text: str, what: str) -> list[Any]:
    """The list after `window.YTD.<what>.part0 = `."""
    prefix, sep, body = text.partition("=")
    if not sep or not prefix.strip().startswith("window.YTD."):
        raise UnreadablePostFile(_("Berkas %(what)s dari arsip X tidak dikenali (harus diawali window.YTD.).")
                                 % {"what": what})
    data = load_json(body.strip().rstrip(";"),
                     _("Berkas %(what)s dari arsip X rusak: isinya bukan JSON yang utuh.") % {"what": what})
    if not isinstance(data, list):
        raise UnreadablePostFile(_("Berkas %(what)s dari arsip X tidak berisi daftar.") % {"what": what})
    return data


def _open_zip(content: bytes) -> zipfile.ZipFile | None:
    if content[:4] != b"PK\x03\x04":
        return None
    try:
        return zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        raise UnreadablePostFile(_("Arsip ZIP rusak atau tidak lengkap.")) from None


def read_x(content: bytes) -> Batch:
    """The tweets of an X archive: its ZIP (every part: data/tweets.js, data/tweets-part1.js, ...) or
    a tweets.js alone."""
    username = ""
    archive = _open_zip(content)
    items: list[Any]
    if archive is not None:
        with archive:
            parts = zip_members(archive, X_TWEETS)
            account = zip_member(archive, "account.js")
        if not parts:
            raise UnreadablePostFile(_("Arsip ini tidak memuat data/tweets.js."))
        if account is not None:
            for item in _ytd(decode_text(account), "account.js"):
                username = str((item.get("account") or {}).get("username") or "") if isinstance(item, dict) else ""
        items = [item for part in parts for item in _ytd(decode_text(part), "tweets.js")]
    else:
        items = _ytd(decode_text(content), "tweets.js")
    batch = Batch("x", columns={"platform": "tweet", "akun": "account.username", "tanggal": "created_at",
                                "url": "id_str", "teks": "full_text", "suka": "favorite_count",
                                "bagikan": "retweet_count", "sebutan": "entities.user_mentions"})
    for number, item in enumerate(items, start=1):
        tweet = item.get("tweet", item) if isinstance(item, dict) else {}
        if not isinstance(tweet, dict):
            tweet = {}
        tweet_id = str(tweet.get("id_str") or tweet.get("id") or "")
        created = str(tweet.get("created_at") or "")
        try:
            created = dt.datetime.strptime(created, X_DATE).isoformat()
        except ValueError:
            pass  # refused with the file's own value when checked
        mentions = [m.get("screen_name", "") for m in (tweet.get("entities") or {}).get("user_mentions") or []
                    if isinstance(m, dict)]
        path = f"{username}/status/{tweet_id}" if username else f"i/web/status/{tweet_id}"
        batch.rows.append(RawRow(number, {
            "platform": "x", "akun": username, "tanggal": created,
            "url": f"https://x.com/{path}" if tweet_id else "",
            "teks": str(tweet.get("full_text") or tweet.get("text") or ""),
            "suka": _count(tweet.get("favorite_count")), "bagikan": _count(tweet.get("retweet_count")),
            "sebutan": " ".join(str(m) for m in mentions if m)}))
    return batch


def _count(value: Any) -> str:
    return "" if value is None else str(value)


def _dig(data: Any, *keys: str) -> Any:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def read_tiktok(content: bytes) -> Batch:
    archive = _open_zip(content)
    if archive is not None:
        with archive:
            member = zip_member(archive, "user_data.json", "user_data_tiktok.json")
        if member is None:
            raise UnreadablePostFile(_("Arsip ini tidak memuat user_data.json dari TikTok."))
        content = member
    data = load_json(decode_text(content), _("Berkas JSON TikTok rusak: isinya bukan JSON yang utuh."))
    # The download has said "Video › Videos › VideoList"; newer ones say "Post › Posts › VideoList".
    videos = _dig(data, "Video", "Videos", "VideoList") or _dig(data, "Post", "Posts", "VideoList")
    if not isinstance(videos, list):
        raise UnreadablePostFile(_("Berkas JSON ini bukan unduhan data TikTok: bagian Video › Videos › VideoList "
                                   "tidak ada."))
    username = str(_dig(data, "Profile", "Profile Info", "ProfileMap", "userName")
                   or _dig(data, "Profile", "Profile Information", "ProfileMap", "userName") or "")
    batch = Batch("tiktok", columns={"platform": "Video", "akun": "ProfileMap.userName", "tanggal": "Date",
                                     "url": "Link", "teks": "Title", "suka": "Likes"})
    for number, video in enumerate(videos, start=1):
        video = video if isinstance(video, dict) else {}
        text = str(video.get("Title") or video.get("Description") or "")
        batch.rows.append(RawRow(number, {
            "platform": "tiktok", "akun": username.lstrip("@"),
            # TikTok writes UTC without saying so: "2025-07-16 10:15:00".
            "tanggal": f"{video['Date']}+00:00" if len(str(video.get("Date") or "")) == 19 else str(video.get("Date") or ""),
            "url": str(video.get("Link") or ""), "teks": text, "suka": _count(video.get("Likes")),
            "sebutan": mentions_in(text)}))
    return batch
