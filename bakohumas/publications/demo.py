"""Demo SOP ticks and outputs for three activities of KPU Kota Kediri (records demo), so the
checklist shows done and overdue steps and the outputs are in every state: a draft, one waiting
for the Ketua Bakohumas's approval, one approved but not yet published, and two published (a
website news item and an Instagram post), which `output_publish` makes posts of the office.

Everything goes through the services with the demo users of Kota Kediri (bakohumas/demo/data.py):
`operator.kediri` writes and ticks, `ketua.kediri` approves. The services stamp ticks and
approvals with the moment they run; the demo then dates them on the activity's days (a 2025
activity ticked "today" would read oddly), which is the only thing done past the services.
Idempotent: an activity that already has outputs is left as it is. Requires `media_demo_load`
first for the photo of the news item (without it the item has no photo)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from bakohumas.media.models import MediaFile
from bakohumas.offices.models import User
from bakohumas.publications.models import ChecklistMark, Output, OutputKind
from bakohumas.publications.services import (
    checklist_tick,
    output_approve,
    output_create,
    output_publish,
    output_submit,
)
from bakohumas.publications.sop import step_for
from bakohumas.records.models import Activity, Channel
from bakohumas.governance.selectors import local_tz

OFFICE = "3571"
OPERATOR_USERNAME = "operator.kediri"
KETUA_USERNAME = "ketua.kediri"
DRAFT, PENDING, APPROVED, PUBLISHED = "draft", "pending", "approved", "published"


@dataclass(frozen=True)
class DemoOutput:
    kind: str
    state: str
    title: str
    lead: str = ""
    body: str = ""
    channel: str = ""  # platform of the office's channel, for a social media post
    url: str = ""  # where it was published
    published_days_after: int = 0
    with_photo: bool = False


@dataclass(frozen=True)
class DemoActivity:
    title: str  # of the records demo
    ticks: tuple[str, ...]  # steps the operator ticked (a step that needs approval: the ketua)
    outputs: list[DemoOutput] = field(default_factory=list)


ACTIVITIES = [
    DemoActivity(
        "Sosialisasi di Kampung Tangguh Demokrasi",
        ("rencana_dokumentasi", "foto_kegiatan", "catat_kutipan"),
        [
            DemoOutput(
                OutputKind.WEBSITE_NEWS, PUBLISHED,
                "Warga Kampung Tangguh Demokrasi Belajar Cek Data Pemilih",
                "KPU Kota Kediri bersama Komunitas Relawan Demokrasi Kediri menggelar sosialisasi pemutakhiran "
                "data pemilih berkelanjutan di balai Kampung Tangguh Demokrasi, Selasa (19/8/2025), diikuti "
                "sekitar 120 warga.",
                "Dalam sosialisasi itu warga diajak mengecek status terdaftar melalui cekdptonline.kpu.go.id "
                "dan melaporkan anggota keluarga yang pindah domisili, berusia 17 tahun, atau meninggal dunia "
                "ke layanan PDPB di kantor KPU Kota Kediri.\n\n"
                "\"Data pemilih yang akurat dimulai dari rumah. Kami mengajak warga aktif melapor,\" kata "
                "narasumber dari Subbagian Teknis dan Hupmas.\n\n"
                "Layanan PDPB buka Senin sampai Jumat pukul 08.00–16.00 WIB.",
                url="https://kota-kediri.kpu.go.id/berita/2025/08/warga-kampung-tangguh-demokrasi-cek-data-pemilih",
                published_days_after=1, with_photo=True),
            DemoOutput(
                OutputKind.SOCIAL_POST, APPROVED, "Unggahan Instagram: sosialisasi Kampung Tangguh Demokrasi",
                body="Sudah cek data pemilih? Warga Kampung Tangguh Demokrasi sudah! Cek status Anda di "
                     "cekdptonline.kpu.go.id dan laporkan perubahan data ke layanan PDPB KPU Kota Kediri. "
                     "#KPUMelayani #DataPemilih",
                channel="instagram", with_photo=True),
        ],
    ),
    DemoActivity(
        "Peluncuran grup WhatsApp Media Center",
        ("rencana_dokumentasi", "draf_siaran_pers", "brief_pimpinan", "daftar_hadir_media", "foto_kegiatan"),
        [
            DemoOutput(
                OutputKind.PRESS_RELEASE, PENDING, "KPU Kota Kediri Luncurkan Grup WhatsApp Media Center",
                "KPU Kota Kediri meluncurkan grup WhatsApp Media Center sebagai saluran resmi informasi "
                "kepemiluan bagi jurnalis, Senin (14/7/2025).",
                "Grup ini dipakai untuk membagikan siaran pers, jadwal kegiatan, dan data pemutakhiran daftar "
                "pemilih lebih cepat kepada media. Jurnalis yang ingin bergabung dapat menghubungi Media Center "
                "KPU Kota Kediri di lantai 1 kantor.",
                with_photo=True),
            DemoOutput(
                OutputKind.SOCIAL_POST, PUBLISHED, "Unggahan Instagram: peluncuran grup Media Center",
                body="Rekan jurnalis, grup WhatsApp Media Center KPU Kota Kediri resmi diluncurkan hari ini. "
                     "Siaran pers, jadwal kegiatan, dan data pemilih akan dibagikan di sini. Hubungi Media "
                     "Center di lantai 1 untuk bergabung.",
                channel="instagram", url="https://www.instagram.com/p/DemoKediriMediaCenter/"),
        ],
    ),
    DemoActivity(
        "Rapat koordinasi Bakohumas triwulan II",
        ("rencana_dokumentasi", "foto_kegiatan"),
        [
            DemoOutput(
                OutputKind.WEBSITE_NEWS, DRAFT, "Rapat Koordinasi Bakohumas Triwulan II Bahas Kanal Komunikasi",
                "KPU Kota Kediri menggelar rapat koordinasi Bakohumas triwulan II, Kamis (26/6/2025).",
                "(Draf: lengkapi kutipan Ketua dan capaian kanal komunikasi sebelum diajukan.)"),
        ],
    ),
]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=local_tz())


@transaction.atomic
def publications_demo_load() -> int:
    """Tick the demo steps and create the demo outputs; returns how many outputs were created."""
    operator = User.objects.filter(username=OPERATOR_USERNAME).first()
    ketua = User.objects.filter(username=KETUA_USERNAME).first()
    if operator is None or ketua is None:
        return 0  # the services need the office's users: load bakohumas.demo.data.demo_load()
    created = 0
    for item in ACTIVITIES:
        activity = Activity.objects.filter(office__code=OFFICE, title=item.title).first()
        if activity is None or Output.objects.filter(activity=activity).exists():
            continue
        for code in item.ticks:
            step = step_for(activity.kind, code)
            actor = ketua if step is not None and step.needs_approval else operator
            checklist_tick(activity=activity, step_code=code, actor=actor, note="data demo")
        photo = MediaFile.objects.filter(activity=activity, kind=MediaFile.Kind.PHOTO).best_first().first()
        for spec in item.outputs:
            data: dict[str, object] = {"kind": spec.kind, "title": spec.title, "lead": spec.lead, "body": spec.body}
            if spec.channel:
                data["channel"] = Channel.objects.get(office=activity.office, kind=spec.channel)
            if spec.with_photo and photo is not None:
                data["photo"] = photo
            output = output_create(activity=activity, actor=operator, data=data)
            created += 1
            if spec.state == DRAFT:
                continue
            output_submit(output=output, actor=operator)
            if spec.state == PENDING:
                continue
            output_approve(output=output, actor=ketua)
            Output.objects.filter(pk=output.pk).update(approved_at=_at(activity.held_on, 15))
            output.refresh_from_db()
            if spec.state == PUBLISHED:
                output_publish(output=output, actor=operator, url=spec.url,
                               published_at=_at(activity.held_on + dt.timedelta(days=spec.published_days_after),
                                                16 if spec.published_days_after == 0 else 9))
        # Date the ticks on the steps' own days (see the module docstring).
        for mark in ChecklistMark.objects.filter(activity=activity):
            step = step_for(activity.kind, mark.step)
            day = step.due_on(activity.held_on) if step is not None else activity.held_on
            ChecklistMark.objects.filter(pk=mark.pk).update(done_at=_at(day, 16))
    return created
