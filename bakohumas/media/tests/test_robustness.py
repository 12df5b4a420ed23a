"""One bad file costs only itself: odd EXIF dates, a double click racing itself, an unexpected error
in one file of a batch, a server fault at the end of a resumable upload, photos with too many
pixels, derivatives failing half-way; and no big copy inside a database transaction."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib

import pytest
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image

from bakohumas.jobs.models import Job
from bakohumas.media import derivatives as d
from bakohumas.media import services
from bakohumas.media.exif import photo_facts
from bakohumas.media.models import Derivative, MediaFile, UploadSession
from bakohumas.media.tests.conftest import jpeg_bytes, upload

pytestmark = pytest.mark.django_db


def _jpeg_with_raw_date(text: str, *, seed: int = 1) -> bytes:
    """A photo whose EXIF DateTimeOriginal is `text` exactly (cameras write "0001:01:01 00:00:00")."""
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = text
    out = io.BytesIO()
    Image.open(io.BytesIO(jpeg_bytes(seed=seed))).save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def _png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


def _originals(settings) -> list:
    return [p for p in (settings.MEDIA_ROOT / "dokumentasi").rglob("*.*") if "turunan" not in p.parts]


# --- EXIF dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["0001:01:01 00:00:00", "1970:01:01 07:00:00", "1989:12:31 23:59:59",
                                  "2999:01:01 00:00:00", "0000:00:00 00:00:00"])
def test_implausible_exif_dates_are_taken_as_unknown(text):
    assert photo_facts(io.BytesIO(_jpeg_with_raw_date(text))).taken_at is None


def test_plausible_exif_dates_are_kept():
    taken = photo_facts(io.BytesIO(_jpeg_with_raw_date("1990:01:01 08:00:00"))).taken_at
    assert taken is not None and timezone.localtime(taken).replace(tzinfo=None) == dt.datetime(1990, 1, 1, 8)
    assert photo_facts(io.BytesIO(_jpeg_with_raw_date(f"{timezone.localtime():%Y:%m:%d %H:%M:%S}"))).taken_at


def test_a_batch_with_an_exif_year_one_photo_keeps_both(client, operator, activity):
    client.force_login(operator)
    files = [upload("jam-kamera-kosong.jpg", _jpeg_with_raw_date("0001:01:01 00:00:00")),
             upload("bagus.jpg", jpeg_bytes(seed=5, taken=dt.datetime(2025, 5, 1, 9, 0)))]
    response = client.post(reverse("media:upload", args=[activity.id]), {"berkas": files}, follow=True)
    assert response.status_code == 200
    assert MediaFile.objects.get(original_name="jam-kamera-kosong.jpg").taken_at is None
    assert MediaFile.objects.get(original_name="bagus.jpg").taken_at is not None


# --- the double click --------------------------------------------------------------------------

def test_a_unique_race_found_by_full_clean_is_a_duplicate(operator, activity, monkeypatch, settings):
    """Request A passed the "already there?" look-up; request B saves the same bytes before A's row."""
    from bakohumas.quality import media_checks

    content = jpeg_bytes()
    real_examine = media_checks.examine
    state = {"raced": False}

    def examine_while_the_other_request_saves(handle, **kwargs):
        if not state["raced"]:
            state["raced"] = True
            other = services.media_add(activity=activity, actor=operator, handle=io.BytesIO(content), name="b.jpg")
            assert other.ok
        return real_examine(handle, **kwargs)

    monkeypatch.setattr(media_checks, "examine", examine_while_the_other_request_saves)
    result = services.media_add(activity=activity, actor=operator, handle=io.BytesIO(content), name="a.jpg")
    assert result.duplicate and result.media == MediaFile.objects.get() and result.media.original_name == "b.jpg"
    assert "sudah pernah diunggah" in result.message
    assert len(_originals(settings)) == 1  # A's copy in storage was removed


def test_a_unique_race_found_by_the_database_is_a_duplicate(operator, activity, monkeypatch, settings, add_photo):
    content = jpeg_bytes()
    first = add_photo("a.jpg", content)
    # The look-up and full_clean() both miss it (as when both requests got past them at once).
    real_filter = MediaFile.objects.filter
    calls = {"n": 0}

    def filter_missing_once(*args, **kwargs):
        calls["n"] += 1
        return real_filter(pk=None) if calls["n"] == 1 else real_filter(*args, **kwargs)

    monkeypatch.setattr(MediaFile.objects, "filter", filter_missing_once)
    monkeypatch.setattr(MediaFile, "validate_constraints", lambda self, exclude=None: None)
    result = services.media_add(activity=activity, actor=operator, handle=io.BytesIO(content), name="lagi.jpg")
    assert result.duplicate and result.media == first
    assert len(_originals(settings)) == 1


# --- an unexpected error in one file of a batch ------------------------------------------------

def test_an_unexpected_error_in_one_file_keeps_the_others(client, operator, activity, monkeypatch, settings,
                                                          django_capture_on_commit_callbacks):
    real_create = services._media_create

    def create(*, media, actor):
        if media.original_name == "b.jpg":
            raise RuntimeError("bug")
        return real_create(media=media, actor=actor)

    monkeypatch.setattr(services, "_media_create", create)
    client.force_login(operator)
    files = [upload(f"{name}.jpg", jpeg_bytes(seed=seed)) for name, seed in (("a", 1), ("b", 2), ("c", 3))]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("media:upload", args=[activity.id]), {"berkas": files}, follow=True)
    assert response.status_code == 200
    assert sorted(MediaFile.objects.values_list("original_name", flat=True)) == ["a.jpg", "c.jpg"]
    text = " ".join(str(m) for m in response.context["messages"])
    assert "b.jpg ditolak" in text and "bukan karena isi berkas" in text and "bug" not in text
    assert "a.jpg tersimpan" in text and "c.jpg tersimpan" in text
    assert len(_originals(settings)) == 2  # b's copy did not stay behind
    job = Job.objects.get(kind="media_derivatives")
    assert len(job.params["media"]) == 2 and job.status == "done"


# --- resumable upload: a server fault at the end -----------------------------------------------

def test_a_fault_while_keeping_an_assembled_upload_keeps_its_bytes(client, operator, activity, monkeypatch):
    content = jpeg_bytes(seed=4)
    client.force_login(operator)
    started = client.post(reverse("media:upload_start", args=[activity.id]),
                          {"filename": "besar.jpg", "size": len(content)}).json()
    real_create = services._media_create
    faults = {"left": 1}

    def create(*, media, actor):
        if faults["left"]:
            faults["left"] -= 1
            raise OperationalError("database is locked")
        return real_create(media=media, actor=actor)

    monkeypatch.setattr(services, "_media_create", create)
    response = client.generic("PUT", started["url"], content, content_type="application/octet-stream",
                              headers={"Content-Range": f"bytes 0-{len(content) - 1}/{len(content)}"})
    assert response.status_code == 503
    body = response.json()
    assert body["retry"] and not body["done"] and "coba selesaikan lagi" in body["error"]
    assert "database is locked" not in body["error"]
    session = UploadSession.objects.get()
    assert services.upload_path(session).read_bytes() == content and not MediaFile.objects.exists()
    # The script asks the server to finish again, sending no bytes.
    response = client.post(started["url"])
    assert response.status_code == 200 and response.json()["ok"]
    with MediaFile.objects.get().file.open("rb") as handle:
        assert handle.read() == content
    assert not UploadSession.objects.exists() and not services.upload_path(session).exists()


def test_finishing_before_every_byte_arrived_is_refused(client, operator, activity):
    client.force_login(operator)
    started = client.post(reverse("media:upload_start", args=[activity.id]), {"filename": "a.jpg", "size": 1000}).json()
    response = client.post(started["url"])
    assert response.status_code == 400 and UploadSession.objects.exists()


# --- too many pixels -----------------------------------------------------------------------------

def test_derivatives_refuse_a_photo_over_the_pixel_limit_before_decoding(settings):
    from bakohumas.quality.photo import TooManyPixels

    settings.MEDIA_MAX_MEGAPIXELS = 30
    data = _png_claiming(6000, 6000)  # 36 MP in a few bytes: ~108 MB decoded
    with pytest.raises(TooManyPixels):
        list(d.render_all(io.BytesIO(data), ("web_thumb",), d.Metadata()))


def test_an_upload_over_the_pixel_limit_is_refused_by_name(operator, activity, settings):
    settings.MEDIA_MAX_MEGAPIXELS = 1  # the 1600x1200 test photo is 1,9 MP
    result = services.media_add(activity=activity, actor=operator, handle=io.BytesIO(jpeg_bytes()), name="a.jpg")
    assert result.error and "batas 1 megapiksel" in result.message and not MediaFile.objects.exists()


# --- derivatives -----------------------------------------------------------------------------------

def test_the_derivatives_summary_is_indonesian(add_photo, operator, activity, settings,
                                               django_capture_on_commit_callbacks):
    good = add_photo("bagus.jpg", jpeg_bytes(width=800, height=600))  # 0,5 MP
    big = add_photo("besar.jpg", jpeg_bytes(seed=2))  # 1,9 MP: kept under the default limit
    settings.MEDIA_MAX_MEGAPIXELS = 1  # ... and over the one in force when rendering
    with django_capture_on_commit_callbacks(execute=True):
        job = services.derivatives_request(user=operator, activity=activity, media=[good, big])
    job.refresh_from_db()
    with job.file.open("rb") as handle:
        summary = handle.read().decode("utf-8")
    assert "bagus.jpg: turunan dibuat (" in summary and "web_thumb 400×225" in summary
    assert "besar.jpg: turunan tidak dibuat. Gambar terlalu besar" in summary and "batas 1 megapiksel" in summary
    assert "gagal (" not in summary and "Error" not in summary and " ok" not in summary
    assert not big.derivatives.exists()


def test_a_derivative_failing_half_way_leaves_no_files_and_keeps_the_old_ones(add_photo, monkeypatch, settings):
    media = add_photo()
    services.derivatives_generate(media=media, presets=("web_thumb",))
    before = sorted(p.name for p in (settings.MEDIA_ROOT / "dokumentasi").rglob("turunan/*"))
    real_clean = Derivative.full_clean

    def clean(self, *args, **kwargs):
        if self.preset == "arsip":
            raise OperationalError("disk I/O error")
        return real_clean(self, *args, **kwargs)

    monkeypatch.setattr(Derivative, "full_clean", clean)
    with pytest.raises(OperationalError):
        services.derivatives_generate(media=media, presets=("web_thumb", "web_16x9", "arsip"))
    assert sorted(p.name for p in (settings.MEDIA_ROOT / "dokumentasi").rglob("turunan/*")) == before
    assert list(media.derivatives.values_list("preset", flat=True)) == ["web_thumb"]
    with media.derivatives.get().file.open("rb") as handle:
        assert Image.open(handle).size == (400, 225)


# --- no big copy while holding the write lock ------------------------------------------------------

def test_the_original_is_stored_before_the_transaction(operator, activity, monkeypatch):
    storage = MediaFile._meta.get_field("file").storage
    depth = {}
    real_save, real_clean = storage.save, MediaFile.full_clean

    def save(name, content, *args, **kwargs):
        depth["store"] = len(connection.atomic_blocks)
        return real_save(name, content, *args, **kwargs)

    def clean(self, *args, **kwargs):
        depth["row"] = len(connection.atomic_blocks)
        return real_clean(self, *args, **kwargs)

    monkeypatch.setattr(storage, "save", save)
    monkeypatch.setattr(MediaFile, "full_clean", clean)
    assert services.media_add(activity=activity, actor=operator, handle=io.BytesIO(jpeg_bytes()), name="a.jpg").ok
    assert depth["store"] < depth["row"]
