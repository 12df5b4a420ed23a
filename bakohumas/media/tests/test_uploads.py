"""Uploading photos and videos: judged by their bytes, bad files refused by name, the rest kept."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib

import numpy as np
import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from bakohumas.media.models import MediaFile
from bakohumas.media.tests.conftest import jpeg_bytes, photo_image, upload

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def _bomb_png(width: int = 30000, height: int = 30000) -> bytes:
    """A tiny PNG whose header claims 900 megapixels."""
    out = io.BytesIO()
    Image.new("L", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4:ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr:ihdr + 17])) & 0xFFFFFFFF
    data[ihdr + 17:ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


def test_it_keeps_photos_with_their_exif_date_and_place(client, operator, activity):
    client.force_login(operator)
    content = jpeg_bytes(taken=dt.datetime(2025, 5, 1, 9, 30), gps=(-7.8166, 112.0111))
    response = client.post(reverse("media:upload", args=[activity.id]),
                           {"berkas": [upload("IMG_0001.JPG", content), upload("IMG_0002.jpg", jpeg_bytes(seed=2))]},
                           follow=True)
    assert response.status_code == 200
    media = MediaFile.objects.get(original_name="IMG_0001.JPG")
    assert media.kind == "photo" and media.office == activity.office and media.uploaded_by == operator
    assert (media.width, media.height) == (1600, 1200)
    assert media.size == len(content) and len(media.sha256) == 64
    assert timezone.localtime(media.taken_at).replace(tzinfo=None) == dt.datetime(2025, 5, 1, 9, 30)
    assert media.place == "-7.816600, 112.011100"
    assert media.grade in ("baik", "cukup", "tidak_layak") and media.checks
    assert {c["code"] for c in media.checks} >= {"resolusi", "ketajaman"}
    assert media.file.name.startswith(f"dokumentasi/{timezone.now():%Y}/") and media.file.name.endswith(".jpg")
    assert MediaFile.objects.get(original_name="IMG_0002.jpg").taken_at is None
    assert any("IMG_0001.JPG tersimpan" in m for m in _messages(response))


def test_a_batch_with_bad_files_keeps_the_good_ones(client, operator, activity, settings):
    settings.MEDIA_PHOTO_MAX_MB = 1
    noise = Image.fromarray(np.random.default_rng(3).integers(0, 255, (1500, 1500, 3), dtype=np.uint8))
    big = io.BytesIO()
    noise.save(big, "JPEG", quality=98)
    assert len(big.getvalue()) > 1024 * 1024
    good = jpeg_bytes()
    files = [
        upload("bagus.jpg", good),
        upload("catatan.jpg", b"Ini hanya teks, bukan foto.\n" * 50, "image/jpeg"),
        upload("terpotong.jpg", good[: len(good) // 2]),
        upload("bom.png", _bomb_png(), "image/png"),
        upload("besar.jpg", big.getvalue()),
        upload("bagus-2.jpg", jpeg_bytes(seed=7)),
    ]
    client.force_login(operator)
    response = client.post(reverse("media:upload", args=[activity.id]), {"berkas": files}, follow=True)
    assert sorted(MediaFile.objects.values_list("original_name", flat=True)) == ["bagus-2.jpg", "bagus.jpg"]
    text = " ".join(_messages(response))
    for name in ("catatan.jpg", "terpotong.jpg", "bom.png", "besar.jpg"):
        assert f"{name} ditolak" in text, name
    assert "melebihi batas 1,0 MB" in text
    assert "megapiksel" in text  # the bomb is named as such
    # nothing refused was left in the storage
    stored = list((settings.MEDIA_ROOT / "dokumentasi").rglob("*.*"))
    assert len(stored) == 2


def test_a_video_name_on_a_photo_is_refused(operator, activity):
    from bakohumas.media.services import media_add

    result = media_add(activity=activity, actor=operator, handle=io.BytesIO(jpeg_bytes()), name="klip.mp4")
    assert result.media is None and "klip.mp4 ditolak" in result.message


def test_a_file_over_every_limit_is_refused_before_it_is_read(operator, activity, settings):
    from bakohumas.media.services import media_add

    settings.MEDIA_PHOTO_MAX_MB = settings.MEDIA_VIDEO_MAX_MB = 1

    class Unreadable(io.BytesIO):
        def read(self, *args):  # pragma: no cover - must not be called
            raise AssertionError("read")

    result = media_add(activity=activity, actor=operator, handle=Unreadable(), name="film.mp4", size=5 * 1024 * 1024)
    assert "film.mp4 ditolak" in result.message and "melebihi batas" in result.message


def test_the_same_file_twice_is_kept_once_and_the_user_is_told(client, operator, activity):
    client.force_login(operator)
    content = jpeg_bytes()
    client.post(reverse("media:upload", args=[activity.id]), {"berkas": [upload("a.jpg", content)]})
    response = client.post(reverse("media:upload", args=[activity.id]),
                           {"berkas": [upload("salinan-a.jpg", content)]}, follow=True)
    assert MediaFile.objects.count() == 1
    assert any("salinan-a.jpg sudah pernah diunggah" in m for m in _messages(response))


def test_the_same_file_may_document_two_activities(operator, activity, kediri, make_activity):
    from bakohumas.media.services import media_add

    other = make_activity(kediri, dt.date(2025, 6, 1), title="Rapat")
    content = jpeg_bytes()
    for target in (activity, other):
        assert media_add(activity=target, actor=operator, handle=io.BytesIO(content), name="a.jpg").ok
    assert MediaFile.objects.count() == 2


def test_an_empty_form_says_what_to_do(client, operator, activity):
    client.force_login(operator)
    response = client.post(reverse("media:upload", args=[activity.id]), {}, follow=True)
    assert any("Pilih setidaknya satu" in m for m in _messages(response))


def test_a_png_with_transparency_becomes_a_photo(add_photo):
    out = io.BytesIO()
    photo_image(800, 600).convert("RGBA").save(out, "PNG")
    media = add_photo("logo.png", out.getvalue())
    assert media.kind == "photo" and media.file.name.endswith(".png") and media.mime == "image/png"


def test_upload_is_written_in_the_audit_trail(add_photo):
    from bakohumas.audit.models import AuditEntry

    add_photo()
    assert AuditEntry.objects.filter(action="media.upload").count() == 1


def test_a_video_is_kept_with_its_checks_and_no_derivatives(client, operator, activity,
                                                             django_capture_on_commit_callbacks):
    from bakohumas.media.tests.conftest import mp4_bytes

    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("media:upload", args=[activity.id]),
                    {"berkas": [upload("klip.mp4", mp4_bytes(), "video/mp4")]})
    media = MediaFile.objects.get()
    assert media.kind == "video" and media.mime == "video/mp4" and media.file.name.endswith(".mp4")
    assert media.duration == pytest.approx(1.0, abs=0.1) and (media.width, media.height) == (320, 240)
    assert {c["code"] for c in media.checks} >= {"resolusi", "laju_bingkai", "durasi", "audio"}
    assert not media.derivatives.exists()
    page = client.get(reverse("media:activity_media", args=[activity.id])).content.decode()
    assert "klip.mp4" in page and "Laju bingkai" in page and "Video (1)" in page


def test_a_photo_named_like_a_video_and_a_video_named_like_a_photo(operator, activity):
    from bakohumas.media.services import media_add
    from bakohumas.media.tests.conftest import mp4_bytes

    result = media_add(activity=activity, actor=operator, handle=io.BytesIO(mp4_bytes()), name="foto.jpg")
    assert result.media is None and "foto.jpg ditolak" in result.message and "video/mp4" in result.message
