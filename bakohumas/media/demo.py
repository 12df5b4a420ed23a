"""Demo documentation photos: generated, photo-like pictures (no real photo, no real person) for
three activities of KPU Kota Kediri from the records demo, so the media page shows photos with
different grades (two sharp ones, one blurred, one too dark), their notes and their derivatives.

Each photo goes through `media_add` (the real quality check and EXIF reading: DateTimeOriginal is
the activity's day), gets its caption, credit and consent notes through `media_update`, and its
derivatives through `derivatives_generate`, synchronously: the demo worker may not be running
when the demo loads. Idempotent: an activity that already has files is left as it is. 2400×1600
pixels, enough for every preset and quick to load."""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from PIL import Image, ImageDraw, ImageFilter

from bakohumas.media.models import MediaFile
from bakohumas.media.services import derivatives_generate, media_add, media_update
from bakohumas.offices.models import User
from bakohumas.records.models import Activity

WIDTH, HEIGHT = 2400, 1600
OFFICE = "3571"
OPERATOR_USERNAME = "operator.kediri"
CREDIT = "Tim Dokumentasi KPU Kota Kediri (data demo)"


@dataclass(frozen=True)
class DemoPhoto:
    name: str
    scene: str  # "hall" (audience and a banner), "meeting" (a table), "outdoor" (a village field)
    time: dt.time
    caption: str
    consent: str = ""
    subject: bool = False  # a speaker with a face-like patch, off-centre
    blur: float = 0.0  # Gaussian blur radius: a shaky shot
    exposure: float = 1.0  # below 1: an underexposed shot
    seed: int = 0


# activity title (records demo) -> its photos
PHOTOS: dict[str, list[DemoPhoto]] = {
    "Sosialisasi di Kampung Tangguh Demokrasi": [
        DemoPhoto("IMG_0412.jpg", "outdoor", dt.time(9, 12), "Warga mengikuti sosialisasi pemutakhiran data "
                  "pemilih di balai Kampung Tangguh Demokrasi.", "Peserta diberi tahu akan didokumentasikan "
                  "untuk publikasi KPU; tidak ada yang keberatan.", seed=1),
        DemoPhoto("IMG_0418.jpg", "outdoor", dt.time(9, 40), "Narasumber menjelaskan cara mengecek status "
                  "terdaftar di cekdptonline.kpu.go.id.", "Narasumber menyetujui fotonya dipublikasikan "
                  "(lisan, dicatat operator).", subject=True, seed=2),
        DemoPhoto("IMG_0423.jpg", "outdoor", dt.time(10, 5), "Sesi tanya jawab (foto goyang, hanya untuk "
                  "arsip).", blur=9.0, seed=3),
        DemoPhoto("IMG_0431.jpg", "outdoor", dt.time(18, 20), "Penutupan acara menjelang magrib (kurang "
                  "cahaya).", exposure=0.45, seed=4),
    ],
    "Peluncuran grup WhatsApp Media Center": [
        DemoPhoto("DSC_2201.jpg", "hall", dt.time(10, 15), "Ketua KPU Kota Kediri meluncurkan grup WhatsApp "
                  "Media Center di hadapan jurnalis.", "Jurnalis yang hadir setuju didokumentasikan.",
                  subject=True, seed=5),
        DemoPhoto("DSC_2207.jpg", "hall", dt.time(10, 32), "Jurnalis mencoba bergabung ke grup melalui kode "
                  "QR.", seed=6),
    ],
    "Rapat koordinasi Bakohumas triwulan II": [
        DemoPhoto("rakor_tw2_01.jpg", "meeting", dt.time(13, 45), "Rapat koordinasi Bakohumas triwulan II "
                  "membahas capaian kanal komunikasi.", "Foto internal; peserta rapat adalah pegawai.", seed=7),
    ],
}


def _noise(rng: np.random.Generator, shape: tuple[int, int], sigma: float) -> np.ndarray:
    return rng.normal(0.0, sigma, shape).astype(np.float32)


def _scene(photo: DemoPhoto) -> Image.Image:
    """A plausible composition: a gradient background, a textured floor or ground, rows of people
    (bodies and heads), a banner or a table, a speaker off-centre; then light grain."""
    rng = random.Random(photo.seed)
    npr = np.random.default_rng(photo.seed)
    y = np.linspace(0.0, 1.0, HEIGHT, dtype=np.float32)[:, None]
    x = np.linspace(0.0, 1.0, WIDTH, dtype=np.float32)[None, :]
    if photo.scene == "outdoor":
        top, bottom = np.array([120, 170, 225]), np.array([200, 220, 235])
        ground = np.array([96, 128, 70])
    elif photo.scene == "meeting":
        top, bottom = np.array([205, 200, 190]), np.array([180, 172, 160])
        ground = np.array([120, 90, 70])
    else:
        top, bottom = np.array([150, 40, 45]), np.array([185, 175, 170])
        ground = np.array([110, 100, 95])
    horizon = 0.55
    sky = top + (bottom - top) * y[..., None]
    light = 1.0 - 0.25 * (x - 0.4) ** 2  # a soft vignette from the left
    pixels = np.broadcast_to(sky, (HEIGHT, WIDTH, 3)) * light[..., None]
    floor = (y >= horizon)[..., None]  # (rows, 1, 1)
    texture = _noise(npr, (HEIGHT // 8, WIDTH // 8), 12.0)
    texture = np.kron(texture, np.ones((8, 8), dtype=np.float32))[:HEIGHT, :WIDTH]
    ground_pixels = ground[None, None, :] * (0.85 + 0.3 * y[..., None]) + texture[..., None]
    pixels = np.where(floor, ground_pixels, pixels)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)

    if photo.scene == "hall":  # a stage banner, red and white
        draw.rectangle((300, 180, 2100, 620), fill=(175, 25, 35))
        draw.rectangle((300, 560, 2100, 620), fill=(240, 240, 235))
        for i in range(9):
            draw.rectangle((380 + i * 190, 300, 520 + i * 190, 360), fill=(245, 235, 225))
    elif photo.scene == "meeting":  # a window, a screen and a long table
        draw.rectangle((150, 150, 800, 700), fill=(225, 235, 245), outline=(90, 80, 70), width=14)
        draw.rectangle((1400, 220, 2150, 640), fill=(40, 60, 90))
        draw.rectangle((1440, 260, 2110, 600), fill=(70, 120, 170))
        draw.polygon([(200, 1250), (2200, 1250), (2400, 1600), (0, 1600)], fill=(130, 85, 55))
    else:  # trees and a hall's roof
        for _tree in range(7):
            cx = rng.randint(0, WIDTH)
            draw.ellipse((cx - 260, 420, cx + 260, 980), fill=(40 + rng.randint(0, 30), 95 + rng.randint(0, 40), 45))
        draw.polygon([(900, 700), (1500, 420), (2100, 700)], fill=(150, 70, 50))
        draw.rectangle((980, 700, 2020, 980), fill=(230, 220, 200))

    # Rows of seated people, seen from behind and the side.
    shirts = [(230, 230, 225), (40, 60, 120), (180, 40, 40), (90, 90, 95), (200, 170, 60), (60, 120, 80)]
    for row, (base, scale) in enumerate(((1480, 1.25), (1320, 1.0), (1190, 0.82))):
        step = int(190 * scale)
        for i in range(-1, WIDTH // step + 1):
            cx = i * step + rng.randint(-25, 25) + (step // 2 if row % 2 else 0)
            w, h = int(120 * scale), int(200 * scale)
            draw.rounded_rectangle((cx - w // 2, base - h, cx + w // 2, base + 40), radius=int(40 * scale),
                                   fill=rng.choice(shirts))
            head = int(44 * scale)
            skin = (150 + rng.randint(-25, 25), 110 + rng.randint(-20, 20), 85 + rng.randint(-15, 15))
            draw.ellipse((cx - head, base - h - 2 * head + 10, cx + head, base - h + 10), fill=skin)
            draw.chord((cx - head, base - h - 2 * head + 4, cx + head, base - h - head + 20), 180, 360,
                       fill=(25, 20, 20))

    if photo.subject:  # a speaker standing right of centre, facing the camera
        cx, top_y = 1640, 520
        draw.rounded_rectangle((cx - 170, top_y + 300, cx + 170, top_y + 980), radius=60, fill=(245, 245, 240))
        draw.rectangle((cx - 170, top_y + 300, cx - 100, top_y + 980), fill=(30, 40, 70))
        draw.rectangle((cx + 100, top_y + 300, cx + 170, top_y + 980), fill=(30, 40, 70))
        draw.ellipse((cx - 110, top_y, cx + 110, top_y + 280), fill=(196, 150, 118))
        draw.chord((cx - 116, top_y - 14, cx + 116, top_y + 150), 180, 360, fill=(30, 25, 22))
        for ex in (cx - 48, cx + 48):
            draw.ellipse((ex - 20, top_y + 118, ex + 20, top_y + 140), fill=(245, 240, 235))
            draw.ellipse((ex - 10, top_y + 120, ex + 10, top_y + 138), fill=(40, 30, 25))
            draw.line((ex - 28, top_y + 100, ex + 28, top_y + 96), fill=(40, 30, 25), width=8)
        draw.polygon([(cx, top_y + 140), (cx - 16, top_y + 190), (cx + 14, top_y + 190)], fill=(170, 125, 98))
        draw.chord((cx - 50, top_y + 200, cx + 50, top_y + 240), 0, 180, fill=(120, 55, 55))
        draw.rectangle((cx + 150, top_y + 420, cx + 175, top_y + 520), fill=(20, 20, 20))  # a microphone

    pixels = np.asarray(image, dtype=np.float32)
    pixels = pixels + _noise(npr, (HEIGHT, WIDTH), 2.2)[..., None]  # sensor grain
    image = Image.fromarray(np.clip(pixels * photo.exposure, 0, 255).astype(np.uint8), "RGB")
    if photo.blur:
        image = image.filter(ImageFilter.GaussianBlur(photo.blur))
    return image


def _jpeg(photo: DemoPhoto, day: dt.date) -> bytes:
    image = _scene(photo)
    exif = Image.Exif()
    stamp = dt.datetime.combine(day, photo.time).strftime("%Y:%m:%d %H:%M:%S")
    exif[0x010F] = "Demo"  # Make
    exif[0x0110] = "Kamera Demo Bakohumas"  # Model
    exif[0x0132] = stamp  # DateTime
    exif.get_ifd(0x8769)[0x9003] = stamp  # Exif IFD: DateTimeOriginal
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


@transaction.atomic
def media_demo_load() -> int:
    """Add the demo photos; returns how many were added."""
    operator = User.objects.filter(username=OPERATOR_USERNAME).first()
    added = 0
    for title, photos in PHOTOS.items():
        activity = Activity.objects.filter(office__code=OFFICE, title=title).first()
        if activity is None or MediaFile.objects.filter(activity=activity).exists():
            continue
        for photo in photos:
            result = media_add(activity=activity, actor=operator, handle=io.BytesIO(_jpeg(photo, activity.held_on)),
                               name=photo.name)
            if not result.ok or result.media is None:
                raise RuntimeError(f"demo photo {photo.name}: {result.message}")
            media = media_update(media=result.media, actor=operator, data={
                "caption": photo.caption, "credit": CREDIT, "consent_notes": photo.consent,
                "place": "Kota Kediri" if not result.media.place else result.media.place,
                "copyright_notes": "Milik KPU Kota Kediri; boleh dipakai media dengan menyebut sumber."})
            if media.is_photo:  # as media_add_batch does, unfit ones too (its job renders every new photo)
                derivatives_generate(media=media)
            added += 1
    return added
