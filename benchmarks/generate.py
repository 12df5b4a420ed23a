"""National benchmark data: every KPU Kabupaten/Kota (514) x 20 quarters (2021Q1..2025Q4).

The rows are written with `bulk_create` straight into Period, Submission and ReportValue, not
through `reports.services`: the services write one report at a time with audit rows and version
snapshots, which would take minutes for ~10k reports and is not what the benchmark measures.
What the evaluation reads (status, reported_on, one ReportValue per element code, yes/no as 1/0)
is written exactly as the services would write it.

The data is seeded, so two runs produce the same rows (including the UUID primary keys) and the
figures of two machines are comparable. It is shaped so the evaluation's edge cases happen at
national scale: offices that skip quarters (carry-forward has to look back one or several
quarters), offices that only started reporting later, a handful that never reported, late
reports, and a latest quarter that is still partly not updated — as it is when the evaluation is
run shortly after a deadline.

Run on its own (it uses the database of the environment, like `bakohumas`):

    .venv/bin/python benchmarks/generate.py [--replace] [--years 5] [--seed N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bakohumas.offices.models import Office
    from bakohumas.reports.models import Element, Period

SEED = 20251127
LAST_YEAR = 2025


def period_codes(years: int = 5) -> tuple[str, ...]:
    """`years` whole years of quarters ending 2025Q4: 5 gives 2021Q1..2025Q4 (20 quarters)."""
    if years < 1:
        raise ValueError("years must be at least 1")
    first = LAST_YEAR - years + 1
    return tuple(f"{year}Q{quarter}" for year in range(first, LAST_YEAR + 1) for quarter in range(1, 5))


PERIOD_CODES = period_codes(5)
BATCH_SIZE = 2000  # rows per INSERT; Django lowers it further where the backend needs it (SQLite)

# Reporting habits. Weights are shares of the 514 offices; `reports` is the chance of reporting
# in a given quarter, `late` the chance that a report comes after the deadline.
HABITS: dict[str, tuple[float, float, float]] = {  # name: (weight, reports, late)
    "diligent": (0.80, 0.995, 0.04),
    "irregular": (0.14, 0.85, 0.25),
    "starts_late": (0.05, 0.90, 0.15),  # no reports before a random quarter, then fairly regular
    "never": (0.01, 0.0, 0.0),  # never reported: meets no indicator even with carry-forward
}
# The latest quarter is evaluated while some offices have not updated yet.
LATEST_QUARTER_REPORTS = 0.88

# Booleans: the share of offices answering "ya". Unknown codes (a grown form) get 0.5.
YES_SHARE: dict[str, float] = {
    "wa_bakohumas_eksternal": 0.35,
    "wa_media_center": 0.70,
    "media_center_aktif": 0.60,
    "kendala_sdm": 0.50,
    "kendala_anggaran": 0.60,
    "kendala_sarpras": 0.40,
}
# A yes/no answer is mostly the same as last quarter's (a WhatsApp group does not come and go).
BOOLEAN_KEEPS = 0.85

# Counts: (chance of 0, typical value when not 0). Unknown codes get (0.3, 3).
COUNTS: dict[str, tuple[float, float]] = {
    "kerja_sama_media": (0.25, 3),
    "kerja_sama_pendidikan": (0.45, 2),
    "kerja_sama_pemerintah": (0.30, 2),
    "kerja_sama_non_pemerintah": (0.55, 1.5),
    "berita_website": (0.08, 25),
    "unggahan_medsos": (0.03, 60),
    "episode_podcast": (0.65, 3),
    "siaran_langsung": (0.40, 2),
    "permohonan_informasi": (0.20, 8),
    "dokumen_perpustakaan": (0.15, 15),
    "pengajuan_isbn": (0.85, 1),
    "kegiatan_non_anggaran": (0.20, 4),
}
# Counts that are "of which" another count: (whole, lowest share, highest share). The form's own
# rules (`left <= right`) are enforced afterwards for any code, so a grown form stays valid.
PART_OF: dict[str, tuple[str, float, float]] = {
    "unggahan_seremonial": ("unggahan_medsos", 0.05, 0.60),
    "permohonan_tepat_waktu": ("permohonan_informasi", 0.55, 1.00),
}

CONSTRAINT_TEXTS = (
    "Operator humas merangkap tugas teknis pemilihan.",
    "Anggaran publikasi terbatas pada triwulan ini.",
    "Perangkat kamera dan koneksi internet kantor belum memadai.",
    "Belum ada tenaga khusus pengelola media sosial.",
    "Ruang Media Center dipakai bersama untuk rapat.",
)
NOTES = (
    "Laporan disusun berdasarkan rekap bulanan.",
    "Data kerja sama mengacu pada MoU yang masih berlaku.",
    "Jumlah unggahan mencakup Instagram, Facebook dan TikTok.",
    "Podcast diproduksi bersama radio lokal.",
)


@dataclass
class OfficeProfile:
    """What stays the same for one office across quarters."""

    office_id: int
    habit: str
    first_quarter: int  # index in the period list of its first possible report
    activity: float  # scales its counts: big city offices publish more than small ones
    yes_share: dict[str, float]
    previous: dict[str, int | str] = field(default_factory=dict)


@dataclass(frozen=True)
class GenerationStats:
    offices: int
    periods: int
    submissions: int
    values: int
    late: int
    seconds: float


class ExistingDataError(RuntimeError):
    pass


def _profile(rng: random.Random, office: Office, periods: int) -> OfficeProfile:
    names = list(HABITS)
    habit = rng.choices(names, weights=[HABITS[name][0] for name in names])[0]
    # Starts somewhere after the first quarter, early enough to have reported before the last one.
    first = rng.randrange(1, max(2, periods - 1)) if habit == "starts_late" else 0
    yes = {code: min(0.97, max(0.03, rng.gauss(share, 0.2))) for code, share in YES_SHARE.items()}
    return OfficeProfile(office.pk, habit, first, rng.lognormvariate(0, 0.5), yes)


def _count(rng: random.Random, code: str, activity: float) -> int:
    zero, typical = COUNTS.get(code, (0.3, 3))
    if rng.random() < zero:
        return 0
    return max(1, round(rng.lognormvariate(math.log(typical * activity), 0.6)))


def _values(rng: random.Random, profile: OfficeProfile, elements: list[Element],
            rules: list[tuple[str, str]]) -> dict[str, int | str]:
    values: dict[str, int | str] = {}
    for element in elements:
        code = element.code
        if element.kind == "boolean":
            last = profile.previous.get(code)
            if isinstance(last, int) and rng.random() < BOOLEAN_KEEPS:
                values[code] = last
            else:
                values[code] = int(rng.random() < profile.yes_share.get(code, 0.5))
        elif element.kind == "integer" and code not in PART_OF:
            values[code] = _count(rng, code, profile.activity)
    codes = {element.code for element in elements}
    for code, (whole, low, high) in PART_OF.items():
        if code in codes:
            total = values.get(whole, 0)
            values[code] = round(total * rng.uniform(low, high)) if isinstance(total, int) else 0
    for left, right in rules:  # the form's validation rules, whatever they are
        lv, rv = values.get(left), values.get(right)
        if isinstance(lv, int) and isinstance(rv, int) and lv > rv:
            values[left] = rng.randint(0, rv)
    has_constraint = any(values.get(code) == 1 for code in ("kendala_sdm", "kendala_anggaran", "kendala_sarpras"))
    for element in elements:
        if element.kind != "text":
            continue
        if element.code == "uraian_kendala":
            values[element.code] = rng.choice(CONSTRAINT_TEXTS) if has_constraint else ""
        else:  # optional free text: filled in now and then
            values[element.code] = rng.choice(NOTES) if rng.random() < 0.3 else ""
    return values


def _reported_on(rng: random.Random, period: Period, late: bool) -> dt.date:
    if late:  # mostly a few days to weeks late, sometimes a whole month or more
        return period.deadline + dt.timedelta(days=min(75, 1 + int(rng.expovariate(1 / 12))))
    # On time: in the last days of the quarter up to the deadline itself (the 10th is on time).
    return period.deadline - dt.timedelta(days=rng.randint(0, 14))


def generate(*, seed: int = SEED, quarters: tuple[str, ...] = PERIOD_CODES, replace: bool = False,
             verbose: bool = False) -> GenerationStats:
    """Write the national data set. With `replace`, existing reports are deleted first; without
    it, a database that already has reports is refused (the benchmark must not mix data)."""
    from django.db import transaction

    from bakohumas.offices.models import Office
    from bakohumas.reports.models import ReportValue, Submission
    from bakohumas.reports.services import active_form, period_get_or_create

    started = time.perf_counter()
    rng = random.Random(seed)
    with transaction.atomic():
        if Submission.objects.exists():
            if not replace:
                raise ExistingDataError("The database already has reports; use --replace to delete them first.")
            # Cascades to values, versions and review comments, in a few bulk DELETEs.
            Submission.objects.all().delete()
        form = active_form()
        elements = list(form.elements.order_by("order"))
        rules = list(form.rules.values_list("left", "right"))
        periods = [period_get_or_create(code) for code in quarters]
        offices = list(Office.objects.regencies().order_by("code"))
        profiles = [_profile(rng, office, len(periods)) for office in offices]

        submissions: list[Submission] = []
        values: list[ReportValue] = []
        late_count = 0
        last = len(periods) - 1
        for profile in profiles:
            _weight, reports, late_share = HABITS[profile.habit]
            for index, period in enumerate(periods):
                chance = reports * (LATEST_QUARTER_REPORTS if index == last else 1.0)
                if index < profile.first_quarter or rng.random() >= chance:
                    continue  # not updated this quarter
                late = rng.random() < late_share
                late_count += late
                # Older quarters have been verified by the province; the last two are partly still open.
                verified = rng.random() < (0.95 if index < last - 1 else 0.4)
                submission = Submission(
                    # uuid4 would read os.urandom; a seeded UUID keeps runs identical.
                    id=uuid.UUID(int=rng.getrandbits(128), version=4),
                    office_id=profile.office_id, period=period, form=form,
                    status=Submission.Status.VERIFIED if verified else Submission.Status.SUBMITTED,
                    reported_on=_reported_on(rng, period, late),
                    revision=rng.choice((2, 2, 2, 3, 4)),
                )
                submissions.append(submission)
                answers = _values(rng, profile, elements, rules)
                profile.previous = answers
                values.extend(
                    ReportValue(submission=submission, code=code,
                                number=raw if isinstance(raw, int) else None,
                                text=raw if isinstance(raw, str) else "")
                    for code, raw in answers.items()
                )
        Submission.objects.bulk_create(submissions, batch_size=BATCH_SIZE)
        ReportValue.objects.bulk_create(values, batch_size=BATCH_SIZE)

    stats = GenerationStats(len(offices), len(periods), len(submissions), len(values), late_count,
                            time.perf_counter() - started)
    if verbose:
        print(f"{stats.submissions} reports, {stats.values} values, {stats.late} late "
              f"({stats.offices} offices x {stats.periods} quarters) in {stats.seconds:.1f} s")
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replace", action="store_true", help="delete existing reports first")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--years", type=int, default=5, help="years of quarters ending 2025Q4 (default 5)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")
    import django

    django.setup()
    try:
        generate(seed=args.seed, quarters=period_codes(args.years), replace=args.replace, verbose=True)
    except ExistingDataError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
