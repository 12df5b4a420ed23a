"""Demo planned posts: the content calendar of KPU Kota Kediri (and one other East Java office)
for the coming weeks, each an information post tied to a holiday or commemoration where there is
one. Idempotent: offices that already have plans are left as they are. Posts themselves come from
the posts import (bakohumas.posts), not from here."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from bakohumas.governance.content_calendar import special_days
from bakohumas.governance.models import PlannedPost
from bakohumas.governance.services import planned_post_create
from bakohumas.offices.models import Office

# Used on the days without a holiday or commemoration with an information angle.
ROUTINE_TOPICS = [
    ("instagram", "Jadwal layanan PPID dan cara mengajukan permohonan informasi"),
    ("website", "Rekapitulasi pemutakhiran data pemilih berkelanjutan bulan ini"),
    ("tiktok", "Cara cek status terdaftar sebagai pemilih (cekdptonline.kpu.go.id)"),
    ("facebook", "Hasil rapat koordinasi dengan Bakesbangpol dan Disdukcapil"),
]


def _plans(today: dt.date) -> list[dict]:
    upcoming = [d for year in (today.year, today.year + 1) for d in special_days(year)
                if today <= d.date <= today + dt.timedelta(days=75) and d.angle]
    plans = [{"planned_on": d.date, "platform": "instagram", "topic": f"{d.name}: {d.angle}"[:200],
              "notes": "Sudut informasi dari kalender konten; ucapan cukup satu kalimat."} for d in upcoming[:4]]
    for i, (platform, topic) in enumerate(ROUTINE_TOPICS):
        plans.append({"planned_on": today + dt.timedelta(days=3 + 7 * i), "platform": platform, "topic": topic,
                      "notes": ""})
    plans.append({"planned_on": today - dt.timedelta(days=5), "platform": "instagram",
                  "topic": "Pengumuman rekrutmen anggota PPK (sudah terbit)", "notes": "",
                  "status": PlannedPost.Status.PUBLISHED})
    return plans


@transaction.atomic
def governance_demo_load() -> int:
    """Plans for Kota Kediri and Kota Surabaya; returns how many were created."""
    today = timezone.localdate()
    created = 0
    for code, plans in (("3571", _plans(today)), ("3578", _plans(today)[-3:])):
        office = Office.objects.get(code=code)
        if PlannedPost.objects.filter(office=office).exists():
            continue
        for data in plans:
            planned_post_create(office=office, actor=None, data=data)
            created += 1
    return created
