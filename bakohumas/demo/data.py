"""Demo data: East Java, Triwulan I and II 2025, for all 38 KPU Kabupaten/Kota. Evaluating
2025Q2 with the default rule gives the figures presented at the Rakor Bakohumas of 17 July 2025:
two offices not updated, external WhatsApp group 4 of 38, Media Center WhatsApp group 0,
media 5 (13%), education 14 (37%), government 31 (82%), non-government 19 (50%).
No real person's name is used."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from bakohumas.demo.history import (
    later_quarters_load,
    plan_quarter,
    ppid_plans,
    quarter_values,
    reports_bulk_create,
    scaled_targets,
)
from bakohumas.library.demo import library_demo_load
from bakohumas.media.demo import media_demo_load
from bakohumas.offices.models import Office, PositionTerm, User
from bakohumas.offices.services import position_handover
from bakohumas.followup.demo import followup_demo_load
from bakohumas.governance.demo import governance_demo_load
from bakohumas.posts.demo import posts_demo_load
from bakohumas.ppid.demo import QuarterRequests, ppid_demo_load, ppid_history_load
from bakohumas.publications.demo import publications_demo_load
from bakohumas.records.demo import records_demo_load
from bakohumas.reports.models import Period, Submission
from bakohumas.reports.services import period_get_or_create, submission_import, submission_return, submission_verify
from bakohumas.reports.suggestions import suggestions_for

PROVINCE = "35"
PASSWORD = "Demo-Bakohumas-2025"
NOT_UPDATED_Q2 = ("3527", "3578")  # reported in Q1, not in Q2: evaluated on their Q1 report
LATE_Q2 = {"3509": dt.date(2025, 7, 14), "3520": dt.date(2025, 7, 11), "3575": dt.date(2025, 7, 16)}
# Late, but before the Rakor: `evaluate --as-of 2025-07-17` reproduces the meeting.
RAKOR_DAY = dt.date(2025, 7, 17)
RETURNED_Q2 = "3516"
AWAITING_Q2 = ("3571", "3504", "3522", "3574")

# How many of the 38 offices meet each yes/no or partnership indicator in 2025Q2 (the Rakor) and Q1.
TARGETS_Q2 = {
    "wa_bakohumas_eksternal": 4, "wa_media_center": 0, "kerja_sama_media": 5, "kerja_sama_pendidikan": 14,
    "kerja_sama_pemerintah": 31, "kerja_sama_non_pemerintah": 19, "media_center_aktif": 11,
    "episode_podcast": 9, "kendala_sdm": 29, "kendala_anggaran": 26, "kendala_sarpras": 21,
}
TARGETS_Q1 = {
    "wa_bakohumas_eksternal": 2, "wa_media_center": 0, "kerja_sama_media": 3, "kerja_sama_pendidikan": 11,
    "kerja_sama_pemerintah": 28, "kerja_sama_non_pemerintah": 15, "media_center_aktif": 8,
    "episode_podcast": 6, "kendala_sdm": 31, "kendala_anggaran": 27, "kendala_sarpras": 23,
}
@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: str
    office_code: str


ACCOUNTS = [
    DemoAccount("operator.kediri", "Operator Demo Kota Kediri", User.Role.OPERATOR, "3571"),
    DemoAccount("ketua.kediri", "Ketua Bakohumas Demo Kota Kediri", User.Role.KETUA, "3571"),
    DemoAccount("pimpinan.jatim", "Pimpinan Demo Jawa Timur", User.Role.PIMPINAN, PROVINCE),
    DemoAccount("evaluator.jatim", "Evaluator Demo Jawa Timur", User.Role.EVALUATOR, PROVINCE),
    DemoAccount("humas.ri", "Humas Demo KPU RI", User.Role.HUMAS_RI, Office.NATIONAL_CODE),
]


def _accounts() -> list[User]:
    users = []
    for account in ACCOUNTS:
        user, _created = User.objects.get_or_create(username=account.username)
        first, _, last = account.full_name.partition(" ")
        user.first_name, user.last_name = first, last
        user.role = account.role
        user.office = Office.objects.get(code=account.office_code)
        user.email = f"{account.username}@contoh.kpu.go.id"
        user.is_staff = account.role == User.Role.HUMAS_RI
        user.set_password(PASSWORD)
        user.save()
        users.append(user)
    return users


@transaction.atomic
def demo_load() -> list[User]:
    """Load the demo data; running it again changes nothing that is already there."""
    users = _accounts()
    by_name = {u.username: u for u in users}
    kediri = Office.objects.get(code="3571")
    if not kediri.operators_may_submit:
        kediri.operators_may_submit = True
        kediri.save(update_fields=["operators_may_submit"])
    if not PositionTerm.objects.filter(office=kediri).exists():
        position_handover(office=kediri, position=PositionTerm.Position.KETUA_BAKOHUMAS,
                          holder_name="Sekretaris Demo Periode Lalu", started_on=dt.date(2021, 3, 1), actor=None,
                          contact="sekretaris.lalu@contoh.kpu.go.id")
        position_handover(office=kediri, position=PositionTerm.Position.KETUA_BAKOHUMAS,
                          holder_name=by_name["ketua.kediri"].get_full_name(), user=by_name["ketua.kediri"],
                          started_on=dt.date(2024, 7, 1), actor=None,
                          handover_note="Grup WhatsApp Bakohumas eksternal sudah dibentuk; kerja sama dengan "
                                        "dua kampus perlu diperpanjang sebelum Desember.")
    evaluator = by_name["evaluator.jatim"]
    codes = list(Office.objects.filter(parent__code=PROVINCE).order_by("code").values_list("code", flat=True))
    offices = {o.code: o for o in Office.objects.filter(code__in=codes)}
    rng = random.Random(17072025)
    q2 = quarter_values(codes, TARGETS_Q2, rng)
    q1 = quarter_values(codes, TARGETS_Q1, rng)
    for code in NOT_UPDATED_Q2:
        q1[code] = q2[code]  # carried forward into the Q2 evaluation
    period_q1, period_q2 = period_get_or_create("2025Q1"), period_get_or_create("2025Q2")
    period_get_or_create("2025Q3")
    existing = set(Submission.objects.filter(office__code__in=codes, period__in=[period_q1, period_q2])
                   .values_list("office__code", "period_id"))
    for code in codes:
        if (code, "2025Q1") not in existing:
            day = dt.date(2025, 4, 2 + codes.index(code) % 8) if code != "3509" else dt.date(2025, 4, 16)
            submission, _ = submission_import(office=offices[code], period=period_q1, reported_on=day,
                                              values=q1[code], actor=None, source="data demo")
            submission_verify(submission=submission, actor=evaluator)
        if code in NOT_UPDATED_Q2 or (code, "2025Q2") in existing:
            continue
        day = LATE_Q2.get(code, dt.date(2025, 7, 1 + codes.index(code) % 10))
        submission, _ = submission_import(office=offices[code], period=period_q2, reported_on=day,
                                          values=q2[code], actor=None, source="data demo")
        if code == RETURNED_Q2:
            submission_return(submission=submission, actor=evaluator,
                              comment="Mohon lampirkan bukti kerja sama dengan lembaga pendidikan.",
                              item_comments={"kerja_sama_pendidikan": "Sertakan tautan atau berkas PKS."})
        elif code not in AWAITING_Q2:
            submission_verify(submission=submission, actor=evaluator)
    # The PPID registers of Triwulan I and II give the figures the reports give (carried-forward
    # reports included): the service report of 2025Q2 and the evaluation count the same requests.
    ppid_history_load([QuarterRequests(offices[code], period.start, period.end,
                                       int(values[code]["permohonan_informasi"]),
                                       int(values[code]["permohonan_tepat_waktu"]))
                       for period, values in ((period_q1, q1), (period_q2, q2)) for code in codes],
                      seed=17072025)
    library_demo_load()
    ppid_demo_load()
    records_demo_load()
    posts_demo_load()
    media_demo_load()
    publications_demo_load()  # after the media: the news item carries the best photo
    governance_demo_load()
    followup_demo_load()
    _suggestions_as_entered(period_q2, codes)
    # Every quarter since, up to today's: Kota Kediri's 2025Q3 is left for whoever tries the demo
    # (its records and posts suggest the values).
    later_quarters_load([offices[code] for code in codes], TARGETS_Q2, seed=2025_07_17, skip={"2025Q3": {"3571"}},
                        evaluator=evaluator)
    return users


def _suggestions_as_entered(period: Period, codes: list[str]) -> None:
    """The demo reports were imported, so they carry no suggestion. Give the Q2 reports of the
    offices that keep records the suggestions an operator would have seen, with a reason where
    the report differs, so the province's "Nilai berbeda dari saran" page has something to show.
    The reported values themselves (the Rakor figures) are not touched."""
    more = "Sebagian data triwulan ini belum dicatat di sistem; angka diambil dari arsip kantor."
    fewer = "Catatan di sistem belum diperbarui (ada yang sudah tidak aktif); angka sesuai kondisi triwulan ini."
    for submission in Submission.objects.filter(period=period, office__code__in=codes).select_related("office"):
        suggestions = suggestions_for(submission.office, period)
        for value in submission.values.filter(code__in=suggestions, suggested_number__isnull=True):
            suggestion = suggestions[value.code]
            value.suggested_number = suggestion.value
            value.suggestion_source = str(suggestion.source)
            value.suggestion_url = suggestion.url
            if value.number != suggestion.value:
                value.override_reason = more if (value.number or 0) > suggestion.value else fewer
            value.save(update_fields=["suggested_number", "suggestion_source", "suggestion_url", "override_reason"])


@transaction.atomic
def national_demo_load(*, today: dt.date | None = None) -> int:
    """The other 37 provinces' kab/kota (East Java stays as `demo_load` makes it): Triwulan I and II
    2025 and every quarter since, each province with its own mix of late, missing and improving
    reports, and PPID registers that give the reports' PPID figures. Written in bulk; idempotent.
    Returns how many reports were written."""
    today = today or timezone.localdate()
    provinces = list(Office.objects.filter(level=Office.Level.PROVINCE).exclude(code=PROVINCE).order_by("code"))
    if not provinces:
        raise ValueError("Daftar kantor KPU belum dimuat; jalankan `bakohumas migrate` terlebih dahulu.")
    period_q1, period_q2 = period_get_or_create("2025Q1"), period_get_or_create("2025Q2")
    written = 0
    for province in provinces:
        offices = list(Office.objects.filter(parent=province, level=Office.Level.REGENCY).order_by("code"))
        if not offices:
            continue
        rng = random.Random(f"{province.code}-17072025")
        codes = [office.code for office in offices]
        plans, reports = [], []
        for period, targets in ((period_q1, TARGETS_Q1), (period_q2, TARGETS_Q2)):
            values = quarter_values(codes, scaled_targets(targets, len(offices), rng), rng)
            # Late Q2 reports arrive before the Rakor, as in East Java.
            reports += plan_quarter(offices, period, values, rng, step=0, today=today,
                                    late_until=RAKOR_DAY if period == period_q2 else None)
            plans += ppid_plans(offices, period, values)
        ppid_history_load(plans, seed=rng.randint(0, 10**9), today=today)
        written += len(reports_bulk_create(reports))
        written += later_quarters_load(offices, TARGETS_Q2, seed=rng.randint(0, 10**9), today=today)
    return written
