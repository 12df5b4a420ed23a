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
from bakohumas.posts.services import post_correct, post_upsert, posts_import
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
    post = Post.objects.get(url="https://www.instagram.com/p/DMa1KpZx7Qb/")
    assert (post.platform, post.account, post.likes, post.views, post.mentions) == (
        "instagram", "kpukotakediri", 152, 2310, ["kpu_ri", "kpujatim"])
    assert post.channel == kediri_channels["instagram"]
    assert post.published_at == dt.datetime(2025, 7, 15, 2, 30, tzinfo=dt.UTC)  # 09:30 in Jakarta
    assert post.category == "informasi" and post.category_source == "aturan" and post.source == "csv"
    greeting = Post.objects.get(url="https://www.instagram.com/p/DNc8QwRy2Lm/")
    assert greeting.category == "seremonial" and greeting.category_reason
    website = Post.objects.get(platform="website")
    assert website.account == "kota-kediri.kpu.go.id" and website.channel == kediri_channels["website"]
    assert AuditEntry.objects.filter(action="posts.import").count() == 1


def test_it_imports_meta_business_suite_exports(kediri, kediri_channels):
    assert _import(kediri, sample("meta-business-suite-instagram.csv")).ok
    reel = Post.objects.get(url="https://www.instagram.com/reel/DKf3LmNo9Pq/")
    assert (reel.platform, reel.account, reel.likes, reel.comments, reel.shares, reel.views) == (
        "instagram", "kpukotakediri", 98, 4, 6, 4120)
    assert reel.published_at == dt.datetime(2025, 6, 2, 1, 15, tzinfo=dt.UTC)  # "06/02/2025 08:15", month first
    first = Post.objects.get(url="https://www.instagram.com/p/DMa1KpZx7Qb/")
    assert first.mentions == ["kpujatim"] and first.source == "meta"
    assert _import(kediri, sample("meta-business-suite-facebook.csv")).ok
    post = Post.objects.get(url="https://www.facebook.com/kpukotakediri/posts/122150000000000002")
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
    post = Post.objects.get(url="https://www.tiktokv.com/share/video/7527412345678901234/")
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
    post = Post.objects.get(url="https://www.youtube.com/watch?v=dQw4KpuKd01")
    assert (post.platform, post.views, post.channel) == ("youtube", 3120, kediri_channels["youtube"])
    assert timezone.localdate(post.published_at) == dt.date(2025, 7, 16)


def test_an_export_without_the_account_needs_one_channel_of_that_kind(kediri):
    result = _import(kediri, sample("youtube-studio-table-data.csv"))
    assert not result.ok and not Post.objects.exists()
    assert {(e.row, e.column) for e in result.errors} == {(3, "akun"), (4, "akun")}


def test_reimport_updates_by_url_and_keeps_a_staff_correction(kediri, kediri_channels, operator):
    _import(kediri, sample("unggahan-kanonik.csv"))
    post = Post.objects.get(url="https://www.instagram.com/p/DNc8QwRy2Lm/")
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
    post = Post.objects.get(url="https://www.instagram.com/p/DMa1KpZx7Qb/")
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
    result = _import(jatim, sample("unggahan-kanonik.csv"))
    assert not result.ok and "kantor lain" in result.errors[0].reason


def test_without_an_office_each_row_goes_to_the_office_of_its_channel(kediri, kediri_channels):
    rows = [{"platform": "instagram", "akun": "@KPUKotaKediri", "tanggal": "2025-07-01",
             "url": "https://www.instagram.com/p/B1/", "teks": "Jadwal"},
            {"platform": "instagram", "akun": "tidakdikenal", "tanggal": "2025-07-01",
             "url": "https://www.instagram.com/p/B2/", "teks": "Jadwal"}]
    result = posts_import(office=None, rows=rows, source="csv", actor=None)
    assert [(e.row, e.column) for e in result.errors] == [(3, "akun")]
    result = posts_import(office=None, rows=rows[:1], source="csv", actor=None)
    assert result.ok and Post.objects.get().office == kediri


@pytest.mark.parametrize(("content", "message"), [
    (b"", "kosong"), (b"\x89PNG\r\n\x1a\n\x00\x00", "biner"), (b"nama,alamat\nA,B\n", "tidak dikenali"),
    (b"PK\x03\x04garbage", "rusak"), (b"window.YTD.tweets.part0 = [ {", "rusak"),
    (b'{"Activity": {}}', "VideoList"), (b"platform,akun,tanggal,url,teks,warna\n", "warna")])
def test_unknown_or_broken_files_get_a_clear_message(content, message):
    with pytest.raises(UnreadablePostFile, match=message):
        read_posts(content)


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
