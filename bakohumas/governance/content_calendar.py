"""The content calendar: Indonesia's national and religious holidays (the `holidays` library,
Indonesian names), a short documented list of commemorative days with an information angle for
KPU, and the offices' planned information posts, as a month list (docs/governance.md)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import holidays
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from bakohumas.governance.models import PlannedPost
from bakohumas.governance.selectors import scope_offices
from bakohumas.offices.models import Office

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Commemoration:
    month: int
    day: int
    name: StrOrPromise
    basis: str  # where the day is set: documented, so nobody invents anniversaries
    angle: StrOrPromise  # an information angle, so the day's post informs instead of only greeting


# Only days whose date and basis are documented (docs/governance.md). HUT KPU is left out: KPU's
# own sources do not agree on one date.
# The months the calendar shows (`?bulan=`); others are refused with a message.
FIRST_YEAR, LAST_YEAR = 2000, 2100

COMMEMORATIONS = [
    Commemoration(2, 9, _("Hari Pers Nasional"), "Keppres No. 5 Tahun 1985",
                  _("Cara jurnalis memperoleh data dan jadwal resmi dari KPU; kontak Media Center.")),
    Commemoration(4, 21, _("Hari Kartini"), "Keppres No. 108 Tahun 1964",
                  _("Keterwakilan perempuan dalam penyelenggara dan pencalonan; data pemilih perempuan.")),
    Commemoration(4, 30, _("Hari Keterbukaan Informasi Nasional"),
                  "Diperingati Komisi Informasi sejak 2015 (UU No. 14 Tahun 2008 disahkan 30 April 2008); "
                  "belum ditetapkan dengan Keppres",
                  _("Cara mengajukan permohonan informasi ke PPID KPU dan daftar informasi publik.")),
    Commemoration(5, 2, _("Hari Pendidikan Nasional"), "Keppres No. 316 Tahun 1959",
                  _("Pendidikan pemilih di sekolah dan kampus; jadwal sosialisasi.")),
    Commemoration(5, 20, _("Hari Kebangkitan Nasional"), "Keppres No. 316 Tahun 1959",
                  _("Partisipasi warga dalam tahapan: cara memeriksa dan memperbaiki data pemilih.")),
    Commemoration(9, 15, _("Hari Demokrasi Internasional"), "Resolusi Majelis Umum PBB 62/7 (2007)",
                  _("Penjelasan tahapan pemilu/pemilihan yang sedang berjalan dan cara warga terlibat.")),
    Commemoration(10, 1, _("Hari Kesaktian Pancasila"), "Keppres No. 153 Tahun 1967",
                  _("Pemilu yang jujur dan adil: cara melaporkan dugaan pelanggaran dan ke mana.")),
    Commemoration(10, 28, _("Hari Sumpah Pemuda"), "Keppres No. 316 Tahun 1959",
                  _("Pemilih pemula: syarat terdaftar, cara cek DPT online, usia 17 tahun pada hari pemungutan suara.")),
    Commemoration(11, 10, _("Hari Pahlawan"), "Keppres No. 316 Tahun 1959",
                  _("Petugas badan ad hoc (PPK, PPS, KPPS): rekrutmen, syarat, dan jadwalnya.")),
    Commemoration(12, 3, _("Hari Disabilitas Internasional"), "Resolusi Majelis Umum PBB 47/3 (1992)",
                  _("Layanan pemilih penyandang disabilitas: TPS akses, pendamping, template braille.")),
    Commemoration(12, 22, _("Hari Ibu"), "Keppres No. 316 Tahun 1959",
                  _("Partisipasi perempuan sebagai pemilih dan petugas; data pemilih menurut jenis kelamin.")),
]

# An information angle for some holidays too; the holiday itself comes from the library.
HOLIDAY_ANGLES = {
    (8, 17): _("Hak pilih sebagai hak warga negara: cara memeriksa status terdaftar sebagai pemilih."),
    (6, 1): _("Asas pemilu langsung, umum, bebas, rahasia, jujur dan adil dijelaskan dengan contoh."),
    (5, 1): _("Pemilih yang bekerja jauh dari domisili: pindah memilih dan syaratnya."),
}


@dataclass(frozen=True)
class Day:
    date: dt.date
    name: str
    kind: str  # "libur" (public holiday) or "peringatan" (commemorative day)
    angle: str = ""
    basis: str = ""


def special_days(year: int) -> list[Day]:
    """Holidays (Indonesian names from the `holidays` library) and the commemorations of the year."""
    days = [Day(date, str(name), "libur", str(HOLIDAY_ANGLES.get((date.month, date.day), "")))
            for date, name in holidays.country_holidays("ID", years=year, language="id").items()]
    days += [Day(dt.date(year, c.month, c.day), str(c.name), "peringatan", str(c.angle), c.basis)
             for c in COMMEMORATIONS]
    return sorted(days, key=lambda d: (d.date, d.kind, d.name))


@dataclass
class CalendarDay:
    date: dt.date
    special: list[Day] = field(default_factory=list)
    plans: list[PlannedPost] = field(default_factory=list)

    @property
    def is_weekend(self) -> bool:
        return self.date.weekday() >= 5


@dataclass
class MonthCalendar:
    office: Office
    month: dt.date
    days: list[CalendarDay]

    @property
    def previous(self) -> dt.date | None:
        """The month before, or None before FIRST_YEAR (no link to a month that is refused)."""
        month = (self.month - dt.timedelta(days=1)).replace(day=1)
        return month if month.year >= FIRST_YEAR else None

    @property
    def next(self) -> dt.date | None:
        month = (self.month + dt.timedelta(days=32)).replace(day=1)
        return month if month.year <= LAST_YEAR else None

    @property
    def plans(self) -> int:
        return sum(len(d.plans) for d in self.days)


class InvalidMonth(ValueError):
    """A `?bulan=` that is not a month of FIRST_YEAR..LAST_YEAR; the message is for the user."""


def parse_month(value: str | None, today: dt.date) -> dt.date:
    """`?bulan=2025-08` -> 1 August 2025; none -> this month. Anything else, or a year outside
    FIRST_YEAR..LAST_YEAR (`9999-12` would overflow the previous/next links), is InvalidMonth."""
    if not value:
        return today.replace(day=1)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
    if not match:
        raise InvalidMonth(_("Bulan tidak valid; tulis sebagai TTTT-BB, misalnya 2025-08."))
    year, month = int(match[1]), int(match[2])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidMonth(_("Tahun di luar jangkauan kalender (%(first)s–%(last)s).")
                           % {"first": FIRST_YEAR, "last": LAST_YEAR})
    if not 1 <= month <= 12:
        raise InvalidMonth(_("Bulan tidak valid; bulan ditulis 01 sampai 12."))
    return dt.date(year, month, 1)


def planned_posts_for(office: Office) -> QuerySet[PlannedPost]:
    """An office's plans, a province's with its kab/kota's, KPU RI's with everyone's."""
    return PlannedPost.objects.filter(office__in=scope_offices(office)).select_related("office")


def month_calendar(office: Office, month: dt.date) -> MonthCalendar:
    """Every day of the month that has a holiday, a commemoration or a plan (one query)."""
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    days = {month + dt.timedelta(days=i): CalendarDay(month + dt.timedelta(days=i)) for i in range(last.day)}
    for day in special_days(month.year):
        if day.date in days:
            days[day.date].special.append(day)
    for plan in planned_posts_for(office).filter(planned_on__range=(month, last)).order_by(
            "planned_on", "office__code", "platform", "topic"):
        days[plan.planned_on].plans.append(plan)
    return MonthCalendar(office, month, [d for d in days.values() if d.special or d.plans])
