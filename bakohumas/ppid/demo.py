"""Demo PPID data for KPU Kota Kediri and a few East Java offices. Idempotent. No real persons:
the names are made up and the NIKs are valid in form only (serial 0000)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from bakohumas.offices.letterhead import letterhead_for
from bakohumas.offices.models import Office
from bakohumas.ppid.calendar import WorkingCalendar, compute_deadlines
from bakohumas.ppid.deadlines import active_rule_set, calendar_for, rule_days
from bakohumas.ppid.models import Decision, DipEntry, InformationRequest, NonWorkingDay
from bakohumas.ppid.services import (
    dip_entry_create,
    objection_answer,
    objection_file,
    request_decide,
    request_extend,
    request_register,
)

MARK = "[demo]"


def _requester(name: str, nik: str, **extra) -> dict:
    return {"requester_name": name, "nik": nik, "address": "Jl. Contoh No. 1", "phone": "081200000000",
            "information_sought": f"{MARK} Salinan keputusan penetapan hasil pemilihan.",
            "purpose": "Penelitian skripsi.", "obtain_method": InformationRequest.ObtainMethod.SOFTCOPY,
            "delivery": InformationRequest.Delivery.EMAIL, **extra}


@transaction.atomic
def ppid_demo_load() -> None:
    if InformationRequest.objects.filter(information_sought__startswith=MARK).exists():
        return
    today = timezone.localdate()
    calendar = WorkingCalendar()

    def working_days_ago(n: int) -> dt.date:
        day, counted = today, 0
        while counted < n:
            day -= dt.timedelta(days=1)
            counted += calendar.is_working_day(day)
        return day

    kediri = Office.objects.get(code="3571")
    # Answered on time, accepted.
    answered = request_register(office=kediri, channel="web", received_on=working_days_ago(25), actor=None,
                                **_requester("Pemohon Contoh Satu", "3571010101000000"))
    request_decide(request=answered, decided_on=working_days_ago(20), availability="dikuasai", outcome="diterima",
                   format="softcopy", actor=None, letter_number="001/PPID/DEMO")
    # Refused in part, then an objection answered by the atasan PPID.
    refused = request_register(office=kediri, channel="surat", received_on=working_days_ago(22), actor=None,
                               **_requester("Pemohon Contoh Dua", "3571014101000000"))
    request_decide(request=refused, decided_on=working_days_ago(15), availability="dikuasai", outcome="sebagian",
                   exemption_ground="17h", consequence_test="Membuka data pribadi pemilih merugikan pemiliknya.",
                   redactions="NIK dan alamat pemilih dihitamkan (Pasal 17 huruf h).", format="softcopy", actor=None)
    objection = objection_file(request=refused, filed_on=working_days_ago(10), ground="35a",
                               statement="Pemohon meminta dokumen tanpa penghitaman.", actor=None)
    objection_answer(objection=objection, answered_on=working_days_ago(3), answer="ditolak",
                     answer_text="Menguatkan keputusan PPID.", actor=None,
                     answered_by_name=atasan.name if (atasan := letterhead_for(kediri).atasan) else "Atasan PPID (contoh)")
    # Overdue: received 14 working days ago, never answered.
    request_register(office=kediri, channel="whatsapp", received_on=working_days_ago(14), actor=None,
                     **_requester("Pemohon Contoh Tiga", ""))
    # Extended, still within the extended deadline.
    extended = request_register(office=kediri, channel="email", received_on=working_days_ago(9), actor=None,
                                **_requester("Pemohon Contoh Empat", "3571010202000000"))
    request_extend(request=extended, notified_on=working_days_ago(2), reasons="Dokumen masih di arsip gudang.",
                   actor=None)
    # Just received.
    request_register(office=kediri, channel="web", received_on=today, actor=None,
                     **_requester("Pemohon Contoh Lima", "3571010303000000"))
    for code, name in (("3504", "Pemohon Contoh Enam"), ("3522", "Pemohon Contoh Tujuh")):
        office = Office.objects.filter(code=code).first()
        if office:
            request_register(office=office, channel="langsung", received_on=working_days_ago(12), actor=None,
                             **_requester(name, ""))
    for category, title in ((DipEntry.Category.PERIODIC, "Laporan keuangan KPU Kota Kediri"),
                            (DipEntry.Category.PERIODIC, "Rencana strategis dan rencana kerja"),
                            (DipEntry.Category.IMMEDIATE, "Informasi bencana yang mengganggu tahapan"),
                            (DipEntry.Category.ANY_TIME, "Keputusan penetapan hasil pemilihan")):
        dip_entry_create(office=kediri, actor=None, category=category, title=title,
                         holder_unit="Subbagian Teknis dan Hupmas", responsible="Sekretaris KPU Kota Kediri",
                         made_when_where="2025, Kota Kediri", form=DipEntry.Form.BOTH, retention="5 tahun")


HISTORY_MARK = "[demo-riwayat]"
HISTORY_TOPICS = (
    "Salinan keputusan penetapan hasil pemilihan.",
    "Data rekapitulasi hasil penghitungan suara per kecamatan.",
    "Daftar nama anggota PPK dan PPS.",
    "Laporan pertanggungjawaban dana hibah pemilihan.",
    "Jadwal dan lokasi sosialisasi pemilih pemula.",
    "Salinan DCT anggota DPRD kabupaten/kota.",
)
CHANNELS = ("web", "web", "langsung", "surat", "email", "whatsapp")


@dataclass(frozen=True)
class QuarterRequests:
    """How many requests an office received in a quarter and how many it answered on time: the
    quarterly report's `permohonan_informasi` and `permohonan_tepat_waktu`."""
    office: Office
    start: dt.date
    end: dt.date
    total: int
    on_time: int


def ppid_history_load(plans: list[QuarterRequests], *, seed: int, today: dt.date | None = None) -> int:
    """Past requests, answered (unless the answer would fall after `today`), so that the PPID register (the service report, the
    monitoring page and the suggestions) gives the figures the offices reported for the quarter:
    `on_time` answered by the due date, the rest after it. Written in bulk (thousands of rows for the
    national demo), without audit rows: they are demo history, not actions. Idempotent per office and
    quarter. Returns how many requests were created."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    rule = active_rule_set("uu_kip")
    days = rule_days(rule)
    offices = {plan.office for plan in plans}
    existing = set(InformationRequest.objects.filter(
        office__in=offices, information_sought__startswith=HISTORY_MARK,
        received_on__range=(min((p.start for p in plans), default=today), max((p.end for p in plans), default=today)))
        .values_list("office_id", "received_on__year", "received_on__month").distinct())
    # One calendar for every office without days of its own (or of its province): thousands of
    # offices in the national demo, one query.
    own_days = set(NonWorkingDay.objects.filter(office__isnull=False).values_list("office_id", flat=True))
    national = calendar_for(None)
    calendars: dict[int, WorkingCalendar] = {}
    numbers: dict[tuple[int, int], int] = {
        (row["office_id"], row["received_on__year"]): row["n"] % 100000
        for row in InformationRequest.objects.filter(office__in=offices).values("office_id", "received_on__year")
        .order_by().annotate(n=Max("number"))}
    requests, decisions = [], []
    for plan in plans:
        office = plan.office
        if any((office.pk, y, m) in existing for y, m in _months(plan.start, plan.end)) or not plan.total:
            continue
        if office.pk not in calendars:
            calendars[office.pk] = (calendar_for(office) if {office.pk, office.parent_id} & own_days else national)
        calendar = calendars[office.pk]
        last = min(plan.end, today)
        working = [plan.start + dt.timedelta(days=n) for n in range((last - plan.start).days + 1)]
        working = [day for day in working if calendar.is_working_day(day)]
        if not working:
            continue
        late = set(rng.sample(range(plan.total), plan.total - plan.on_time))
        for index, received in enumerate(sorted(rng.choice(working) for _ in range(plan.total))):
            deadlines = compute_deadlines(received, days, calendar)
            if index in late:
                responded, _ = calendar.add_working_days(deadlines.notice_due, rng.randint(1, 6))
            else:
                responded, _ = calendar.add_working_days(received, rng.randint(1, days.notice_days))
                responded = min(responded, deadlines.notice_due)
            answered = responded <= today
            key = (office.pk, received.year)
            numbers[key] = sequence = numbers.get(key, 0) + 1
            request = InformationRequest(
                office=office, number=received.year * 100000 + sequence, channel=rng.choice(CHANNELS),
                registration_number=f"PPID/{office.code}/{received.year}/{sequence:04d}",
                requester_name=f"Pemohon Contoh {office.code}-{received.year}-{sequence:04d}",
                address="Jl. Contoh No. 1", phone="081200000000",
                information_sought=f"{HISTORY_MARK} {rng.choice(HISTORY_TOPICS)}", purpose="Penelitian dan pemberitaan.",
                obtain_method=InformationRequest.ObtainMethod.SOFTCOPY, delivery=InformationRequest.Delivery.EMAIL,
                received_on=received, deadline_start=received, rule_set=rule, rule_code=rule.code,
                rule_version=rule.version, notice_due=deadlines.notice_due, extended_due=deadlines.extended_due,
                due_explanation=deadlines.explanation(),
                status=InformationRequest.Status.ANSWERED if answered else InformationRequest.Status.RECEIVED,
                responded_on=responded if answered else None)
            requests.append(request)
            if answered:
                held = rng.random() < 0.85
                decisions.append(Decision(
                    request=request, decided_on=responded, availability="dikuasai" if held else "tidak_dikuasai",
                    outcome="diterima" if held else "tidak_berlaku", format="softcopy" if held else "",
                    letter_number=f"{sequence:03d}/PPID/{office.code}/{received.year}"))
    InformationRequest.objects.bulk_create(requests, batch_size=500)
    Decision.objects.bulk_create(decisions, batch_size=500)
    return len(requests)


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    return sorted({(start.year, m) for m in range(start.month, end.month + 1)})
