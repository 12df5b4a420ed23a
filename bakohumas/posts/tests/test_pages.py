"""The posts pages: list with filters and corrections, import with preview, feeds."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bakohumas.posts.models import Feed, Post
from bakohumas.posts.services import posts_import
from bakohumas.posts.tests.conftest import sample

pytestmark = pytest.mark.django_db


def _rows(n: int, platform: str = "instagram") -> list[dict]:
    return [{"platform": platform, "akun": "kpukotakediri", "tanggal": f"2025-{6 + i % 2:02d}-{1 + i % 28:02d}",
             "url": f"https://www.instagram.com/p/{platform}{i}/",
             "teks": "Selamat Idul Adha" if i % 3 == 0 else f"Jadwal tahapan {i}"} for i in range(n)]


def test_the_list_shows_category_reason_and_filters(client, operator, kediri, kediri_channels):
    posts_import(office=kediri, rows=_rows(6), source="csv", actor=None)
    client.force_login(operator)
    url = reverse("posts:post_list", args=["3571"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"tanpa informasi publik" in response.content and b"Simpan koreksi" in response.content
    filtered = client.get(url, {"kategori": "seremonial", "bulan": "2025-06"})
    assert filtered.context["counts"] == {"total": 1, "informasi": 0, "seremonial": 1}
    assert client.get(url, {"bulan": "Juni"}).status_code == 400


def test_read_only_roles_see_no_correction_control(client, pimpinan, kediri, kediri_channels):
    posts_import(office=kediri, rows=_rows(1), source="csv", actor=None)
    client.force_login(pimpinan)
    response = client.get(reverse("posts:post_list", args=["3571"]))
    assert response.status_code == 200 and b"Simpan koreksi" not in response.content


def test_the_list_takes_the_same_number_of_queries_for_many_posts(client, operator, kediri, kediri_channels,
                                                                   django_assert_max_num_queries):
    posts_import(office=kediri, rows=_rows(3), source="csv", actor=None)
    client.force_login(operator)
    url = reverse("posts:post_list", args=["3571"])
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    posts_import(office=kediri, rows=_rows(60, "facebook"), source="csv", actor=None)
    Post.objects.filter(platform="facebook").update(corrected_by=operator)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_a_correction_is_recorded_as_staff(client, operator, kediri, kediri_channels):
    posts_import(office=kediri, rows=_rows(1), source="csv", actor=None)
    post = Post.objects.get()
    client.force_login(operator)
    response = client.post(reverse("posts:post_correct", args=[post.id]),
                           {"category": "informasi", "query": "kategori=seremonial"})
    assert response.status_code == 302 and response.url.endswith("?kategori=seremonial")
    post.refresh_from_db()
    assert (post.category, post.category_source, post.corrected_by) == ("informasi", "staf", operator)


def test_import_previews_then_saves(client, operator, kediri, kediri_channels):
    client.force_login(operator)
    url = reverse("posts:import", args=["3571"])
    upload = SimpleUploadedFile("ekspor.csv", sample("meta-business-suite-instagram.csv"))
    response = client.post(url, {"format": "auto", "file": upload})
    assert response.status_code == 200 and not Post.objects.exists()
    assert b"Meta Business Suite" in response.content and b"Tahapan pencalonan" in response.content
    response = client.post(reverse("posts:import_confirm", args=["3571"]), {"token": response.context["token"]})
    assert response.status_code == 302 and Post.objects.count() == 3
    assert Post.objects.filter(source="meta").count() == 3


def test_extra_columns_are_ignored_and_named_in_the_preview(client, operator, kediri, kediri_channels):
    # A file that went through classify-posts, with a spreadsheet's row number in front.
    content = ("no,platform,akun,tanggal,url,teks,kategori,alasan\n"
               "1,instagram,kpukotakediri,2025-07-01,https://www.instagram.com/p/A1/,Jadwal coklit,informasi,x\n")
    client.force_login(operator)
    response = client.post(reverse("posts:import", args=["3571"]),
                           {"format": "auto", "file": SimpleUploadedFile("hasil.csv", content.encode())})
    assert response.status_code == 200 and response.context["ignored"] == ["no", "kategori", "alasan"]
    assert "Kolom yang tidak dipakai dan diabaikan: no, kategori, alasan." in response.content.decode()
    response = client.post(reverse("posts:import_confirm", args=["3571"]), {"token": response.context["token"]})
    assert response.status_code == 302 and Post.objects.get().text == "Jadwal coklit"


def test_import_shows_errors_and_saves_nothing(client, operator, kediri):
    client.force_login(operator)
    url = reverse("posts:import", args=["3571"])
    response = client.post(url, {"format": "auto", "file": SimpleUploadedFile("x.csv", b"nama,alamat\nA,B\n")})
    assert response.status_code == 400 and "tidak dikenali" in response.content.decode()
    response = client.post(url, {"format": "auto", "file": SimpleUploadedFile(
        "x.csv", b"platform,akun,tanggal,url,teks\ninstagram,kpukotakediri,kemarin,https://a.id/1,x\n")})
    assert response.status_code == 400 and not Post.objects.exists()
    assert "tanggal" in response.content.decode()


def test_feeds_are_added_listed_and_removed(client, operator, kediri, django_capture_on_commit_callbacks,
                                            private_feeds):
    client.force_login(operator)
    url = reverse("posts:feed_list", args=["3571"])
    response = client.post(url, {"url": "http://127.0.0.1:9/rss", "kind": "feed"})
    assert response.status_code == 302
    assert client.post(url, {"url": "http://127.0.0.1:9/rss", "kind": "feed"}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("posts:feed_fetch", args=["3571"]))
    assert response.status_code == 302 and "/" in response.url
    feed = Feed.objects.get()
    assert "tidak dapat diambil" in feed.last_error
    assert "tidak dapat diambil" in client.get(url).content.decode()
    assert client.post(reverse("posts:feed_delete", args=[feed.id])).status_code == 302
    assert not Feed.objects.exists()


def test_import_refuses_deeply_nested_json_with_a_message(client, operator, kediri):
    client.force_login(operator)
    content = b'{"Video": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    response = client.post(reverse("posts:import", args=["3571"]),
                           {"format": "auto", "file": SimpleUploadedFile("user_data.json", content)})
    assert response.status_code == 400 and "bertingkat terlalu dalam" in response.content.decode()
