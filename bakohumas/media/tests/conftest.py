"""Media helpers: photo-like JPEGs made with Pillow (with EXIF where asked), and uploads."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image


@pytest.fixture(autouse=True)
def _upload_tmp(settings, tmp_path):
    settings.MEDIA_UPLOAD_TMP = tmp_path / "unggah"


def photo_image(width: int = 1600, height: int = 1200, *, seed: int = 1, blur: bool = False) -> Image.Image:
    """A sharp, well exposed photo-like picture: gradients, shapes with edges, mild noise."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    base = np.stack([90 + 80 * x / width, 100 + 60 * y / height, 140 - 40 * x / width], axis=-1)
    pixels = base + rng.normal(0, 4, (height, width, 3))
    # a grid of sharp-edged blocks (detail that a sharpness check sees)
    block = max(8, width // 40)
    checker = ((x // block + y // block) % 2 == 0)[..., None]
    pixels = np.where(checker, pixels + 45, pixels - 25)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    if blur:
        from PIL import ImageFilter

        image = image.filter(ImageFilter.GaussianBlur(radius=12))
    return image


def jpeg_bytes(image: Image.Image | None = None, *, taken: dt.datetime | None = None,
               gps: tuple[float, float] | None = None, quality: int = 90, orientation: int | None = None,
               **kwargs) -> bytes:
    image = image or photo_image(**kwargs)
    exif = Image.Exif()
    if taken:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken.strftime("%Y:%m:%d %H:%M:%S")
    if gps:
        def dms(value: float) -> tuple:
            value = abs(value)
            d = int(value)
            m = int((value - d) * 60)
            s = round(((value - d) * 60 - m) * 60, 4)
            return (float(d), float(m), float(s))

        exif.get_ifd(ExifTags.IFD.GPSInfo).update({
            ExifTags.GPS.GPSLatitudeRef: "S" if gps[0] < 0 else "N", ExifTags.GPS.GPSLatitude: dms(gps[0]),
            ExifTags.GPS.GPSLongitudeRef: "W" if gps[1] < 0 else "E", ExifTags.GPS.GPSLongitude: dms(gps[1]),
        })
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, exif=exif)
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def activity(kediri, make_activity):
    return make_activity(kediri, dt.date(2025, 5, 1), title="Sosialisasi Pemilih Pemula")


@pytest.fixture
def add_photo(activity, operator):
    """add_photo(name="a.jpg", content=None, **jpeg_kwargs) -> MediaFile (saved through the service)."""
    from bakohumas.media.services import media_add

    def add(name: str = "foto.jpg", content: bytes | None = None, **kwargs):
        content = content if content is not None else jpeg_bytes(**kwargs)
        result = media_add(activity=activity, actor=operator, handle=io.BytesIO(content), name=name)
        assert result.media is not None, result.message
        return result.media

    return add


def mp4_bytes(seconds: int = 1, fps: int = 25, size: tuple[int, int] = (320, 240)) -> bytes:
    """A small silent MP4 (MPEG-4 Part 2, which every FFmpeg build of PyAV can encode)."""
    import av

    out = io.BytesIO()
    with av.open(out, "w", format="mp4") as container:
        stream = container.add_stream("mpeg4", rate=fps)
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        for index in range(seconds * fps):
            pixels = np.full((size[1], size[0], 3), (index * 5) % 255, dtype=np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return out.getvalue()
