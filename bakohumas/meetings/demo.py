"""Demo Rakor: the online Rapat Koordinasi Bakohumas KPU Provinsi Jawa Timur of 17 July 2025 with its
38 KPU Kabupaten/Kota (PRODUCT.md), its agenda and speakers (roles only: no real person's name), KPU
Kota Kediri's attendance, the minutes approved by the chair with the closing's four directions made
follow-up actions of every invited office, and Kota Kediri's published news item about it.

Everything goes through the services with the demo users (evaluator.jatim organises, pimpinan.jatim
chairs, operator.kediri records and writes, ketua.kediri approves). The meeting is in the past, so the
invitation cannot be sent by the service any more (that is the rule); the demo only dates what the
services stamp with "now" (invitation sent, minutes approved, news approved) on the days they would
have happened. Which offices were present is not in the brief: the demo marks the two offices that
had not updated their Q2 report absent and the others present, to show the recap and the finding.
Idempotent: nothing is done when the meeting exists."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from bakohumas.governance.selectors import local_tz
from bakohumas.meetings.models import Invitee, Meeting
from bakohumas.meetings.news import news_draft_create
from bakohumas.meetings.services import (
    agenda_item_add,
    attendee_add,
    direction_add,
    direction_to_actions,
    invitee_mark,
    item_minutes_save,
    meeting_schedule,
    minutes_approve,
)
from bakohumas.offices.models import Office, User
from bakohumas.publications.models import Output
from bakohumas.publications.services import output_approve, output_publish, output_submit
from bakohumas.reports.services import period_get_or_create

TITLE = "Rapat Koordinasi Bakohumas KPU Provinsi Jawa Timur"
DAY = dt.date(2025, 7, 17)
PROVINCE = "35"
KPU_JATIM = "KPU Provinsi Jawa Timur"
ABSENT = ("3509", "3527")  # the two offices that had not updated their Q2 report (demo/data.py)
NEWS_URL = "https://kota-kediri.kpu.go.id/berita/2025/07/kpu-kota-kediri-ikuti-rakor-bakohumas-kpu-jatim"

# (title, speaker position, speaker office, system document, minutes, directions)
AGENDA = [
    ("Pembukaan", "Ketua KPU Provinsi Jawa Timur", KPU_JATIM, "",
     "Rakor dibuka oleh Ketua KPU Provinsi Jawa Timur. Kehumasan KPU harus berjalan sepanjang tahun, tidak "
     "hanya pada tahapan pemilihan: media sosial, website, Media Center, dan media massa.", []),
    ("Arahan Divisi Sosialisasi, Pendidikan Pemilih, dan Partisipasi Masyarakat",
     "Anggota KPU Provinsi Jawa Timur, Divisi Sosdiklih dan Parmas", KPU_JATIM, "",
     "Setiap kantor memiliki Bakohumas yang diketuai Sekretaris. Dokumentasi kegiatan mengikuti SOP; satu "
     "kegiatan menghasilkan keluaran untuk media sosial, dokumentasi internal, dan publikasi eksternal. "
     "Website adalah sumber informasi utama. Media sosial dikelola secara organik, berisi informasi publik, "
     "bukan ucapan seremonial. Kantor yang belum memiliki podcast agar memulainya.", []),
    ("Standar kehumasan KPU", "Kepala Bagian Humas dan Informasi Publik", "KPU RI", "",
     "Satu standar kehumasan di semua tingkatan (KPU RI, provinsi, kabupaten/kota): mutu foto, video, dan "
     "berita, serta pengelolaan media sosial dan website (PKPU 14/2020). Siaran langsung mengikuti etika "
     "penyiaran dan hak cipta. Perpustakaan Pemilu menginventarisasi dokumen kepemiluan; buku mendapat ISBN "
     "melalui KPU RI.", []),
    ("Evaluasi laporan Bakohumas triwulan II 2025", "Kepala Bagian Partisipasi Masyarakat dan SDM", KPU_JATIM,
     "pptx",
     "Hanya 4 dari 38 KPU Kabupaten/Kota memanfaatkan grup WhatsApp Bakohumas eksternal; belum ada yang "
     "mengaktifkan grup WhatsApp Media Center. Kerja sama dengan media 13%, lembaga pendidikan 37%, instansi "
     "pemerintah 82%, dan organisasi non-pemerintah 50%. Kendala: SDM (jumlah dan keterampilan), anggaran, "
     "serta sarana dan prasarana. Dua kantor belum memperbarui laporannya.", []),
    ("Penutup", "Ketua KPU Provinsi Jawa Timur", KPU_JATIM, "",
     "Rakor ditutup dengan empat arahan kepada seluruh KPU Kabupaten/Kota.",
     ["Lakukan evaluasi internal pelaksanaan kehumasan di kantor masing-masing.",
      "Berkomunikasi dengan Ketua Bakohumas periode sebelumnya untuk melanjutkan program yang sudah berjalan.",
      "Bangun kolaborasi dengan pemangku kepentingan setempat (media, kampus, instansi, organisasi masyarakat).",
      "Jalankan kegiatan kehumasan tanpa anggaran (non-budgeting) bila diperlukan."]),
]
# (name, position, role) of KPU Kota Kediri: positions stand in for names.
KEDIRI_ATTENDANCE = [
    ("Ketua KPU Kota Kediri", "Ketua", "ketua"),
    ("Anggota KPU Kota Kediri Divisi Sosdiklih dan Parmas", "Anggota", "anggota"),
    ("Sekretaris KPU Kota Kediri", "Sekretaris (Ketua Bakohumas)", "sekretaris"),
    ("Kasubbag Partisipasi dan Hubungan Masyarakat", "Kepala Subbagian Parmas dan SDM", "kasubbag"),
    ("Operator Humas KPU Kota Kediri", "Staf Subbagian Parmas dan SDM", "staf"),
]


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=local_tz())


@transaction.atomic
def meetings_demo_load() -> Meeting | None:
    users = {u.username: u for u in User.objects.filter(username__in=[
        "evaluator.jatim", "pimpinan.jatim", "operator.kediri", "ketua.kediri"])}
    if len(users) < 4:
        return None  # the services need the demo users: load bakohumas.demo.data.demo_load()
    jatim = Office.objects.get(code=PROVINCE)
    if Meeting.objects.filter(organiser=jatim, title=TITLE, starts_at=_at(DAY, 9)).exists():
        return None
    evaluator, operator = users["evaluator.jatim"], users["operator.kediri"]
    meeting = meeting_schedule(organiser=jatim, actor=evaluator, data={
        "title": TITLE, "starts_at": _at(DAY, 9), "ends_at": _at(DAY, 12), "mode": Meeting.Mode.ONLINE,
        "link": "https://vicon.contoh.kpu.go.id/rakor-bakohumas-jatim", "place": "",
        "period": period_get_or_create("2025Q2"), "chair_name": "Ketua KPU Provinsi Jawa Timur"})
    Meeting.objects.filter(pk=meeting.pk).update(invited_at=_at(DAY - dt.timedelta(days=3), 10), invited_sequence=0)
    q3 = period_get_or_create("2025Q3")
    for title, position, office, document, minutes, directions in AGENDA:
        item = agenda_item_add(meeting=meeting, actor=evaluator, data={
            "title": title, "speaker_position": position, "speaker_office": office, "evaluation_document": document})
        item_minutes_save(item=item, actor=evaluator, minutes=minutes)
        for text in directions:
            direction = direction_add(item=item, actor=evaluator, text=text)
            direction_to_actions(direction=direction, actor=evaluator, due_period=q3)
    kediri = meeting.invitees.get(office__code="3571")
    for name, position, role in KEDIRI_ATTENDANCE:
        attendee_add(invitee=kediri, actor=operator, name=name, position=position, role=role)
    for invitee in meeting.invitees.exclude(office__code="3571").select_related("meeting", "office"):
        presence = Invitee.Presence.ABSENT if invitee.office.code in ABSENT else Invitee.Presence.PRESENT
        invitee_mark(invitee=invitee, actor=evaluator, presence=presence)
    minutes_approve(meeting=meeting, actor=users["pimpinan.jatim"])
    Meeting.objects.filter(pk=meeting.pk).update(minutes_approved_at=_at(DAY, 16))
    kediri.refresh_from_db()
    output = news_draft_create(invitee=kediri, actor=operator)
    output_submit(output=output, actor=operator)
    output_approve(output=output, actor=users["ketua.kediri"])
    Output.objects.filter(pk=output.pk).update(approved_at=_at(DAY, 14))
    output.refresh_from_db()
    output_publish(output=output, actor=operator, url=NEWS_URL, published_at=_at(DAY, 15))
    return meeting
