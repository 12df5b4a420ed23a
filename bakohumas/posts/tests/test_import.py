"""Each importer on its sample file, and the import rules: re-import updates by URL, a staff
correction survives, blank cells keep stored values, all rows or none."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.utils import timezone

from bakohumas.audit.models import AuditEntry
from bakohumas.posts.importers import UnreadablePostFile, detect_format, read_posts
from bakohumas.posts.models import Post
from bakohumas.posts.services import post_correct, post_upsert, posts_check, posts_import
from bakohumas.posts.tests.conftest import sample

pytestmark = pytest.mark.django_db


def _import(kediri, content: bytes, fmt: str = "auto", actor=None):
    batch = read_posts(content, fmt)
    return posts_import(office=kediri, rows=batch.rows, columns=batch.columns, source=batch.source, actor=actor)


@pytest.mark.parametrize(("name", "fmt"), [
    ("unggahan-kanonik.csv", "csv"), ("meta-business-suite-instagram.csv", "meta"),
    ("meta-business-suite-facebook.csv", "meta"), ("x-arsip.zip", "x"), ("x-tweets.js", "x"),
    ("tiktok-user_data.json", "tiktok"), ("youtube-studio-table-data.csv", "youtube")])
def test_it_recognises_each_sample_by_its_bytes(name, fmt):
    assert detect_format(sample(name)) == fmt


def test_it_imports_the_canonical_csv(kediri, kediri_channels):
    result = _import(kediri, sample("unggahan-kanonik.csv"))
    assert result.ok, result.errors
    assert result.counts() == {"baru": 5, "diperbarui": 0, "sama": 0}
    post = Post.objects.get(url="https://instagram.com/p/DMa1KpZx7Qb")
    assert (post.platform, post.account, post.likes, post.views, post.mentions) == (
        "instagram", "kpukotakediri", 152, 2310, ["kpu_ri", "kpujatim"])
    assert post.channel == kediri_channels["instagram"]
    assert post.published_at == dt.datetime(2025, 7, 15, 2, 30, tzinfo=dt.UTC)  # 09:30 in Jakarta
    assert post.category == "informasi" and post.category_source == "aturan" and post.source == "csv"
    greeting = Post.objects.get(url="https://instagram.com/p/DNc8QwRy2Lm")
    assert greeting.category == "seremonial" and greeting.category_reason
    website = Post.objects.get(platform="website")
    assert website.account == "kota-kediri.kpu.go.id" and website.channel == kediri_channels["website"]
    assert AuditEntry.objects.filter(action="posts.import").count() == 1


def test_it_imports_meta_business_suite_exports(kediri, kediri_channels):
    assert _import(kediri, sample("meta-business-suite-instagram.csv")).ok
    reel = Post.objects.get(url="https://instagram.com/reel/DKf3LmNo9Pq")
    assert (reel.platform, reel.account, reel.likes, reel.comments, reel.shares, reel.views) == (
        "instagram", "kpukotakediri", 98, 4, 6, 4120)
    assert reel.published_at == dt.datetime(2025, 6, 2, 1, 15, tzinfo=dt.UTC)  # "06/02/2025 08:15", month first
    first = Post.objects.get(url="https://instagram.com/p/DMa1KpZx7Qb")
    assert first.mentions == ["kpujatim"] and first.source == "meta"
    assert _import(kediri, sample("meta-business-suite-facebook.csv")).ok
    post = Post.objects.get(url="https://facebook.com/kpukotakediri/posts/122150000000000002")
    assert (post.platform, post.account, post.likes, post.comments) == ("facebook", "kpukotakediri", 61, 12)
    assert post.channel == kediri_channels["facebook"] and post.category == "seremonial"


@pytest.mark.parametrize("name", ["x-arsip.zip", "x-tweets.js"])
def test_it_imports_the_x_archive(kediri, kediri_channels, name):
    assert _import(kediri, sample(name)).ok
    post = Post.objects.get(url__endswith="/status/1945312345678901234")
    assert (post.platform, post.account, post.likes, post.shares, post.mentions) == (
        "x", "kpukotakediri", 12, 5, ["kpu_id"])
    assert post.published_at == dt.datetime(2025, 7, 16, 3, 12, 45, tzinfo=dt.UTC)
    assert post.channel == kediri_channels["x"] and post.source == "x_arsip"


def test_it_imports_tiktok_data_download(kediri, kediri_channels):
    assert _import(kediri, sample("tiktok-user_data.json")).ok
    post = Post.objects.get(url="https://tiktokv.com/share/video/7527412345678901234")
    assert (post.account, post.likes, post.mentions) == ("kpukotakediri", 85, ["kpujatim"])
    assert post.published_at == dt.datetime(2025, 7, 16, 10, 15, tzinfo=dt.UTC)
    assert Post.objects.get(url__contains="7538812345678901234").category == "seremonial"


@pytest.mark.parametrize("zipped", [False, True])
def test_it_imports_youtube_studio_content_table(kediri, kediri_channels, zipped):
    content = sample("youtube-studio-table-data.csv")
    if zipped:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("Table data.csv", content)
            archive.writestr("Totals.csv", "Date,Views\n")
        content = buffer.getvalue()
    result = _import(kediri, content)
    assert result.ok, result.errors
    assert result.counts()["baru"] == 2  # the "Total" row is not a video
    post = Post.objects.get(url="https://youtube.com/watch?v=dQw4KpuKd01")
    assert (post.platform, post.views, post.channel) == ("youtube", 3120, kediri_channels["youtube"])
    assert timezone.localdate(post.published_at) == dt.date(2025, 7, 16)


def test_an_export_without_the_account_needs_one_channel_of_that_kind(kediri):
    result = _import(kediri, sample("youtube-studio-table-data.csv"))
    assert not result.ok and not Post.objects.exists()
    assert {(e.row, e.column) for e in result.errors} == {(3, "akun"), (4, "akun")}


def test_reimport_updates_by_url_and_keeps_a_staff_correction(kediri, kediri_channels, operator):
    _import(kediri, sample("unggahan-kanonik.csv"))
    post = Post.objects.get(url="https://instagram.com/p/DNc8QwRy2Lm")
    post_correct(post=post, category="informasi", actor=operator)
    changed = sample("unggahan-kanonik.csv").replace(b",301,22,4,,", b",999,22,4,,").replace(
        b"Dirgahayu Republik Indonesia ke-80. Merdeka!", b"Dirgahayu RI ke-80! Selamat!")
    result = _import(kediri, changed)
    assert result.counts() == {"baru": 0, "diperbarui": 1, "sama": 4}
    post.refresh_from_db()
    assert post.likes == 999 and post.text == "Dirgahayu RI ke-80! Selamat!"
    assert (post.category, post.category_source, post.corrected_by) == ("informasi", "staf", operator)
    assert post.category_reason.startswith("Dikoreksi oleh staf:")
    assert Post.objects.count() == 5


def test_a_blank_cell_keeps_the_stored_value(kediri, kediri_channels):
    _import(kediri, sample("unggahan-kanonik.csv"))
    rows = [{"platform": "instagram", "akun": "kpukotakediri", "tanggal": "2025-07-15T09:30",
             "url": "https://www.instagram.com/p/DMa1KpZx7Qb/", "teks": "", "suka": "160", "komentar": ""}]
    result = posts_import(office=kediri, rows=rows, source="csv", actor=None)
    assert result.ok and result.counts()["diperbarui"] == 1
    post = Post.objects.get(url="https://instagram.com/p/DMa1KpZx7Qb")
    assert (post.likes, post.comments, post.views, post.mentions) == (160, 14, 2310, ["kpu_ri", "kpujatim"])
    assert post.text.startswith("Jadwal pencocokan")


def test_unchanged_text_is_not_classified_again(kediri, kediri_channels, classify_calls):
    _import(kediri, sample("unggahan-kanonik.csv"))
    _import(kediri, sample("unggahan-kanonik.csv"))
    assert classify_calls == [5]  # one call for the whole file, none on the identical re-import


def test_it_writes_nothing_when_one_row_is_wrong(kediri, kediri_channels):
    content = (b"platform,akun,tanggal,url,teks,suka\n"
               b"instagram,kpukotakediri,2025-07-01,https://www.instagram.com/p/A1/,Jadwal coklit,3\n"
               b"myspace,kpukotakediri,2025-07-01,https://example.org/1,x,\n"
               b"instagram,kpukotakediri,17 Juli 2025,notaurl,x,-4\n"
               b"instagram,kpukotakediri,2025-07-01,https://www.instagram.com/p/A1/,lagi,\n")
    result = _import(kediri, content)
    assert not result.ok and not Post.objects.exists()
    assert [(e.row, e.column) for e in result.errors] == [
        (3, "platform"), (4, "url"), (4, "tanggal"), (4, "suka"), (5, "url")]
    assert "baris 2" in result.errors[-1].reason or "baris 2" in str(result.errors[-1])


def test_a_url_of_another_office_is_refused(kediri, jatim, kediri_channels):
    _import(kediri, sample("unggahan-kanonik.csv"))
    rows = [{"platform": "instagram", "akun": "kpujatim", "tanggal": "2025-07-15",
             "url": "https://instagram.com/p/DMa1KpZx7Qb?igshid=abc", "teks": "Jadwal"}]
    result = posts_import(office=jatim, rows=rows, source="csv", actor=None)
    assert not result.ok and "kantor lain" in result.errors[0].reason


def test_an_office_cannot_import_the_accounts_of_another_office_first(kediri, jatim, kediri_channels):
    # Jatim imports Kediri's public posts before Kediri does: refused by row, nothing written.
    result = _import(jatim, sample("unggahan-kanonik.csv"))
    assert not result.ok and not Post.objects.exists()
    assert {e.column for e in result.errors} == {"akun"}
    assert "kanal KPU Kota Kediri" in result.errors[0].reason
    assert _import(kediri, sample("unggahan-kanonik.csv")).ok  # the owner's import is not blocked


def test_a_website_row_must_be_on_the_office_site_or_its_own_akun(kediri, jatim, kediri_channels, make_channel):
    make_channel(jatim, "website", "jatim.kpu.go.id", url="https://jatim.kpu.go.id")
    rows = [
        # Kediri's host under another name: refused (the link is not on the row's akun).
        {"platform": "website", "akun": "detik.com", "tanggal": "2025-07-15",
         "url": "https://kota-kediri.kpu.go.id/berita/x", "teks": "Rapat pleno"},
        # Kediri's own site: refused for Jatim (a channel of another office).
        {"platform": "website", "akun": "", "tanggal": "2025-07-15",
         "url": "https://kota-kediri.kpu.go.id/berita/y", "teks": "Rapat pleno"},
        # A press release on a news site: accepted.
        {"platform": "website", "akun": "", "tanggal": "2025-07-15",
         "url": "https://www.detik.com/jatim/berita/d-1", "teks": "Rapat pleno"},
        # The office's own site under its akun: accepted.
        {"platform": "website", "akun": "jatim.kpu.go.id", "tanggal": "2025-07-15",
         "url": "https://jatim.kpu.go.id/berita/z", "teks": "Rapat pleno"},
    ]
    result = posts_check(office=jatim, rows=rows)
    assert [(e.row, e.column) for e in result.errors] == [(2, "url"), (3, "akun")]
    assert [r.values["account"] for r in result.rows] == ["detik.com", "jatim.kpu.go.id"]


def test_post_upsert_refuses_another_office_channel_but_not_a_news_site(kediri, jatim, kediri_channels):
    from django.core.exceptions import ValidationError

    when = dt.datetime(2025, 7, 1, 9, tzinfo=dt.UTC)
    with pytest.raises(ValidationError, match="kanal KPU Kota Kediri"):
        post_upsert(office=jatim, platform="instagram", account="kpukotakediri", url="https://instagram.com/p/Z9",
                    published_at=when, text="Jadwal", source="publikasi")
    post = post_upsert(office=jatim, platform="website", account="www.detik.com",
                       url="https://www.detik.com/jatim/berita/d-2/?utm_source=wa", published_at=when,
                       text="Siaran pers KPU Jatim", source="publikasi")
    assert (post.account, post.url) == ("detik.com", "https://detik.com/jatim/berita/d-2")


@pytest.mark.parametrize(("raw", "expected"), [
    ("instagram.com/p/X", "instagram.com/p/X"),  # not a link: left for the check to refuse
    ("https://www.instagram.com/p/X/?utm_source=ig_web_copy_link&igshid=abc#c", "https://instagram.com/p/X"),
    ("http://Instagram.com/p/X", "https://instagram.com/p/X"),
    ("https://www.youtube.com/watch?v=abc&t=10s&feature=share", "https://youtube.com/watch?v=abc&feature=share"),
    ("https://www.facebook.com/permalink.php?story_fbid=1&id=2&fbclid=Iw",
     "https://facebook.com/permalink.php?story_fbid=1&id=2"),
    ("https://x.com/kpu/status/1?s=20&t=abc", "https://x.com/kpu/status/1"),
    ("https://kota-kediri.kpu.go.id/?p=12&s=coklit", "https://kota-kediri.kpu.go.id?p=12&s=coklit"),
])
def test_urls_are_normalised(raw, expected):
    from bakohumas.posts.services import normalise_url

    assert normalise_url(raw) == expected


def test_the_same_post_spelled_two_ways_is_one_post(kediri, kediri_channels):
    rows = [{"platform": "instagram", "akun": "kpukotakediri", "tanggal": "2025-07-01",
             "url": "instagram.com/p/X", "teks": "Jadwal coklit"}]
    assert not posts_import(office=kediri, rows=rows, source="csv", actor=None).ok  # no scheme: not a link
    rows[0]["url"] = "https://instagram.com/p/X"
    assert posts_import(office=kediri, rows=rows, source="csv", actor=None).ok
    rows[0]["url"] = "https://www.instagram.com/p/X/?utm_source=ig_web_copy_link"
    result = posts_import(office=kediri, rows=rows, source="csv", actor=None)
    assert result.ok and result.counts()["sama"] == 1
    post_upsert(office=kediri, platform="instagram", account="kpukotakediri",
                url="https://www.instagram.com/p/X/#comments", published_at=dt.datetime(2025, 7, 1, tzinfo=dt.UTC),
                text="Jadwal coklit", source="publikasi")
    assert list(Post.objects.values_list("url", flat=True)) == ["https://instagram.com/p/X"]


def test_without_an_office_each_row_goes_to_the_office_of_its_channel(kediri, kediri_channels):
    rows = [{"platform": "instagram", "akun": "@KPUKotaKediri", "tanggal": "2025-07-01",
             "url": "https://www.instagram.com/p/B1/", "teks": "Jadwal"},
            {"platform": "instagram", "akun": "tidakdikenal", "tanggal": "2025-07-01",
             "url": "https://www.instagram.com/p/B2/", "teks": "Jadwal"}]
    result = posts_import(office=None, rows=rows, source="csv", actor=None)
    assert [(e.row, e.column) for e in result.errors] == [(3, "akun")]
    result = posts_import(office=None, rows=rows[:1], source="csv", actor=None)
    assert result.ok and Post.objects.get().office == kediri


def _x_archive(*members: tuple[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members:
            archive.writestr(name, text)
    return buffer.getvalue()


def _tweets(part: int, *ids: str) -> str:
    tweets = ", ".join(f'{{"tweet": {{"id_str": "{i}", "created_at": "Wed Jul 16 03:12:45 +0000 2025", '
                       f'"full_text": "Jadwal coklit {i}", "favorite_count": "1"}}}}' for i in ids)
    return f"window.YTD.tweets.part{part} = [ {tweets} ]"


def test_every_part_of_an_x_archive_is_read(kediri, kediri_channels):
    account = 'window.YTD.account.part0 = [ {"account": {"username": "kpukotakediri"}} ]'
    content = _x_archive(("data/tweets-part1.js", _tweets(1, "3", "4")), ("data/account.js", account),
                         ("data/tweets.js", _tweets(0, "1", "2")))
    assert detect_format(content) == "x"
    batch = read_posts(content)
    assert [row.values["url"] for row in batch.rows] == [
        f"https://x.com/kpukotakediri/status/{i}" for i in ("1", "2", "3", "4")]
    assert [row.row for row in batch.rows] == [1, 2, 3, 4]
    assert _import(kediri, content).counts()["baru"] == 4


def test_an_archive_that_unpacks_to_too_much_is_refused(settings):
    settings.IMPORT_MAX_BYTES = 1000  # members may unpack to 4000 bytes together
    small = _x_archive(("data/tweets.js", _tweets(0, *[str(i) for i in range(10)])))
    assert len(read_posts(small).rows) == 10
    big = _x_archive(("data/tweets.js", _tweets(0, *[str(i) for i in range(20)])),
                     ("data/tweets-part1.js", _tweets(1, *[str(i) for i in range(20, 40)])))
    with pytest.raises(UnreadablePostFile, match="terlalu besar setelah dibuka"):
        read_posts(big)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "kosong"), (b"\x89PNG\r\n\x1a\n\x00\x00", "biner"), (b"nama,alamat\nA,B\n", "tidak dikenali"),
    (b"PK\x03\x04garbage", "rusak"), (b"window.YTD.tweets.part0 = [ {", "rusak"),
    (b'{"Activity": {}}', "VideoList")])
def test_unknown_or_broken_files_get_a_clear_message(content, message):
    with pytest.raises(UnreadablePostFile, match=message):
        read_posts(content)


DEEP = 100_000  # far past Python's recursion limit


@pytest.mark.parametrize("content", [
    b'{"Video": {"Videos": {"VideoList": ' + b"[" * DEEP + b"]" * DEEP + b"}}}",
    b"window.YTD.tweets.part0 = " + b"[" * DEEP + b"]" * DEEP,
    _x_archive(("data/tweets.js", "window.YTD.tweets.part0 = " + "[" * DEEP + "]" * DEEP)),
    # Parses, but nests deeper than any export: refused before a reader walks it.
    b'{"Video": {"Videos": {"VideoList": [{"Title": ' + b"[" * 200 + b"]" * 200 + b"}]}}}"])
def test_it_refuses_deeply_nested_json_with_its_own_message(content):
    with pytest.raises(UnreadablePostFile, match="bertingkat terlalu dalam"):
        read_posts(content)


def test_it_reads_json_as_deep_as_the_limit():
    from bakohumas.posts.importers import MAX_JSON_DEPTH

    # The outer object, Video, Videos, VideoList and the video are five levels; the title's lists the rest.
    title = "[" * (MAX_JSON_DEPTH - 5) + "]" * (MAX_JSON_DEPTH - 5)
    content = '{"Video": {"Videos": {"VideoList": [{"Title": ' + title + ', "Date": "2025-07-16 10:15:00"}]}}}'
    assert len(read_posts(content.encode()).rows) == 1


def test_post_upsert_creates_then_updates_and_respects_corrections(kediri, kediri_channels, operator):
    when = dt.datetime(2025, 7, 1, 9, tzinfo=dt.UTC)
    post = post_upsert(office=kediri, platform="instagram", account="@KPUKotaKediri",
                       url="https://www.instagram.com/p/C1/", published_at=when, text="Selamat Idul Adha",
                       source="publikasi", mentions=["@KPU_RI"], likes=3)
    assert (post.channel, post.account, post.category, post.mentions) == (
        kediri_channels["instagram"], "kpukotakediri", "seremonial", ["kpu_ri"])
    post_correct(post=post, category="informasi", actor=operator)
    again = post_upsert(office=kediri, platform="instagram", account="kpukotakediri",
                        url="https://www.instagram.com/p/C1/", published_at=when, text="Selamat Idul Adha!",
                        source="publikasi")
    assert again.pk == post.pk and again.likes == 3 and again.category == "informasi"
    assert again.category_source == "staf"
    assert AuditEntry.objects.filter(action__startswith="posts.post.").count() == 3


def test_line_separators_inside_a_caption_stay_in_the_row(kediri, kediri_channels):
    text = "Jadwal coklit\u2028mulai 24 Juni\x85sampai 24 Juli"
    content = ("platform,akun,tanggal,url,teks\n"
               f"instagram,kpukotakediri,2025-07-01,https://instagram.com/p/L1,\"{text}\"\n"
               "instagram,kpukotakediri,2025-07-02,https://instagram.com/p/L2,Kedua\n").encode()
    batch = read_posts(content)
    assert [row.values["teks"] for row in batch.rows] == [text, "Kedua"]
    assert [row.row for row in batch.rows] == [2, 3]


def test_the_migration_gives_stored_posts_their_canonical_url(kediri):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("bakohumas.posts.migrations.0004_normalise_post_urls")
    common = {"office": kediri, "platform": "instagram", "account": "kpukotakediri", "category": "informasi",
              "category_reason": "uji", "category_source": "aturan", "source": "csv",
              "published_at": dt.datetime(2025, 7, 1, tzinfo=dt.UTC)}
    one = Post.objects.create(url="https://www.instagram.com/p/M1/?utm_source=ig", **common)
    stored_twice = Post.objects.create(url="https://www.instagram.com/p/M2/", **common)
    Post.objects.create(url="https://instagram.com/p/M2", **common)
    migration.normalise(apps, None)
    one.refresh_from_db()
    stored_twice.refresh_from_db()
    assert one.url == "https://instagram.com/p/M1"
    assert stored_twice.url == "https://www.instagram.com/p/M2/"  # its canonical URL is taken: left as it was
