"""The media app hands Django's uploaded files straight to `examine`: in memory and on disk."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile

from bakohumas.quality.media_checks import examine
from bakohumas.quality.standard import Standard
from bakohumas.quality.tests.conftest import jpeg, scene, write_video

SMALL = Standard(video_short_edge_warn=240, video_short_edge_fail=120)


def test_an_in_memory_upload_already_read_is_examined_from_its_start():
    upload = SimpleUploadedFile("IMG_0001.JPG", jpeg(scene()), content_type="image/jpeg")
    upload.read(100)
    report = examine(upload, standard=Standard())
    assert report.kind == "photo" and report.grade == "baik"
    assert not upload.closed  # the caller still stores it


def test_a_temporary_upload_of_a_video_is_examined(tmp_path):
    data = write_video(tmp_path / "v.mp4", width=320, height=240, seconds=6).read_bytes()
    upload = TemporaryUploadedFile("VID_0001.mp4", "video/mp4", len(data), None)
    upload.write(data)
    upload.seek(0)
    report = examine(upload, standard=SMALL)
    assert report.kind == "video" and report.grade == "baik", report.checks
    upload.seek(0)
    assert upload.read(8) == data[:8]
    upload.close()


def test_an_upload_that_lies_about_its_type_is_invalid():
    upload = SimpleUploadedFile("foto.jpg", b"<html>bukan foto</html>", content_type="image/jpeg")
    assert examine(upload, standard=Standard()).kind == "invalid"


def test_an_unexpected_error_becomes_an_invalid_report(monkeypatch):
    from bakohumas.quality import photo

    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(photo, "examine_photo", crash)
    report = examine(SimpleUploadedFile("a.jpg", jpeg(scene(400, 300))), standard=Standard())
    assert report.kind == "invalid" and "tidak dapat diperiksa" in report.reason
