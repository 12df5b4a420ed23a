"""Generated demo reports: the quarters after the Rakor (2025Q3 up to the quarter of the day the
demo is loaded) and, for `load-demo --national`, every other province. Deterministic (seeded random
numbers), plausible (each quarter a few offices report late and a few do not update; the indicators
improve slowly), and written in bulk: the national demo is thousands of reports.

The reports' PPID figures are the offices' PPID registers counted (see `ppid_history_load`): the
service report and the quarterly report give the same numbers."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils import timezone

from bakohumas.core.periods import Quarter
from bakohumas.offices.models import Office
from bakohumas.ppid.demo import QuarterRequests, ppid_history_load
from bakohumas.ppid.models import InformationRequest
from bakohumas.ppid.selectors import with_effective_due
from bakohumas.reports.models import Period, ReportValue, Submission, SubmissionVersion
from bakohumas.reports.services import active_form, period_get_or_create, submission_return

RAKOR_QUARTER = Quarter(2025, 2)
SOURCE = "data demo"
BOOLEAN = {"wa_bakohumas_eksternal", "wa_media_center", "media_center_aktif", "kendala_sdm", "kendala_anggaran",
           "kendala_sarpras"}
CONSTRAINTS = ("kendala_sdm", "kendala_anggaran", "kendala_sarpras")
CONSTRAINT_TEXTS = [
    "Jumlah staf humas terbatas; satu orang merangkap admin media sosial dan website.",
    "Belum ada anggaran khusus untuk produksi konten video dan podcast.",
    "Peralatan dokumentasi (kamera, mikrofon) terbatas dan sudah lama.",
    "Keterampilan desain grafis dan penyuntingan video staf masih perlu ditingkatkan.",
    "Ruang Media Center belum tertata dan dipakai untuk gudang logistik.",
    "Koneksi internet kantor sering terputus saat siaran langsung.",
]
RETURN_COMMENT = "Mohon lengkapi bukti kerja sama yang dilaporkan (tautan atau berkas PKS)."
VERIFIED_AFTER_DAYS = 21  # a report sent longer ago than this has been verified by the province


def quarter_values(codes: list[str], targets: dict[str, int], rng: random.Random) -> dict[str, dict[str, int | str]]:
    """Values per office so that exactly `targets[code]` offices meet each indicator."""
    members = {element: set(rng.sample(codes, count)) for element, count in targets.items()}
    out = {}
    for code in codes:
        values: dict[str, int | str] = {}
        for element in targets:
            meets = code in members[element]
            values[element] = int(meets) if element in BOOLEAN else (rng.randint(1, 4) if meets else 0)
        posts = rng.randint(25, 140)
        requests = rng.randint(0, 9)
        values.update(
            berita_website=rng.choice([0, 0, 3, 6, 9, 12, 18, 25, 31]),
            unggahan_medsos=posts,
            unggahan_seremonial=rng.randint(posts // 4, posts * 3 // 5),
            siaran_langsung=rng.randint(0, 5),
            permohonan_informasi=requests,
            permohonan_tepat_waktu=rng.randint(max(0, requests - 2), requests),
            dokumen_perpustakaan=rng.randint(0, 60),
            pengajuan_isbn=rng.choice([0, 0, 0, 1, 2]),
            kegiatan_non_anggaran=rng.randint(0, 6),
            uraian_kendala=" ".join(rng.sample(CONSTRAINT_TEXTS, 2)) if values["kendala_sdm"] else "",
            catatan="",
        )
        out[code] = values
    return out


def scaled_targets(targets: dict[str, int], size: int, rng: random.Random, *, step: int = 0) -> dict[str, int]:
    """East Java's counts (of 38 offices) for a province of `size` offices, `step` quarters after the
    Rakor: each good practice spreads to one or two more offices a quarter (of 38), each constraint
    eases a little. A province's own jitter keeps the provinces apart."""
    out = {}
    for element, count in targets.items():
        if element in CONSTRAINTS:
            moved = count - sum(rng.randint(0, 2) for _ in range(step))
            low, high = 38 // 4, 38
        elif element == "wa_media_center":
            moved = count + sum(rng.random() < 0.5 for _ in range(step))
            low, high = 0, 38 * 3 // 4
        else:
            moved = count + sum(rng.randint(0, 2) for _ in range(step))
            low, high = 0, 38 * 9 // 10
        scaled = round(max(low, min(high, moved)) * size / 38) + rng.choice((-1, 0, 0, 1))
        out[element] = max(0, min(size, scaled))
    return out


def quarters_after_rakor(today: dt.date) -> list[Quarter]:
    """2025Q3 up to the quarter of `today` (none before 2025Q3)."""
    out, quarter = [], RAKOR_QUARTER.next()
    current = Quarter.containing(today)
    while quarter <= current:
        out.append(quarter)
        quarter = quarter.next()
    return out


@dataclass
class PlannedReport:
    office: Office
    period: Period
    reported_on: dt.date
    values: dict[str, int | str]
    status: str = Submission.Status.SUBMITTED


def plan_quarter(offices: list[Office], period: Period, values: dict[str, dict[str, int | str]], rng: random.Random,
                 *, step: int, today: dt.date, skip: Iterable[str] = (),
                 late_until: dt.date | None = None) -> list[PlannedReport]:
    """Who reports the quarter and when: most offices by the deadline, a few after it, a few not at
    all (evaluated on their last report); fewer late and missing ones as the quarters pass. Nothing
    dated after `today` (nor, when given, a late report after `late_until`); reports sent in the last
    three weeks still await verification."""
    size = len(offices)
    not_updated = set(rng.sample(range(size), min(size, max(int(rng.random() < 0.7), round(size * (0.06 - 0.008 * step))))))
    late = set(rng.sample(range(size), min(size, max(1, round(size * max(0.03, 0.10 - 0.012 * step))))))
    skip = set(skip)
    deadline, first_day = period.deadline, period.end + dt.timedelta(days=1)
    window = (deadline - first_day).days
    out = []
    for index, office in enumerate(offices):
        if index in not_updated or office.code in skip:
            continue
        if index in late:
            last = (late_until - deadline).days if late_until else 14
            reported_on = deadline + dt.timedelta(days=rng.randint(1, max(1, last)))
        else:
            reported_on = first_day + dt.timedelta(days=rng.randint(0, window))
        if reported_on > today:
            continue  # not sent yet
        status = (Submission.Status.VERIFIED if (today - reported_on).days > VERIFIED_AFTER_DAYS
                  else Submission.Status.SUBMITTED)
        out.append(PlannedReport(office, period, reported_on, values[office.code], status))
    return out


def ppid_plans(offices: list[Office], period: Period, values: dict[str, dict[str, int | str]]) -> list[QuarterRequests]:
    return [QuarterRequests(office, period.start, period.end, int(values[office.code]["permohonan_informasi"]),
                            int(values[office.code]["permohonan_tepat_waktu"]))
            for office in offices]


def ppid_counts(offices: list[Office], period: Period) -> dict[int, tuple[int, int]]:
    """Each office's register for the quarter, counted as `ppid_quarter_counts` counts it (one query)."""
    rows = (with_effective_due(InformationRequest.objects.filter(
        office__in=offices, received_on__range=(period.start, period.end)))
        .values("office_id").order_by()
        .annotate(total=Count("id"), on_time=Count(
            "id", filter=Q(status=InformationRequest.Status.ANSWERED, responded_on__lte=F("due")))))
    return {row["office_id"]: (row["total"], row["on_time"]) for row in rows}


def reports_bulk_create(reports: list[PlannedReport]) -> list[Submission]:
    """Write planned reports as the import would (a version for the import, another for the
    verification), in bulk; reports that already exist are left alone."""
    if not reports:
        return []
    existing = set(Submission.objects.filter(period__in={r.period for r in reports},
                                             office__in={r.office for r in reports})
                   .values_list("office_id", "period_id"))
    form = active_form()
    submissions: list[Submission] = []
    values: list[ReportValue] = []
    versions: list[SubmissionVersion] = []
    for report in reports:
        if (report.office.pk, report.period.pk) in existing:
            continue
        verified = report.status == Submission.Status.VERIFIED
        submission = Submission(office=report.office, period=report.period, form=form, status=report.status,
                                reported_on=report.reported_on, revision=2 if verified else 1, imported_from=SOURCE)
        submissions.append(submission)
        values.extend(ReportValue(submission=submission, code=code, number=raw if isinstance(raw, int) else None,
                                  text=raw if isinstance(raw, str) else "") for code, raw in report.values.items())
        frozen = {code: (raw if isinstance(raw, int) else (raw or None)) for code, raw in report.values.items()}
        versions.append(SubmissionVersion(submission=submission, number=1, status=Submission.Status.SUBMITTED,
                                          values=frozen, reported_on=report.reported_on,
                                          note=f"Diimpor dari {SOURCE}"))
        if verified:
            versions.append(SubmissionVersion(submission=submission, number=2, status=report.status, values=frozen,
                                              reported_on=report.reported_on, note="Diverifikasi"))
    Submission.objects.bulk_create(submissions, batch_size=500)
    ReportValue.objects.bulk_create(values, batch_size=2000)
    SubmissionVersion.objects.bulk_create(versions, batch_size=500)
    return submissions


def later_quarters_load(offices: list[Office], targets: dict[str, int], *, seed: int, today: dt.date | None = None,
                        skip: dict[str, set[str]] | None = None, evaluator=None) -> int:
    """Reports of `offices` (one province's kab/kota) for every quarter after the Rakor up to today's.
    `skip` maps a quarter code to offices that have not sent it (Kota Kediri's 2025Q3 is left for
    the person trying the demo). Returns how many reports were written."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    codes = [office.code for office in offices]
    written = 0
    for step, quarter in enumerate(quarters_after_rakor(today), start=1):
        period = period_get_or_create(quarter.code)
        quarter_targets = scaled_targets(targets, len(offices), rng, step=step)
        values = quarter_values(codes, quarter_targets, rng)
        planned = plan_quarter(offices, period, values, rng, step=step, today=today,
                               skip=(skip or {}).get(quarter.code, ()))
        if period.end < today:
            ppid_history_load(ppid_plans(offices, period, values), seed=rng.randint(0, 10**9), today=today)
        counts = ppid_counts(offices, period)
        for report in planned:
            total, on_time = counts.get(report.office.pk, (0, 0))
            report.values = {**report.values, "permohonan_informasi": total, "permohonan_tepat_waktu": on_time}
        created = reports_bulk_create(planned)
        written += len(created)
        awaiting = [s for s in created if s.status == Submission.Status.SUBMITTED]
        if awaiting and evaluator is not None:
            submission_return(submission=rng.choice(awaiting), actor=evaluator, comment=RETURN_COMMENT)
    return written
