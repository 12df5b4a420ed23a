"""A file that is not what its name says, truncated or corrupt media, decompression bombs: each is
`invalid` with one `berkas` failure and a clear Indonesian reason."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from bakohumas.quality.media_checks import examine
from bakohumas.quality.standard import Standard
from bakohumas.quality.tests.conftest import jpeg, png, scene, write_video

STANDARD = Standard()


def _assert_invalid(report, *words: str) -> None:
    assert report.kind == "invalid"
    assert report.grade == "tidak_layak"
    assert [(c.code, c.status) for c in report.checks] == [("berkas", "gagal")]
    assert report.score == 0
    for word in words:
        assert word in report.checks[0].detail.lower()
    assert report.reason == report.checks[0].detail


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims `width`×`height` (and holds one empty compressed row)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


def test_text_named_jpg_is_refused(tmp_path):
    path = tmp_path / "foto.jpg"
    path.write_text("Ini bukan foto, hanya teks biasa.\n")
    _assert_invalid(examine(path, standard=STANDARD), "bukan foto atau video")


def test_a_pdf_is_named_for_what_it_is(tmp_path):
    path = tmp_path / "foto.jpg"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    report = examine(path, standard=STANDARD)
    _assert_invalid(report, "application/pdf")


def test_an_empty_file_is_refused():
    _assert_invalid(examine(io.BytesIO(b""), standard=STANDARD), "kosong")


def test_a_missing_path_is_reported_not_raised(tmp_path):
    _assert_invalid(examine(tmp_path / "tidak-ada.jpg", standard=STANDARD), "tidak ditemukan")


@pytest.mark.parametrize("keep", [0.3, 0.8])
def test_a_truncated_jpeg_is_refused(keep):
    data = jpeg(scene())
    _assert_invalid(examine(io.BytesIO(data[:int(len(data) * keep)]), standard=STANDARD), "rusak")


def test_a_corrupt_png_is_refused():
    data = bytearray(png(scene(400, 300)))
    data[200:260] = b"\x00" * 60  # inside the compressed pixels: the CRC and zlib stream break
    _assert_invalid(examine(io.BytesIO(bytes(data)), standard=STANDARD), "rusak")


def test_a_png_header_claiming_huge_dimensions_is_a_bomb():
    _assert_invalid(examine(io.BytesIO(_png_claiming(100_000, 100_000)), standard=STANDARD), "terlalu besar")


def test_the_project_pixel_limit_refuses_a_small_file_claiming_many_pixels(settings):
    """A PNG of a few bytes whose header claims 7000×6000 (42 MP, under Pillow's 89 MP): decoding it
    would cost ~126 MB, so above the project's limit it is refused from the header."""
    settings.MEDIA_MAX_MEGAPIXELS = 40
    data = _png_claiming(7000, 6000)
    assert len(data) < 200
    report = examine(io.BytesIO(data), standard=STANDARD)
    _assert_invalid(report, "terlalu besar")
    assert "7000×6000 piksel" in report.reason and "batas 40 megapiksel" in report.reason


def test_the_default_pixel_limit_is_fifty_megapixels(settings):
    from bakohumas.quality.photo import pixel_limit

    del settings.MEDIA_MAX_MEGAPIXELS
    assert pixel_limit() == 50_000_000


def test_an_image_above_the_pixel_limit_is_refused_even_below_twice_it(monkeypatch):
    # Pillow only *warns* between MAX_IMAGE_PIXELS and twice that; the check refuses it all the same.
    data = png(np.zeros((300, 400, 3), np.uint8))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)  # 120 000 pixels: over, but not twice over
    with pytest.warns(Image.DecompressionBombWarning):
        report = examine(io.BytesIO(data), standard=STANDARD)
    _assert_invalid(report, "terlalu besar")


def test_random_bytes_named_mp4_are_refused(tmp_path):
    path = tmp_path / "video.mp4"
    path.write_bytes(np.random.default_rng(0).bytes(50_000))
    _assert_invalid(examine(path, standard=STANDARD), "bukan foto atau video")


def test_an_mp4_header_over_garbage_is_refused(tmp_path):
    path = tmp_path / "video.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + np.random.default_rng(1).bytes(20_000))
    _assert_invalid(examine(path, standard=STANDARD), "video rusak")


def test_a_truncated_video_is_refused(tmp_path):
    path = write_video(tmp_path / "full.mp4", width=320, height=240, seconds=2)
    data = path.read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[:len(data) // 3])  # the index (moov) sits at the end: cut off
    _assert_invalid(examine(cut, standard=STANDARD), "video rusak")


def test_an_unsupported_image_format_is_named(tmp_path):
    out = io.BytesIO()
    Image.new("RGB", (2000, 1500), "white").save(out, "GIF")
    _assert_invalid(examine(io.BytesIO(out.getvalue()), standard=STANDARD), "image/gif")
