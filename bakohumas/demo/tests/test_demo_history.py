"""The demo reconciles (issue 17, item 10): the Rakor's late reports arrive between the deadline and
the meeting, the PPID registers give the quarterly reports' PPID figures, every quarter since the
Rakor up to today's has plausible reports, and `load-demo --national` fills every province while
East Java stays as it is."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command

from bakohumas.core.periods import Quarter
from bakohumas.demo.data import LATE_Q2, NOT_UPDATED_Q2, RAKOR_DAY, demo_load
from bakohumas.demo.history import quarters_after_rakor
from bakohumas.evaluation.engine import evaluate
from bakohumas.offices.models import Office
from bakohumas.ppid.selectors import ppid_quarter_counts, service_report
from bakohumas.reports.models import Period, Submission

pytestmark = pytest.mark.django_db

JAKARTA = ZoneInfo("Asia/Jakarta")
PPID = ("permohonan_informasi", "permohonan_tepat_waktu")


def _figures(period: str, region: str) -> dict:
    result = evaluate(period=Period.objects.get(code=period), region=Office.objects.get(code=region)).as_json()
    return {i["code"]: (i["numerator"], i["denominator"], i["percent"]) for i in result["indicators"]}


def _registers_match_the_reports(period: Period, region: Office) -> None:
    for submission in Submission.objects.filter(period=period, office__parent=region).select_related("office"):
        values = submission.value_map()
        counts = ppid_quarter_counts(submission.office, period)
        assert (counts["permohonan_informasi"], counts["permohonan_tepat_waktu"]) == tuple(values[c] for c in PPID), \
            (period.code, submission.office.code)


@time_machine.travel(dt.datetime(2027, 7, 1, 9, 0, tzinfo=JAKARTA), tick=False)
def test_the_demo_reconciles_from_the_rakor_to_todays_quarter():
    demo_load()
    jatim = Office.objects.get(code="35")
    q2 = Period.objects.get(code="2025Q2")

    # The Rakor: nothing sent after the meeting; the late ones after the deadline.
    reports = list(Submission.objects.filter(period=q2, office__parent=jatim).select_related("office", "period"))
    assert len(reports) == 36 and max(s.reported_on for s in reports) <= RAKOR_DAY
    assert {s.office.code for s in reports if s.is_late} == set(LATE_Q2)
    assert all(q2.deadline < day <= RAKOR_DAY for day in LATE_Q2.values())

    # The PPID service report of 2025Q2 counts what the quarterly reports count (149 requests).
    figures = _figures("2025Q2", "35")
    service = service_report(jatim, q2.start, q2.end)
    assert (service.total, service.on_time) == (figures["ketepatan_layanan_informasi"][1],
                                                figures["ketepatan_layanan_informasi"][0]) == (149, 122)
    _registers_match_the_reports(q2, jatim)
    _registers_match_the_reports(Period.objects.get(code="2025Q1"), jatim)

    # Every quarter since has reports, a few late, a few missing; none dated after today.
    today = dt.date(2027, 7, 1)
    quarters = quarters_after_rakor(today)
    assert [q.code for q in quarters][0] == "2025Q3" and quarters[-1] == Quarter.containing(today) == Quarter(2027, 3)
    counts = []
    for quarter in quarters[:-2]:  # the complete ones, their deadline passed
        period = Period.objects.get(code=quarter.code)
        sent = list(Submission.objects.filter(period=period, office__parent=jatim).select_related("period"))
        counts.append(len(sent))
        assert 32 <= len(sent) <= 38, quarter.code
        assert any(s.is_late for s in sent) and all(s.reported_on <= today for s in sent), quarter.code
        _registers_match_the_reports(period, jatim)
    assert sum(n < 38 for n in counts) >= len(counts) // 2  # some offices do not update
    assert not Submission.objects.filter(reported_on__gt=today).exists()
    # 2027Q2's deadline is ten days away: a few have sent it, none is verified yet; 2027Q3 has just begun.
    q2_2027 = Submission.objects.filter(period__code="2027Q2")
    assert 0 < q2_2027.count() < 38 and not q2_2027.filter(status=Submission.Status.VERIFIED).exists()
    assert not Submission.objects.filter(period__code="2027Q3").exists()
    # Kota Kediri's 2025Q3 is left for whoever tries the demo; its later quarters are there.
    assert not Submission.objects.filter(office__code="3571", period__code="2025Q3").exists()
    assert Submission.objects.filter(office__code="3571", period__code="2025Q4").exists()
    # Gradual improvement since the Rakor.
    later = _figures("2027Q1", "35")
    assert later["wa_bakohumas_eksternal"][0] > 4 and later["kerja_sama_media"][0] > 5
    # The not-updated offices of the Rakor are still evaluated on their Q1 report.
    assert not Submission.objects.filter(period=q2, office__code__in=NOT_UPDATED_Q2).exists()


def test_the_national_demo_fills_every_province_and_leaves_east_java_as_it_is():
    demo_load()
    east_java = {period: _figures(period, "35") for period in ("2025Q1", "2025Q2")}
    call_command("load_demo", national=True)
    assert {period: _figures(period, "35") for period in east_java} == east_java

    q2 = Period.objects.get(code="2025Q2")
    provinces = Office.objects.filter(level=Office.Level.PROVINCE)
    assert provinces.count() == 38
    reported = Submission.objects.filter(period=q2)
    assert set(reported.values_list("office__parent__code", flat=True)) == set(provinces.values_list("code", flat=True))
    assert not reported.filter(reported_on__gt=RAKOR_DAY).exists()
    regencies = Office.objects.filter(level=Office.Level.REGENCY).count()
    assert 0.85 * regencies < reported.count() < regencies
    # A province's PPID register gives its reports' figures, as in East Java.
    _registers_match_the_reports(q2, Office.objects.get(code="32"))
    # Every quarter since the Rakor has reports everywhere.
    latest_complete = Quarter.containing(Period.objects.order_by("-code").first().start).previous().previous()
    assert Submission.objects.filter(period__code=latest_complete.code).values("office__parent").distinct().count() == 38


def test_a_bad_option_is_one_clear_error():
    with pytest.raises(CommandError, match="unrecognized arguments: --nasional"):
        call_command("load_demo", "--nasional")
