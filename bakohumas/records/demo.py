"""Demo records: channels, partnerships and activities of KPU Kota Kediri and a few other East
Java offices, so the channel map, the expiring-soon warning and the report suggestions have
something to show. Idempotent. Partner names are made up; the handles follow the style the
offices use (@kpukotakediri) but nothing here is read from a real account.

The stored quarterly reports are not touched: suggestions are only offered on the entry page."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from bakohumas.offices.models import Office
from bakohumas.records.models import Activity, Channel, Partnership
from bakohumas.records.services import activity_create, channel_create, partnership_create

D = dt.date
OPERATOR = "Operator humas (Subbag Teknis dan Hupmas)"

# office code -> (kind, handle, url, active since, active until, managed by)
CHANNELS: dict[str, list[tuple[str, str, str, dt.date | None, dt.date | None, str]]] = {
    "3571": [
        ("website", "kota-kediri.kpu.go.id", "https://kota-kediri.kpu.go.id", D(2019, 1, 2), None, OPERATOR),
        ("instagram", "@kpukotakediri", "https://www.instagram.com/kpukotakediri", D(2017, 5, 1), None, OPERATOR),
        ("facebook", "KPU Kota Kediri", "https://www.facebook.com/kpukotakediri", D(2015, 3, 1), None, OPERATOR),
        ("x", "@kpukotakediri", "https://x.com/kpukotakediri", D(2016, 8, 1), D(2024, 12, 31), OPERATOR),
        ("tiktok", "@kpukotakediri", "https://www.tiktok.com/@kpukotakediri", D(2023, 2, 1), None,
         "Relawan demokrasi (dikoordinasi operator)"),
        ("youtube", "KPU Kota Kediri", "https://www.youtube.com/@kpukotakediri", D(2020, 6, 1), None, OPERATOR),
        ("podcast", "Podcast Suara Pemilih Kediri", "", D(2025, 4, 1), None, "Ketua Bakohumas"),
        ("media_center", "Media Center KPU Kota Kediri (lantai 1)", "", D(2023, 10, 1), None, "Sekretaris"),
        ("wa_bakohumas_eksternal", "Bakohumas Kota Kediri", "", D(2024, 11, 4), None, "Ketua Bakohumas"),
        ("wa_media_center", "Media Center KPU Kota Kediri – Jurnalis", "", D(2025, 7, 14), None, OPERATOR),
    ],
    "3506": [
        ("website", "kab-kediri.kpu.go.id", "https://kab-kediri.kpu.go.id", D(2019, 1, 2), None, OPERATOR),
        ("instagram", "@kpukabkediri", "https://www.instagram.com/kpukabkediri", D(2018, 1, 1), None, OPERATOR),
        ("youtube", "KPU Kabupaten Kediri", "", D(2021, 3, 1), None, OPERATOR),
    ],
    "3573": [
        ("website", "kota-malang.kpu.go.id", "https://kota-malang.kpu.go.id", D(2019, 1, 2), None, OPERATOR),
        ("instagram", "@kpukotamalang", "https://www.instagram.com/kpukotamalang", D(2016, 1, 1), None, OPERATOR),
        ("tiktok", "@kpukotamalang", "", D(2023, 6, 1), None, OPERATOR),
        ("media_center", "Media Center KPU Kota Malang", "", None, None, "Sekretaris"),
        ("wa_bakohumas_eksternal", "Bakohumas Kota Malang", "", D(2025, 2, 10), None, "Ketua Bakohumas"),
    ],
    "3578": [
        ("website", "kota-surabaya.kpu.go.id", "https://kota-surabaya.kpu.go.id", D(2019, 1, 2), None, OPERATOR),
        ("instagram", "@kpukotasurabaya", "https://www.instagram.com/kpukotasurabaya", D(2015, 1, 1), None,
         OPERATOR),
        ("x", "@kpusurabaya", "", D(2014, 1, 1), None, OPERATOR),
        ("threads", "@kpukotasurabaya", "", D(2024, 3, 1), None, OPERATOR),
        ("podcast", "Ngobrol Pemilu Suroboyo", "", D(2024, 9, 1), D(2025, 3, 31), "Ketua Bakohumas"),
    ],
    "3510": [
        ("instagram", "@kpubanyuwangi", "https://www.instagram.com/kpubanyuwangi", D(2017, 1, 1), None, OPERATOR),
        ("facebook", "KPU Kabupaten Banyuwangi", "", D(2014, 1, 1), None, OPERATOR),
    ],
}


def _running(until: dt.date, today: dt.date) -> dt.date:
    """An agreement the demo shows as running stays running, and out of the 60-day warning, whenever
    the demo is loaded: its end date moves on with `today` once `today` comes near it."""
    return max(until, today + dt.timedelta(days=365))


def _partnerships(today: dt.date) -> dict[str, list[dict]]:
    """Kota Kediri: a local media MoU, a university PKS, one expiring within 60 days of `today`
    (so exactly one warning shows whenever the demo is loaded), one ended, and an informal arrangement."""
    return {
        "3571": [
            {"partner_name": "Radio Suara Kediri FM (contoh)", "partner_type": "media", "form": "mou",
             "number": "01/PR.01-NK/3571/2025", "signed_on": D(2025, 2, 3),
             "valid_until": _running(D(2027, 2, 2), today),
             "scope": "Siaran langsung dialog kepemiluan dan iklan layanan masyarakat."},
            {"partner_name": "Universitas Kediri Raya (contoh)", "partner_type": "pendidikan", "form": "pks",
             "number": "07/PR.01-PKS/3571/2024", "signed_on": D(2024, 9, 16),
             "valid_until": today + dt.timedelta(days=40),
             "scope": "Pendidikan pemilih pemula, magang mahasiswa, dan riset partisipasi."},
            {"partner_name": "Dinas Komunikasi dan Informatika Kota Kediri", "partner_type": "pemerintah",
             "form": "pks", "signed_on": D(2023, 5, 10), "valid_until": None,
             "scope": "Publikasi tahapan di videotron dan kanal pemerintah kota."},
            {"partner_name": "Forum Jurnalis Kediri (contoh)", "partner_type": "media", "form": "informal",
             "signed_on": D(2022, 1, 10), "valid_until": D(2025, 5, 15),
             "scope": "Rilis berita bersama selama tahapan Pilkada 2024."},
            {"partner_name": "Komunitas Relawan Demokrasi Kediri (contoh)", "partner_type": "non_pemerintah",
             "form": "mou", "signed_on": D(2025, 7, 1), "valid_until": D(2026, 6, 30),
             "scope": "Sosialisasi di kampung dan sekolah."},
        ],
        "3573": [
            {"partner_name": "Politeknik Malang Raya (contoh)", "partner_type": "pendidikan", "form": "mou",
             "signed_on": D(2024, 3, 4), "valid_until": _running(D(2027, 3, 3), today),
             "scope": "Pendidikan pemilih."},
        ],
        "3578": [
            {"partner_name": "Televisi Lokal Surabaya (contoh)", "partner_type": "media", "form": "pks",
             "signed_on": D(2025, 1, 20), "valid_until": D(2025, 12, 31), "scope": "Talkshow bulanan."},
        ],
    }


# office code -> (date, kind, title, partner name or "", non-budget, audience, publication urls)
ACTIVITIES: dict[str, list[tuple[dt.date, str, str, str, bool, int | None, list[str]]]] = {
    "3571": [
        (D(2025, 4, 17), "episode_podcast", "Podcast Suara Pemilih #1: Mengenal Bakohumas", "", True, 320,
         ["https://www.youtube.com/@kpukotakediri"]),
        (D(2025, 5, 8), "siaran_langsung", "Dialog interaktif evaluasi Pilkada 2024",
         "Radio Suara Kediri FM (contoh)", True, 1500, []),
        (D(2025, 5, 22), "pendidikan_pemilih", "Pendidikan pemilih pemula di kampus",
         "Universitas Kediri Raya (contoh)", False, 180, ["https://kota-kediri.kpu.go.id"]),
        (D(2025, 6, 12), "episode_podcast", "Podcast Suara Pemilih #2: Data pemilih berkelanjutan", "", True, 410,
         []),
        (D(2025, 6, 26), "rapat_koordinasi", "Rapat koordinasi Bakohumas triwulan II", "", False, 25, []),
        (D(2025, 7, 14), "konferensi_pers", "Peluncuran grup WhatsApp Media Center", "", True, 18, []),
        (D(2025, 8, 7), "episode_podcast", "Podcast Suara Pemilih #3: Partisipasi perempuan", "", True, 290, []),
        (D(2025, 8, 19), "sosialisasi", "Sosialisasi di Kampung Tangguh Demokrasi",
         "Komunitas Relawan Demokrasi Kediri (contoh)", True, 120, []),
        (D(2025, 9, 11), "siaran_langsung", "Live Instagram: tanya jawab pemutakhiran data", "", True, 640,
         ["https://www.instagram.com/kpukotakediri"]),
    ],
    "3573": [
        (D(2025, 5, 15), "sosialisasi", "Sosialisasi pemilih disabilitas", "", True, 60, []),
        (D(2025, 8, 21), "pendidikan_pemilih", "Kelas demokrasi bersama politeknik",
         "Politeknik Malang Raya (contoh)", False, 95, []),
    ],
}


@transaction.atomic
def records_demo_load() -> None:
    """Load the demo records; offices that already have records are left as they are."""
    today = timezone.localdate()
    offices = {o.code: o for o in Office.objects.filter(code__in=CHANNELS.keys() | ACTIVITIES.keys())}
    for code, rows in CHANNELS.items():
        if Channel.objects.filter(office=offices[code]).exists():
            continue
        for kind, handle, url, since, until, managed_by in rows:
            channel_create(office=offices[code], actor=None, note="data demo", data={
                "kind": kind, "handle": handle, "url": url, "active_since": since, "active_until": until,
                "managed_by": managed_by})
    for code, items in _partnerships(today).items():
        if Partnership.objects.filter(office=offices[code]).exists():
            continue
        for data in items:
            partnership_create(office=offices[code], actor=None, data=data, note="data demo")
    for code, activities in ACTIVITIES.items():
        office = offices[code]
        if Activity.objects.filter(office=office).exists():
            continue
        partners = {p.partner_name: p for p in Partnership.objects.filter(office=office)}
        for held_on, kind, title, partner, non_budget, audience, urls in activities:
            activity_create(office=office, actor=None, data={
                "held_on": held_on, "kind": kind, "title": title, "partnership": partners.get(partner),
                "partners": partner, "non_budget": non_budget, "audience_size": audience, "publication_urls": urls})
