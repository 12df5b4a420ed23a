"""Derivatives: exact sizes per preset, embedded metadata, a crop that keeps the subject, ZIPs."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import numpy as np
import pytest
from django.urls import reverse
from PIL import ExifTags, Image

from bakohumas.jobs.models import Job
from bakohumas.media import derivatives as d
from bakohumas.media.models import Derivative, MediaFile
from bakohumas.media.services import derivatives_generate, media_update
from bakohumas.media.tests.conftest import jpeg_bytes, photo_image, upload

pytestmark = pytest.mark.django_db

EXPECTED = {"sosmed_1x1": (1080, 1080), "sosmed_4x5": (1080, 1350), "sosmed_story": (1080, 1920),
            "web_16x9": (1200, 675), "web_thumb": (400, 225), "siaran_pers": (2048, 1365), "arsip": (3000, 2000)}


def _open(derivative: Derivative) -> Image.Image:
    with derivative.file.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
        return image


def test_every_preset_has_its_exact_size(add_photo):
    media = add_photo(content=jpeg_bytes(photo_image(3000, 2000)))
    made = {x.preset: x for x in derivatives_generate(media=media)}
    assert set(made) == set(EXPECTED)
    for preset, size in EXPECTED.items():
        image = _open(made[preset])
        assert image.size == size == (made[preset].width, made[preset].height), preset
        assert image.format == "JPEG" and made[preset].bytes == made[preset].file.size
    assert Derivative.objects.filter(media=media).count() == len(EXPECTED)


def test_small_photos_are_enlarged_to_the_crops_but_not_for_the_press(add_photo):
    media = add_photo(content=jpeg_bytes(photo_image(800, 600)))
    made = {x.preset: x for x in derivatives_generate(media=media)}
    assert (made["sosmed_story"].width, made["sosmed_story"].height) == (1080, 1920)
    assert (made["siaran_pers"].width, made["siaran_pers"].height) == (800, 600)


def test_a_turned_photo_is_stored_upright(add_photo):
    media = add_photo(content=jpeg_bytes(photo_image(1200, 800), orientation=6))
    made = {x.preset: x for x in derivatives_generate(media=media, presets=("arsip", "siaran_pers"))}
    assert _open(made["arsip"]).size == (800, 1200)
    assert _open(made["arsip"]).getexif().get(ExifTags.Base.Orientation) == 1


def test_the_archive_carries_caption_credit_office_and_activity(add_photo, operator):
    media = add_photo(content=jpeg_bytes(taken=dt.datetime(2025, 5, 1, 9, 30), gps=(-7.8, 112.0)))
    media_update(media=media, actor=operator, data={"caption": "Ketua KPU menyapa pemilih pemula — Kediri",
                                                    "credit": "Siti Aminah"})
    made = {x.preset: x for x in derivatives_generate(media=media, presets=("arsip", "sosmed_1x1"))}
    archive = _open(made["arsip"])
    exif = archive.getexif()
    assert exif[ExifTags.Base.ImageDescription] == "Ketua KPU menyapa pemilih pemula  Kediri"
    assert exif[ExifTags.Base.Artist] == "Siti Aminah"
    assert "Kota Kediri" in exif[ExifTags.Base.Copyright]
    # the camera's date and position stay in the archive master
    assert exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] == "2025:05:01 09:30:00"
    assert exif.get_ifd(ExifTags.IFD.GPSInfo)
    xmp = archive.info["xmp"].decode("utf-8")
    assert "Ketua KPU menyapa pemilih pemula — Kediri" in xmp  # UTF-8 kept in XMP
    assert "<dc:creator><rdf:Seq><rdf:li>Siti Aminah</rdf:li>" in xmp
    assert "Sosialisasi Pemilih Pemula" in xmp and "2025-05-01" in xmp and "Kota Kediri" in xmp
    # a social-media rendition says who made it but not where it was taken
    social = _open(made["sosmed_1x1"])
    assert social.getexif()[ExifTags.Base.Artist] == "Siti Aminah"
    assert not social.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def _subject_image(width: int, height: int, left: int, top: int, size: int) -> Image.Image:
    """A plain grey picture with one bright, detailed patch (the "subject")."""
    rng = np.random.default_rng(5)
    pixels = np.full((height, width, 3), 110, dtype=np.float32) + rng.normal(0, 2, (height, width, 3))
    patch = rng.integers(120, 255, (size, size, 3))
    pixels[top:top + size, left:left + size] = patch
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


@pytest.mark.parametrize("target", [(1080, 1080), (1080, 1920), (1200, 675)])
def test_the_crop_keeps_an_off_centre_subject_in_frame(target):
    image = _subject_image(3000, 1500, left=2500, top=200, size=300) if target[0] <= target[1] \
        else _subject_image(1500, 3000, left=200, top=2500, size=300)
    focus = d.find_focus(image)
    assert focus.method == "detail"
    left, top, right, bottom = d.crop_box(image.size, target, focus)
    patch = (2500, 200, 2800, 500) if target[0] <= target[1] else (200, 2500, 500, 2800)
    assert left <= patch[0] and right >= patch[2] and top <= patch[1] and bottom >= patch[3]
    assert abs((right - left) / (bottom - top) - target[0] / target[1]) < 0.01


def test_a_rendered_crop_shows_the_subject(add_photo):
    out = io.BytesIO()
    _subject_image(3000, 1500, left=2500, top=600, size=300).save(out, "JPEG", quality=92)
    media = add_photo("subjek.jpg", out.getvalue())
    square = _open(derivatives_generate(media=media, presets=("sosmed_1x1",))[0])
    # the whole patch (300 of the 1500 px crop, so 216 px square) is in the picture
    grey = np.asarray(square.convert("L"), dtype=np.float32)
    patch_pixels = int((np.abs(grey - 110) > 8).sum())
    assert patch_pixels >= 0.85 * 216 * 216


def test_faces_stay_wholly_in_frame():
    # a face box near the left edge (as the face detector reports it)
    focus = d.Focus(0.1, 0.5, box=(0.02, 0.3, 0.18, 0.7), method="wajah")
    left, top, right, bottom = d.crop_box((4000, 2000), (1080, 1350), focus)
    assert left <= 0.02 * 4000 and right >= 0.18 * 4000


def test_a_uniform_photo_is_cropped_in_the_middle():
    focus = d.find_focus(Image.new("RGB", (400, 200), (120, 120, 120)))
    assert (focus.x, focus.y, focus.method) == (0.5, 0.5, "tengah")
    assert d.crop_box((400, 200), (1, 1), focus) == (100, 0, 300, 200)


def test_reduced_decoding_is_used_when_every_preset_is_small(monkeypatch):
    from PIL.JpegImagePlugin import JpegImageFile

    calls = []
    original = JpegImageFile.draft

    def spy(self, mode, size):
        result = original(self, mode, size)
        calls.append(self.size)  # what the decoder will produce
        return result

    monkeypatch.setattr(JpegImageFile, "draft", spy)
    content = jpeg_bytes(photo_image(3200, 2400))
    rendered = list(d.render_all(io.BytesIO(content), ("web_thumb",), d.Metadata()))
    assert calls == [(400, 300)] and rendered[0].width == 400  # an eighth of each side decoded
    calls.clear()
    list(d.render_all(io.BytesIO(content), ("arsip",), d.Metadata()))
    assert not calls  # the archive needs every pixel


def test_an_upload_queues_the_derivatives_job(client, operator, activity, django_capture_on_commit_callbacks):
    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("media:upload", args=[activity.id]), {"berkas": [upload("a.jpg", jpeg_bytes())]})
    media = MediaFile.objects.get()
    assert media.derivatives.count() == len(d.PRESETS)
    job = Job.objects.get(kind="media_derivatives")
    assert job.status == "done" and job.requested_by == operator
    page = client.get(reverse("media:activity_media", args=[activity.id])).content.decode()
    assert reverse("jobs:status", args=[job.id]) not in page  # done: the renditions are on the page
    Job.objects.filter(pk=job.pk).update(status="running", progress=40)
    page = client.get(reverse("media:activity_media", args=[activity.id])).content.decode()
    assert reverse("jobs:status", args=[job.id]) in page and 'value="40"' in page


def _zip(client, user, activity, capture, channel: str = "sosial-media") -> tuple[Job, dict[str, bytes]]:
    client.force_login(user)
    with capture(execute=True):
        response = client.post(reverse("media:channel_zip", args=[activity.id]), {"channel": channel})
    job = Job.objects.filter(kind="media_zip").latest("created_at")
    assert response.url == reverse("jobs:detail", args=[job.id]) and job.status == "done"
    with job.file.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        return job, {name: archive.read(name) for name in archive.namelist()}


def test_a_zip_per_channel(client, operator, add_photo, activity, django_capture_on_commit_callbacks):
    first = add_photo("satu.jpg", jpeg_bytes(seed=1))
    add_photo("dua.jpg", jpeg_bytes(seed=2))
    derivatives_generate(media=first, presets=("sosmed_1x1",))  # the others are made by the ZIP job
    job, members = _zip(client, operator, activity, django_capture_on_commit_callbacks)
    names = sorted(members)
    assert len(names) == 6  # nothing left out: no BACA-SAYA.txt
    assert all(name.startswith("2025-05-01-sosialisasi-pemilih-pemula/") for name in names)
    assert {name.split("/")[1] for name in names} == {"sosmed_1x1", "sosmed_4x5", "sosmed_story"}
    story = members[next(n for n in names if "/sosmed_story/" in n)]
    assert Image.open(io.BytesIO(story)).size == (1080, 1920)
    assert job.filename == "2025-05-01-sosialisasi-pemilih-pemula-sosial-media.zip"


def test_a_readers_zip_holds_existing_derivatives_and_makes_none(client, pimpinan, add_photo, activity,
                                                                 django_capture_on_commit_callbacks):
    first = add_photo("satu.jpg", jpeg_bytes(seed=1))
    add_photo("dua.jpg", jpeg_bytes(seed=2))
    derivatives_generate(media=first, presets=("sosmed_1x1",))
    _job, members = _zip(client, pimpinan, activity, django_capture_on_commit_callbacks)  # readers may take them
    assert Derivative.objects.count() == 1  # a reader's request writes nothing
    folder = "2025-05-01-sosialisasi-pemilih-pemula"
    assert len(members) == 2 and f"{folder}/BACA-SAYA.txt" in members
    assert any(n.startswith(f"{folder}/sosmed_1x1/") and n.endswith("-satu.jpg") for n in members)
    note = members[f"{folder}/BACA-SAYA.txt"].decode("utf-8")
    assert "dua.jpg: turunan sosmed_1x1, sosmed_4x5, sosmed_story belum dibuat" in note
    assert "satu.jpg: turunan sosmed_4x5, sosmed_story belum dibuat" in note


def test_photos_that_cannot_be_rendered_are_named_in_the_zip(client, operator, add_photo, activity, monkeypatch,
                                                             django_capture_on_commit_callbacks):
    from bakohumas.media import services

    good = add_photo("bagus.jpg", jpeg_bytes(seed=1))
    add_photo("rusak.jpg", jpeg_bytes(seed=2))
    real = services.derivatives_generate

    def generate(*, media, presets=None):
        if media.original_name == "rusak.jpg":
            raise OSError("broken data stream")
        return real(media=media, presets=presets)

    monkeypatch.setattr(services, "derivatives_generate", generate)
    _job, members = _zip(client, operator, activity, django_capture_on_commit_callbacks, channel="website")
    note = members["2025-05-01-sosialisasi-pemilih-pemula/BACA-SAYA.txt"].decode("utf-8")
    assert "rusak.jpg: turunan tidak dapat dibuat" in note and "bagus.jpg" not in note
    assert "OSError" not in note and "broken" not in note
    assert sum("/web_" in name for name in members) == 2 and good.derivatives.count() == 2


def test_an_unknown_channel_is_refused(client, operator, activity):
    client.force_login(operator)
    assert client.post(reverse("media:channel_zip", args=[activity.id]), {"channel": "x"}).status_code == 400


def test_a_caption_change_renders_the_derivatives_again(add_photo, operator, django_capture_on_commit_callbacks):
    media = add_photo()
    derivatives_generate(media=media, presets=("arsip",))
    with django_capture_on_commit_callbacks(execute=True):
        media_update(media=media, actor=operator, data={"caption": "Baru"})
    archive = media.derivatives.get(preset="arsip")
    assert _open(archive).getexif()[ExifTags.Base.ImageDescription] == "Baru"


def test_found_faces_decide_the_crop(monkeypatch):
    # The detector itself needs OpenCV's Haar cascade (OpenCV 4.x or opencv-contrib); here it
    # reports one face at the far left of a 640x320 analysis copy.
    monkeypatch.setattr(d, "find_faces", lambda gray: [(10, 100, 60, 60)])
    image = _subject_image(4000, 2000, left=3000, top=800, size=400)  # detail on the right, face on the left
    focus = d.find_focus(image)
    assert focus.method == "wajah"
    left, _top, right, _bottom = d.crop_box(image.size, (1080, 1350), focus)
    assert left <= 10 / 640 * 4000 and right >= 70 / 640 * 4000


def test_the_face_detector_loads_and_runs_on_a_photo():
    assert d.find_faces(np.zeros((240, 320), dtype=np.uint8)) == []


@pytest.mark.parametrize("mode", ["CMYK", "L"])
def test_cmyk_and_grey_photos_become_rgb_jpegs(add_photo, mode):
    out = io.BytesIO()
    photo_image(1200, 900).convert(mode).save(out, "JPEG", quality=90)
    media = add_photo(f"{mode}.jpg", out.getvalue())
    made = derivatives_generate(media=media, presets=("web_16x9", "arsip"))
    assert all(_open(x).mode == "RGB" for x in made)
