"""Photo checks: resolution, sharpness, exposure, orientation, noise.

Every measurement except resolution is taken on one grey copy of the photo at 1024 px on its long
edge (`ANALYSIS_EDGE`): what a reader sees on a phone or a website, and a fixed scale so the
thresholds mean the same for a 2 MP and a 48 MP photo. JPEGs are decoded straight at a reduced
scale (`Image.draft`), so a 12 MP photo never exists in memory at full size."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import cv2
import numpy as np
from django.utils.translation import gettext as _
from PIL import Image, ImageFile, UnidentifiedImageError

from bakohumas.quality.media_checks import FAIL, PASS, WARN, CheckResult, MediaReport, grade_of, invalid, num, score_of
from bakohumas.quality.standard import Standard

ANALYSIS_EDGE = 1024
DEFAULT_MAX_MEGAPIXELS = 50
_strict_lock = threading.Lock()


@contextmanager
def _strict_decoding() -> Iterator[None]:
    """Refuse truncated files whatever the process says: WeasyPrint sets Pillow's process-wide
    LOAD_TRUNCATED_IMAGES when it is imported (a worker that made a PDF would then accept a photo
    cut off halfway, grey below the cut)."""
    with _strict_lock:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous
FORMATS = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
# EXIF orientation values that turn the picture a quarter (5-8) or mirror/flip it (2-4).
ROTATED = {5, 6, 7, 8}
TRANSPOSE = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
             5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
             8: Image.Transpose.ROTATE_90}


def pixel_limit() -> int:
    """The most pixels a photo may have to be decoded at all: the project's limit
    (settings.MEDIA_MAX_MEGAPIXELS, env BAKOHUMAS_MEDIA_MAX_MEGAPIXELS, 50 by default) or Pillow's
    MAX_IMAGE_PIXELS if lower. A decoded pixel costs 3-4 bytes however small the file: a 150 KB PNG
    claiming 36 MP needs over 200 MB. Checked from the header, before any pixel is decoded."""
    from django.conf import settings

    megapixels = getattr(settings, "MEDIA_MAX_MEGAPIXELS", DEFAULT_MAX_MEGAPIXELS) if settings.configured \
        else DEFAULT_MAX_MEGAPIXELS
    limit = int(float(megapixels) * 1_000_000)
    return min(limit, Image.MAX_IMAGE_PIXELS) if Image.MAX_IMAGE_PIXELS else limit


class TooManyPixels(Exception):
    """The header claims more pixels than `pixel_limit()`: (width, height, limit)."""


def check_pixels(size: tuple[int, int]) -> None:
    limit = pixel_limit()
    if size[0] * size[1] > limit:
        raise TooManyPixels(size[0], size[1], limit)


def too_many_pixels_reason(exc: TooManyPixels) -> str:
    width, height, limit = exc.args
    return _("Gambar terlalu besar untuk diproses: %(w)s×%(h)s piksel (%(mp)s megapiksel), melebihi batas "
             "%(limit)s megapiksel. Perkecil fotonya lalu unggah lagi.") % {
        "w": width, "h": height, "mp": num(width * height / 1e6, 1), "limit": num(limit / 1e6, 0)}


def examine_photo(handle: IO[bytes], *, mime: str, standard: Standard) -> MediaReport:
    try:
        grey, width, height, orientation, fmt = _load(handle)
    except TooManyPixels as exc:
        return invalid(too_many_pixels_reason(exc), mime)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return invalid(_("Gambar terlalu besar untuk diperiksa (dimensinya melebihi batas %(limit)s megapiksel); "
                         "kemungkinan berkas dibuat untuk membebani server.")
                       % {"limit": num(pixel_limit() / 1e6, 0)}, mime)
    except UnsupportedFormat as exc:
        return invalid(_("Format gambar %(format)s tidak didukung; unggah JPEG, PNG, atau WebP.")
                       % {"format": exc.args[0]}, mime)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        return invalid(_("Gambar rusak atau terpotong: berkas tidak dapat dibaca sampai selesai."), mime)

    sharpness = _sharpness(grey)
    noise = _noise(grey)
    brightness = float(grey.mean())
    clipped_high = float((grey >= 250).mean())
    clipped_low = float((grey <= 5).mean())
    checks = (
        _resolution_check(width, height, standard),
        _sharpness_check(sharpness, standard),
        _exposure_check(brightness, clipped_high, clipped_low, standard),
        _orientation_check(width, height, orientation, standard),
        _noise_check(noise, standard),
    )
    grade = grade_of(checks)
    quality = (0.4 * min(1.0, sharpness / (3 * standard.photo_sharpness_warn))
               + 0.25 * _exposure_quality(brightness, clipped_high + clipped_low)
               + 0.2 * min(1.0, min(width, height) / (2 * max(1, standard.photo_short_edge_warn)))
               + 0.15 * max(0.0, 1 - noise / (2 * standard.photo_noise_fail)))
    return MediaReport(kind="photo", grade=grade, checks=checks, width=width, height=height,
                       mime=FORMATS.get(fmt, mime), score=score_of(grade, quality))


class UnsupportedFormat(Exception):
    pass


def _load(handle: IO[bytes]) -> tuple[np.ndarray, int, int, int, str]:
    """(grey uint8 array at analysis size, width, height as displayed, EXIF orientation, format)."""
    image: Image.Image = Image.open(handle)  # refuses more than twice MAX_IMAGE_PIXELS itself
    try:
        # The project's limit, from the header (compared here: between MAX_IMAGE_PIXELS and twice
        # that Pillow only warns, and turning warnings into errors is process-wide, not thread-safe).
        check_pixels(image.size)
        if image.format == "PNG":
            # PNG chunks carry checksums that decoding ignores; verify() reads them (no pixels decoded).
            image.verify()
            handle.seek(0)
            image = Image.open(handle)
        fmt = image.format or ""
        if fmt not in FORMATS:
            raise UnsupportedFormat(fmt or "?")
        width, height = image.size
        orientation = _orientation(image)
        if fmt in ("JPEG", "MPO"):
            # Decode at 1/2, 1/4 or 1/8 scale, never below the analysis size (libjpeg's DCT scaling).
            scale = ANALYSIS_EDGE / max(width, height)
            image.draft("L", (max(1, round(width * scale)), max(1, round(height * scale))))
        with _strict_decoding():
            image.load()  # decodes everything: a truncated file fails here
        grey_image = image.convert("RGB").convert("L") if image.mode not in ("L", "RGB") else image.convert("L")
        grey_image.thumbnail((ANALYSIS_EDGE, ANALYSIS_EDGE), Image.Resampling.LANCZOS)
        if orientation in TRANSPOSE:
            # Our own mapping: the EXIF block does not survive draft/convert, the value read above does.
            grey_image = grey_image.transpose(TRANSPOSE[orientation])
        grey = np.asarray(grey_image, dtype=np.uint8)
    finally:
        image.close()
    if orientation in ROTATED:
        width, height = height, width
    return grey, width, height, orientation, fmt


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation (1..8); 1 when absent or unreadable (a broken EXIF block is no reason to refuse
    an otherwise good photo)."""
    try:
        value = int(image.getexif().get(0x0112, 1) or 1)
    except (ValueError, TypeError, OSError, SyntaxError):
        return 1
    return value if 1 <= value <= 8 else 1


def _sharpness(grey: np.ndarray) -> float:
    """Variance of the Laplacian: sharp edges give large second derivatives, blur flattens them."""
    return float(cv2.Laplacian(grey, cv2.CV_64F, ksize=3).var())


def _noise(grey: np.ndarray) -> float:
    """Noise sigma, Immerkær's fast estimate over the smooth parts of the picture (edges excluded,
    after Tai & Yang 2008) so texture and detail are not mistaken for noise: only the smoother half of the picture counts."""
    if grey.shape[0] < 8 or grey.shape[1] < 8:
        return 0.0
    g = grey.astype(np.float64)
    kernel = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], dtype=np.float64)
    response = np.abs(cv2.filter2D(g, -1, kernel, borderType=cv2.BORDER_REFLECT))[1:-1, 1:-1]
    gx = cv2.Sobel(g, cv2.CV_64F, 1, 0, ksize=3)[1:-1, 1:-1]
    gy = cv2.Sobel(g, cv2.CV_64F, 0, 1, ksize=3)[1:-1, 1:-1]
    gradient = np.abs(gx) + np.abs(gy)
    # The smoothest half of the picture: noise shows there, detail does not.
    smooth = gradient <= np.percentile(gradient, 50)
    if not smooth.any():
        return 0.0
    return float(np.sqrt(np.pi / 2) * response[smooth].mean() / 6)


def _resolution_check(width: int, height: int, standard: Standard) -> CheckResult:
    short = min(width, height)
    detail = _("%(w)s×%(h)s piksel") % {"w": width, "h": height}
    if short < standard.photo_short_edge_fail:
        return CheckResult("resolusi", FAIL, detail + "; " + _(
            "sisi pendek %(short)s piksel, minimal %(min)s piksel. Gunakan berkas asli dari kamera, bukan "
            "tangkapan layar atau kiriman ulang dari aplikasi pesan.") % {"short": short,
                                                                         "min": standard.photo_short_edge_fail})
    if short < standard.photo_short_edge_warn:
        return CheckResult("resolusi", WARN, detail + "; " + _(
            "sisi pendek %(short)s piksel, dianjurkan minimal %(min)s piksel agar tajam di semua "
            "kanal.") % {"short": short, "min": standard.photo_short_edge_warn})
    return CheckResult("resolusi", PASS, detail)


def _sharpness_check(value: float, standard: Standard) -> CheckResult:
    shown = num(value, 0)
    if value < standard.photo_sharpness_fail:
        return CheckResult("ketajaman", FAIL, _(
            "Foto kabur (nilai ketajaman %(value)s, minimal %(min)s): fokus meleset atau kamera/objek "
            "bergerak.") % {"value": shown, "min": num(standard.photo_sharpness_fail, 0)})
    if value < standard.photo_sharpness_warn:
        return CheckResult("ketajaman", WARN, _(
            "Foto kurang tajam (nilai ketajaman %(value)s, dianjurkan minimal %(min)s).")
            % {"value": shown, "min": num(standard.photo_sharpness_warn, 0)})
    return CheckResult("ketajaman", PASS, _("Tajam (nilai ketajaman %(value)s).") % {"value": shown})


def _exposure_check(brightness: float, high: float, low: float, standard: Standard) -> CheckResult:
    values = {"value": num(brightness, 0), "high": num(high * 100, 1),
              "low": num(low * 100, 1)}
    measured = _("kecerahan rata-rata %(value)s dari 255; %(high)s%% piksel putih terbakar, "
                 "%(low)s%% piksel hitam pekat") % values
    if brightness < standard.photo_brightness_low_fail:
        return CheckResult("pencahayaan", FAIL, _("Foto terlalu gelap") + f" ({measured}).")
    if brightness > standard.photo_brightness_high_fail:
        return CheckResult("pencahayaan", FAIL, _("Foto terlalu terang") + f" ({measured}).")
    if max(high, low) > standard.photo_clipped_fail:
        return CheckResult("pencahayaan", FAIL, _("Banyak bagian foto hilang karena terlalu terang atau "
                                                  "terlalu gelap") + f" ({measured}).")
    if brightness < standard.photo_brightness_low_warn:
        return CheckResult("pencahayaan", WARN, _("Foto agak gelap") + f" ({measured}).")
    if brightness > standard.photo_brightness_high_warn:
        return CheckResult("pencahayaan", WARN, _("Foto agak terang") + f" ({measured}).")
    if high > standard.photo_clipped_warn:
        return CheckResult("pencahayaan", WARN, _("Sebagian foto putih terbakar") + f" ({measured}).")
    if low > standard.photo_clipped_warn:
        return CheckResult("pencahayaan", WARN, _("Sebagian foto hitam pekat") + f" ({measured}).")
    return CheckResult("pencahayaan", PASS, _("Pencahayaan baik") + f" ({measured}).")


def _exposure_quality(brightness: float, clipped: float) -> float:
    return max(0.0, 1 - abs(brightness - 128) / 128 - 2 * clipped)


def _orientation_check(width: int, height: int, orientation: int, standard: Standard) -> CheckResult:
    turned = _(" Orientasi kamera (EXIF) sudah diterapkan.") if orientation != 1 else ""
    ratio = max(width, height) / max(1, min(width, height))
    if ratio > 3:
        return CheckResult("orientasi", WARN, _(
            "Foto panorama (rasio %(ratio)s:1): sebagian besar akan terpotong di semua kanal.")
            % {"ratio": num(ratio, 1)} + turned)
    if height > width:
        if standard.photo_portrait_warns:
            return CheckResult("orientasi", WARN, _(
                "Foto tegak (potret): cocok untuk story, tetapi untuk situs web (16:9) sebagian besar foto "
                "terpotong. Utamakan foto mendatar.") + turned)
        return CheckResult("orientasi", PASS, _("Foto tegak (potret).") + turned)
    if height == width:
        return CheckResult("orientasi", PASS, _("Foto persegi.") + turned)
    return CheckResult("orientasi", PASS, _("Foto mendatar (lanskap).") + turned)


def _noise_check(value: float, standard: Standard) -> CheckResult:
    shown = num(value, 1)
    if value > standard.photo_noise_fail:
        return CheckResult("derau", FAIL, _(
            "Foto sangat berbintik/berderau (perkiraan derau %(value)s, maksimal %(max)s); biasanya karena "
            "cahaya kurang atau ISO terlalu tinggi.") % {"value": shown,
                                                          "max": num(standard.photo_noise_fail, 1)})
    if value > standard.photo_noise_warn:
        return CheckResult("derau", WARN, _(
            "Foto agak berderau (perkiraan derau %(value)s, dianjurkan paling tinggi %(max)s).")
            % {"value": shown, "max": num(standard.photo_noise_warn, 1)})
    return CheckResult("derau", PASS, _("Derau rendah (perkiraan %(value)s).") % {"value": shown})
