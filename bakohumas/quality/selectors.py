"""Reads for the standard page: who may change it, and what each check means (in Indonesian)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bakohumas.quality.media_checks import num
from bakohumas.quality.models import QualityStandard, label_of
from bakohumas.quality.standard import DEFAULT_STANDARD, Standard


def can_edit_standard(user: Any) -> bool:
    """Only Humas KPU RI sets the national standard: the humas role at the national office (like
    the other national-only writes). Pimpinan or an evaluator at KPU RI read it only."""
    from bakohumas.offices.models import User

    office = getattr(user, "office", None)
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "role", None) == User.Role.HUMAS_RI
                and office is not None and office.is_national)


@dataclass(frozen=True)
class CheckInfo:
    code: str
    kind: str  # "photo" | "video"
    name: Promise
    explanation: Promise
    fields: tuple[str, ...]


CHECKS = [
    CheckInfo("resolusi", "photo", _("Resolusi"), _(
        "Ukuran foto dalam piksel, diukur pada sisi pendeknya setelah foto diputar sesuai kamera. Foto kecil "
        "(tangkapan layar, kiriman ulang dari aplikasi pesan) tampak pecah saat diperbesar atau dipotong untuk "
        "media sosial (1080×1350) dan situs web (1200×675)."),
        ("photo_short_edge_warn", "photo_short_edge_fail")),
    CheckInfo("ketajaman", "photo", _("Ketajaman"), _(
        "Seberapa tegas tepi-tepi di foto (variansi Laplacian pada salinan abu-abu selebar 1024 piksel). Foto "
        "yang fokusnya meleset atau goyang mendapat nilai rendah. Foto dengan latar polos (langit, dinding) "
        "bisa bernilai rendah walau tajam; periksa dengan mata."),
        ("photo_sharpness_warn", "photo_sharpness_fail")),
    CheckInfo("pencahayaan", "photo", _("Pencahayaan"), _(
        "Kecerahan rata-rata foto (0 = hitam, 255 = putih) dan bagian yang hilang: piksel putih terbakar (≥250) "
        "atau hitam pekat (≤5). Foto yang terlalu gelap atau terlalu terang sulit diperbaiki tanpa kehilangan "
        "detail wajah."),
        ("photo_brightness_low_warn", "photo_brightness_low_fail", "photo_brightness_high_warn",
         "photo_brightness_high_fail", "photo_clipped_warn", "photo_clipped_fail")),
    CheckInfo("orientasi", "photo", _("Orientasi"), _(
        "Foto diputar sesuai catatan kamera (EXIF) lalu dinilai: mendatar (lanskap) cocok untuk semua kanal; "
        "foto tegak (potret) cocok untuk story tetapi banyak terpotong di situs web (16:9); foto panorama "
        "(lebih dari 3:1) selalu diberi peringatan."),
        ("photo_portrait_warns",)),
    CheckInfo("derau", "photo", _("Derau (bintik)"), _(
        "Perkiraan bintik acak di bagian foto yang rata (metode Immerkær), pada skala 0–255. Derau tinggi biasanya "
        "muncul karena cahaya kurang dan ISO kamera tinggi."),
        ("photo_noise_warn", "photo_noise_fail")),
    CheckInfo("resolusi", "video", _("Resolusi"), _(
        "Ukuran gambar video pada sisi pendeknya: 1080 piksel = Full HD, 720 = HD."),
        ("video_short_edge_warn", "video_short_edge_fail")),
    CheckInfo("laju_bingkai", "video", _("Laju bingkai"), _(
        "Jumlah gambar per detik (fps). Di bawah 24 fps gerakan mulai tampak patah-patah."),
        ("video_fps_warn", "video_fps_fail")),
    CheckInfo("laju_bit", "video", _("Laju bit"), _(
        "Banyaknya data per detik dibandingkan ukuran gambar: bit per piksel per bingkai = laju bit ÷ (lebar × "
        "tinggi × fps). Nilai rendah berarti gambar kotak-kotak, biasanya karena video dikompres ulang oleh "
        "aplikasi pesan."),
        ("video_bpp_warn", "video_bpp_fail")),
    CheckInfo("durasi", "video", _("Durasi"), _(
        "Panjang video. Terlalu pendek tidak bercerita; terlalu panjang perlu versi pendek untuk media sosial."),
        ("video_duration_min_fail", "video_duration_min_warn", "video_duration_max_warn")),
    CheckInfo("audio", "video", _("Audio"), _(
        "Ada tidaknya suara, dan kenyaringannya dalam LUFS (standar ITU-R BS.1770, diukur pada potongan awal, tengah, dan akhir video). "
        "Media sosial memakai sekitar -14 LUFS, siaran televisi -23 LUFS."),
        ("video_audio_required", "video_loudness_low_fail", "video_loudness_low_warn", "video_loudness_high_warn",
         "video_loudness_high_fail")),
]


def show(value: Any) -> str:
    """A threshold as the page shows it: "ya"/"tidak", whole numbers plain, decimals with a comma."""
    if isinstance(value, bool):
        return str(_("ya") if value else _("tidak"))
    if isinstance(value, float) and not value.is_integer():
        return num(value, 3).rstrip("0").rstrip(",")
    return str(int(value))  # like the checks' details: "1080 piksel", "-14 LUFS"


def standard_page(user: Any) -> dict[str, Any]:
    """What the standard page shows: each check with its explanation and current thresholds."""
    row = QualityStandard.objects.current()
    standard: Standard = row.as_standard() if row is not None else DEFAULT_STANDARD
    values = standard.as_dict()
    rows = []
    for info in CHECKS:
        rows.append({"info": info, "thresholds": [
            {"name": name, "label": label_of(name), "value": show(values[name]),
             "default": show(getattr(DEFAULT_STANDARD, name))} for name in info.fields]})
    return {"row": row, "checks": rows, "can_edit": can_edit_standard(user)}
