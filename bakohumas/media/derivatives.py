"""Renditions of one original photo for each channel, with a crop that keeps the subject in frame.

Pure image code (no database): `render_all(path, presets, meta)` yields one JPEG at a time, so at
most one decoded copy of the original plus one derivative is held in memory. Where every requested
preset is smaller than the original, the JPEG decoder is asked for a reduced size (`Image.draft`),
which decodes 2–8 times fewer pixels. See docs/media.md."""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import IO
from xml.sax.saxutils import escape

from PIL import ExifTags, Image, ImageOps

RESAMPLE = Image.Resampling.LANCZOS
# Resize in two steps (a fast box reduction, then Lanczos) when shrinking by more than 3x: the same
# result to the eye, several times faster on 12-megapixel photos. The benchmark's bare loop uses it too.
REDUCING_GAP = 3.0
ANALYSIS_SIDE = 640  # the longest side of the copy the face detector and saliency look at


@dataclass(frozen=True)
class PresetSpec:
    code: str
    width: int = 0  # crop presets: exact output size
    height: int = 0
    longest: int = 0  # fit presets: longest side (never enlarged); 0 with no size = original pixels
    quality: int = 85

    @property
    def is_crop(self) -> bool:
        return bool(self.width and self.height)


PRESETS: dict[str, PresetSpec] = {spec.code: spec for spec in (
    PresetSpec("sosmed_1x1", 1080, 1080),
    PresetSpec("sosmed_4x5", 1080, 1350),
    PresetSpec("sosmed_story", 1080, 1920),
    PresetSpec("web_16x9", 1200, 675),
    PresetSpec("web_thumb", 400, 225, quality=80),
    PresetSpec("siaran_pers", longest=2048, quality=85),
    PresetSpec("arsip", quality=95),
)}

# The ZIP of an activity per channel: which presets go in it.
CHANNELS: dict[str, tuple[str, ...]] = {
    "sosial-media": ("sosmed_1x1", "sosmed_4x5", "sosmed_story"),
    "website": ("web_16x9", "web_thumb"),
    "siaran-pers": ("siaran_pers",),
    "arsip": ("arsip",),
}


@dataclass(frozen=True)
class Metadata:
    """What the archive master (and every derivative) carries about itself."""

    caption: str = ""
    credit: str = ""
    office: str = ""
    activity: str = ""
    activity_date: dt.date | None = None
    taken_at: dt.datetime | None = None

    @property
    def source(self) -> str:
        day = f" ({self.activity_date:%Y-%m-%d})" if self.activity_date else ""
        return f"{self.office} — {self.activity}{day}".strip(" —")

    @property
    def rights(self) -> str:
        return f"© {self.office}" + (f"; foto: {self.credit}" if self.credit else "") if self.office else self.credit


@dataclass(frozen=True)
class Rendered:
    preset: str
    content: bytes
    width: int
    height: int


# --- where the subject is ----------------------------------------------------------------------

@dataclass(frozen=True)
class Focus:
    """The point to centre on and the box that must stay in frame, as fractions of the image."""

    x: float
    y: float
    box: tuple[float, float, float, float] | None = None  # left, top, right, bottom: kept in frame if it fits
    method: str = "tengah"  # "wajah" | "detail" | "tengah"


CASCADE = "haarcascade_frontalface_default.xml"


@lru_cache(maxsize=1)
def _face_detector():
    """OpenCV's Haar cascade for frontal faces. opencv-python-headless 4.x ships it
    (cv2.data.haarcascades; OpenCV 5 moved it to opencv-contrib, hence the pin below 5)."""
    import cv2

    detector = cv2.CascadeClassifier(cv2.data.haarcascades + CASCADE)
    if detector.empty():
        raise RuntimeError(f"OpenCV could not load {CASCADE}")
    return detector


def find_faces(gray) -> list[tuple[int, int, int, int]]:
    """Frontal faces (x, y, w, h) in a small grayscale numpy array."""
    detector = _face_detector()
    side = min(gray.shape[:2])
    faces = detector.detectMultiScale(gray, scaleFactor=1.15, minNeighbors=6,
                                      minSize=(max(20, side // 25), max(20, side // 25)))
    return [(int(x), int(y), int(fw), int(fh)) for x, y, fw, fh in faces]


def find_focus(image: Image.Image) -> Focus:
    """Faces first (their union must stay in frame); otherwise the centre of detail: where the
    gradient energy (edges, texture) concentrates, which is where the subject usually is against a
    plainer background (sky, wall, floor); the plain centre when the photo is uniform."""
    import numpy as np

    small = image.convert("L")
    small.thumbnail((ANALYSIS_SIDE, ANALYSIS_SIDE), Image.Resampling.BILINEAR)
    gray = np.asarray(small, dtype=np.uint8)
    h, w = gray.shape
    faces = find_faces(gray)
    if faces:
        left = min(x for x, _y, _w, _h in faces)
        top = min(y for _x, y, _w, _h in faces)
        right = max(x + fw for x, _y, fw, _h in faces)
        bottom = max(y + fh for _x, y, _w, fh in faces)
        # Keep some hair and chin: grow the box by a third of a face height.
        pad = (bottom - top) / max(1, len(faces)) / 3
        box = (max(0.0, (left - pad) / w), max(0.0, (top - pad) / h),
               min(1.0, (right + pad) / w), min(1.0, (bottom + pad) / h))
        return Focus((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, box, "wajah")
    import cv2

    values = gray.astype(np.float32)
    energy = np.zeros_like(values)
    energy[:-1, :] += np.abs(np.diff(values, axis=0))
    energy[:, :-1] += np.abs(np.diff(values, axis=1))
    # Detail per neighbourhood (a box of 1/16 of the picture), so fine noise spread everywhere
    # weighs less than one region full of edges.
    window = max(3, max(h, w) // 16)
    density = cv2.blur(energy, (window, window))
    peak = float(density.max())
    if peak < 4.0 or peak < 1.5 * float(np.median(density)):
        return Focus(0.5, 0.5)  # uniform: nothing stands out
    region = density >= 0.5 * peak
    weights = np.where(region, density, 0.0)
    total = float(weights.sum())
    ys, xs = np.indices(weights.shape)
    cx = float((weights * xs).sum() / total + 0.5) / w
    cy = float((weights * ys).sum() / total + 0.5) / h
    rows, cols = np.nonzero(region)
    box = (cols.min() / w, rows.min() / h, (cols.max() + 1) / w, (rows.max() + 1) / h)
    return Focus(min(1.0, max(0.0, cx)), min(1.0, max(0.0, cy)), box, "detail")


def crop_box(size: tuple[int, int], target: tuple[int, int], focus: Focus) -> tuple[int, int, int, int]:
    """The largest box of the target's aspect ratio inside `size`, centred on the focus as far as
    the edges allow, and moved (where it can) so the face box stays wholly inside."""
    width, height = size
    ratio = target[0] / target[1]
    crop_w, crop_h = (width, width / ratio) if width / height <= ratio else (height * ratio, height)
    crop_w, crop_h = min(width, crop_w), min(height, crop_h)

    def place(length: float, crop: float, centre: float, lo: float | None, hi: float | None) -> float:
        start = centre * length - crop / 2
        if lo is not None and hi is not None and (hi - lo) * length <= crop:
            start = min(start, lo * length)  # the box's start must be inside
            start = max(start, hi * length - crop)  # and so must its end
        return min(max(0.0, start), length - crop)

    box = focus.box
    left = place(width, crop_w, focus.x, box[0] if box else None, box[2] if box else None)
    top = place(height, crop_h, focus.y, box[1] if box else None, box[3] if box else None)
    return (round(left), round(top), round(left + crop_w), round(top + crop_h))


# --- rendering ---------------------------------------------------------------------------------

def _scale_needed(size: tuple[int, int], spec: PresetSpec) -> float:
    """How much of the original's resolution a preset needs (1 = every pixel)."""
    w, h = size
    if spec.is_crop:
        return min(1.0, max(spec.width / w, spec.height / h))
    if spec.longest:
        return min(1.0, spec.longest / max(w, h))
    return 1.0


def _xmp(meta: Metadata) -> bytes:
    def alt(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'

    fields = []
    if meta.caption:
        fields.append(f"<dc:description>{alt(meta.caption)}</dc:description>")
    if meta.activity:
        fields.append(f"<dc:title>{alt(meta.activity)}</dc:title>")
    if meta.credit:
        fields.append(f"<dc:creator><rdf:Seq><rdf:li>{escape(meta.credit)}</rdf:li></rdf:Seq></dc:creator>")
        fields.append(f"<photoshop:Credit>{escape(meta.credit)}</photoshop:Credit>")
    if meta.rights:
        fields.append(f"<dc:rights>{alt(meta.rights)}</dc:rights>")
    if meta.source:
        fields.append(f"<dc:source>{escape(meta.source)}</dc:source>")
    if meta.office:
        fields.append(f"<photoshop:Source>{escape(meta.office)}</photoshop:Source>")
    if meta.taken_at:
        fields.append(f"<photoshop:DateCreated>{meta.taken_at.isoformat()}</photoshop:DateCreated>")
    elif meta.activity_date:
        fields.append(f"<photoshop:DateCreated>{meta.activity_date.isoformat()}</photoshop:DateCreated>")
    body = "".join(fields)
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            f'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">{body}</rdf:Description>'
            '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>').encode()


def _ascii(text: str) -> str:
    """EXIF text tags are ASCII: accents dropped, other characters replaced (XMP keeps the UTF-8)."""
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _exif(meta: Metadata, original: Image.Exif | None) -> Image.Exif:
    """The archive keeps the camera's EXIF (its date and position); other renditions get only
    ours, so a photo posted on social media does not carry where it was taken."""
    exif = original if original is not None else Image.Exif()
    exif[ExifTags.Base.Orientation] = 1  # pixels are already turned upright
    if meta.caption:
        exif[ExifTags.Base.ImageDescription] = _ascii(meta.caption)
    if meta.credit:
        exif[ExifTags.Base.Artist] = _ascii(meta.credit)
    if meta.rights:
        exif[ExifTags.Base.Copyright] = _ascii(meta.rights)
    exif[ExifTags.Base.Software] = "Bakohumas"
    return exif


def _encode(image: Image.Image, spec: PresetSpec, meta: Metadata, exif: Image.Exif, icc: bytes | None) -> bytes:
    options = {"quality": spec.quality, "optimize": False, "progressive": spec.code != "arsip",
               "xmp": _xmp(meta), "icc_profile": icc, "subsampling": 0 if spec.quality >= 95 else 2}
    out = io.BytesIO()
    try:
        image.save(out, "JPEG", exif=exif, **options)
    except ValueError:  # a camera's EXIF over the 64 KB a JPEG segment holds: keep ours only
        out = io.BytesIO()
        image.save(out, "JPEG", exif=_exif(meta, None), **options)
    return out.getvalue()


def _upright(source: str | IO[bytes], scale: float) -> tuple[Image.Image, Image.Exif, bytes | None]:
    """The photo decoded at (at least) `scale` of its size, turned upright, in RGB."""
    with Image.open(source) as image:
        exif = image.getexif()
        # A colour profile only describes RGB pixels if the original was RGB (not CMYK or grey).
        icc = image.info.get("icc_profile") if image.mode == "RGB" else None
        if scale < 1 and image.format in ("JPEG", "MPO"):
            w, h = image.size
            image.draft("RGB", (math.ceil(w * scale), math.ceil(h * scale)))
        image.load()
        upright = ImageOps.exif_transpose(image)
        if upright.mode != "RGB":
            # Transparent PNGs get a white background rather than black.
            if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
                rgba = upright.convert("RGBA")
                background = Image.new("RGB", rgba.size, (255, 255, 255))
                background.paste(rgba, mask=rgba.getchannel("A"))
                upright = background
            else:
                upright = upright.convert("RGB")
    return upright, exif, icc


def render_all(source: str | IO[bytes], presets: list[str] | tuple[str, ...], meta: Metadata) -> Iterator[Rendered]:
    """Each preset's JPEG in turn, from one decode of the original (at reduced size where all of
    them allow it). Raises for an image Pillow cannot open (the caller records the failure), and
    TooManyPixels, before decoding anything, for one over the project's pixel limit."""
    from bakohumas.quality.photo import check_pixels

    with Image.open(source) as probe:
        size = probe.size
    check_pixels(size)
    if hasattr(source, "seek"):
        source.seek(0)
    specs = [PRESETS[code] for code in presets]
    scale = max(_scale_needed(size, spec) for spec in specs)
    image, original_exif, icc = _upright(source, scale)
    try:
        focus = find_focus(image) if any(spec.is_crop for spec in specs) else Focus(0.5, 0.5)
        for spec in specs:
            if spec.is_crop:
                box = crop_box(image.size, (spec.width, spec.height), focus)
                result = image.resize((spec.width, spec.height), RESAMPLE, box=box, reducing_gap=REDUCING_GAP)
            elif spec.longest and max(image.size) > spec.longest:
                factor = spec.longest / max(image.size)
                target = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
                result = image.resize(target, RESAMPLE, reducing_gap=REDUCING_GAP)
            else:
                result = image
            exif = _exif(meta, original_exif if spec.code == "arsip" else None)
            content = _encode(result, spec, meta, exif, icc)
            yield Rendered(spec.code, content, result.width, result.height)
            del result
    finally:
        image.close()
