"""Demo office profiles: KPU Kota Kediri and KPU Provinsi Jawa Timur. Idempotent. Made-up names and
NIPs (valid in form only); the logo is a drawn placeholder, not the KPU emblem."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from bakohumas.offices.models import Office, OfficeProfile
from bakohumas.offices.services import office_profile_update

PROFILES: dict[str, dict[str, Any]] = {
    "3571": {
        "full_name": "KOMISI PEMILIHAN UMUM KOTA KEDIRI",
        "address": "Jl. Contoh Demokrasi No. 17, Kota Kediri, Jawa Timur 64121",
        "phone": "(0354) 000000", "email": "ppid.kotakediri@contoh.kpu.go.id",
        "website": "https://kota-kediri.contoh.kpu.go.id", "city": "Kediri",
        "ppid_name": "Rina Wulandari Demo", "ppid_nip": "198203152006042001",
        "ppid_position": "Sekretaris KPU Kota Kediri selaku PPID",
        "atasan_name": "Bagus Prasetyo Demo", "atasan_nip": "",
        "atasan_position": "Ketua KPU Kota Kediri selaku Atasan PPID",
        "letter_code": "KPU-Kot-014.329", "letter_number_pattern": "{nomor}/PP.05-SD/{kode}/{tahun}",
        "signatories": [
            {"name": "Bagus Prasetyo Demo", "nip": "", "position": "Ketua KPU Kota Kediri"},
            {"name": "Rina Wulandari Demo", "nip": "198203152006042001", "position": "Sekretaris KPU Kota Kediri"},
            {"name": "Dimas Saputra Demo", "nip": "198811202011011002",
             "position": "Kepala Subbagian Partisipasi, Hubungan Masyarakat dan SDM"},
        ],
    },
    "35": {
        "full_name": "KOMISI PEMILIHAN UMUM PROVINSI JAWA TIMUR",
        "address": "Jl. Contoh Pemilu No. 1, Surabaya, Jawa Timur 60000",
        "phone": "(031) 0000000", "email": "ppid.jatim@contoh.kpu.go.id",
        "website": "https://jatim.contoh.kpu.go.id", "city": "Surabaya",
        "ppid_name": "Hendra Gunawan Demo", "ppid_nip": "197607242002121003",
        "ppid_position": "Sekretaris KPU Provinsi Jawa Timur selaku PPID",
        "atasan_name": "Sri Lestari Demo", "atasan_nip": "",
        "atasan_position": "Ketua KPU Provinsi Jawa Timur selaku Atasan PPID",
        "letter_code": "KPU-Prov-014", "letter_number_pattern": "{nomor3}/PP.05-SD/{kode}/{bulan}/{tahun}",
        "signatories": [
            {"name": "Sri Lestari Demo", "nip": "", "position": "Ketua KPU Provinsi Jawa Timur"},
            {"name": "Hendra Gunawan Demo", "nip": "197607242002121003",
             "position": "Sekretaris KPU Provinsi Jawa Timur"},
        ],
    },
}


def placeholder_logo() -> bytes:
    """A plain red disc with a white ring: stands in for the office's logo in the demo."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (240, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 232, 232), fill=(178, 34, 34, 255))
    draw.ellipse((40, 40, 200, 200), outline=(255, 255, 255, 255), width=10)
    draw.rectangle((100, 70, 140, 170), fill=(255, 215, 0, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@transaction.atomic
def office_profiles_demo_load() -> None:
    for code, fields in PROFILES.items():
        office = Office.objects.filter(code=code).first()
        if office is None or OfficeProfile.objects.filter(office=office).exists():
            continue
        data = dict(fields)
        signatories = data.pop("signatories")
        office_profile_update(office=office, actor=None, signatories=signatories,
                              logo=ContentFile(placeholder_logo(), name="logo.png"), **data)
