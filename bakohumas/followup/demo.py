"""Demo follow-up for East Java: actions agreed at the Q2 2025 evaluation, due in Q3 2025 (some done,
some in progress, some not started), and a few reminders sent around the Q2 deadline. Idempotent."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from bakohumas.evaluation.models import Indicator
from bakohumas.followup.models import Action, Reminder
from bakohumas.followup.services import action_create, action_update
from bakohumas.offices.models import Office, User
from bakohumas.reports.models import Period
from bakohumas.reports.services import period_get_or_create

# (office, action, indicator, status, note)
ACTIONS = [
    ("3571", "Mulai podcast kantor, minimal satu episode per bulan.", "podcast", "done",
     "Tiga episode tayang di kanal YouTube KPU Kota Kediri."),
    ("3571", "Aktifkan grup WhatsApp Media Center bersama wartawan setempat.", "wa_media_center", "in_progress",
     "Daftar wartawan sudah dihimpun; grup dibuat bulan depan."),
    ("3516", "Lengkapi bukti kerja sama dengan lembaga pendidikan.", "kerja_sama_pendidikan", "open", ""),
    ("3509", "Tetapkan petugas yang menyiapkan laporan triwulan agar tepat waktu.", None, "done",
     "Operator humas ditetapkan melalui surat tugas sekretaris."),
    ("3578", "Perbarui laporan triwulan dan jajaki kerja sama dengan radio lokal.", "kerja_sama_media", "open", ""),
]
# (office, channel, recipient, day, by evaluator?)
REMINDERS = [
    ("3527", "email", "humas.3527@contoh.kpu.go.id", dt.date(2025, 7, 7), False),
    ("3578", "email", "humas.3578@contoh.kpu.go.id", dt.date(2025, 7, 7), False),
    ("3578", "whatsapp", "6281230003578", dt.date(2025, 7, 11), True),
    ("3516", "email", "humas.3516@contoh.kpu.go.id", dt.date(2025, 7, 13), True),
]


# Operators of the offices that owe the Q2 report, so reminders have someone to reach (they cannot
# log in: no password is set). Demo addresses and numbers, not real ones.
OWING_STAFF = ["3516", "3527", "3578"]


@transaction.atomic
def followup_demo_load() -> None:
    # Phone numbers so the reminders page shows wa.me links (demo numbers, not real ones).
    User.objects.filter(username="operator.kediri", phone="").update(phone="0812-3000-3571")
    User.objects.filter(username="evaluator.jatim", phone="").update(phone="0812-3000-3500")
    for code in OWING_STAFF:
        office = Office.objects.get(code=code)
        if not User.objects.filter(username=f"humas.{code}").exists():
            User.objects.create_user(
                username=f"humas.{code}", password=None, office=office, role=User.Role.OPERATOR,
                first_name="Operator Humas", last_name=office.region_name.title(),
                email=f"humas.{code}@contoh.kpu.go.id", phone=f"0812-3000-{code}")
    if Action.objects.filter(office__parent__code="35").exists():
        return
    evaluator = User.objects.filter(username="evaluator.jatim").first()
    operator = User.objects.filter(username="operator.kediri").first()
    q2 = Period.objects.filter(code="2025Q2").first() or period_get_or_create("2025Q2")
    q3 = Period.objects.filter(code="2025Q3").first() or period_get_or_create("2025Q3")
    indicators = {i.code: i for i in Indicator.objects.all()}
    for code, text, indicator, status, note in ACTIONS:
        office = Office.objects.get(code=code)
        action = action_create(office=office, text=text, due_period=q3, agreed_period=q2, actor=None,
                               indicator=indicators.get(indicator) if indicator else None)
        if status != "open":
            actor = operator if code == "3571" and operator else evaluator
            if actor is not None:
                action_update(action=action, status=status, note=note, actor=actor, today=dt.date(2025, 9, 15))
    for code, channel, recipient, day, by_evaluator in REMINDERS:
        sent_at = timezone.make_aware(dt.datetime.combine(day, dt.time(7, 0)))
        Reminder.objects.get_or_create(
            office=Office.objects.get(code=code), period=q2, channel=channel, sent_on=day,
            defaults={"recipient": recipient, "sent_at": sent_at, "sent_by": evaluator if by_evaluator else None})
