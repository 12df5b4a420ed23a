"""Demo PPID data for KPU Kota Kediri and a few East Java offices. Idempotent. No real persons:
the names are made up and the NIKs are valid in form only (serial 0000)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from bakohumas.offices.letterhead import letterhead_for
from bakohumas.offices.models import Office
from bakohumas.ppid.calendar import WorkingCalendar
from bakohumas.ppid.models import DipEntry, InformationRequest
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
