"""Absence from a Rakor shows on the office's scorecard and in the findings of the evaluation of the
quarter the Rakor was held in (the next evaluation after the one it discussed)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from bakohumas.evaluation.engine import evaluate
from bakohumas.evaluation.scorecard import office_scorecard
from bakohumas.meetings.selectors import national_overview
from bakohumas.meetings.services import invitee_mark, meeting_schedule
from bakohumas.meetings.tests.conftest import meeting_data
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db
JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def held(jatim, evaluator):
    start = dt.datetime(2025, 7, 17, 9, 0, tzinfo=JAKARTA)
    meeting = meeting_schedule(organiser=jatim, actor=evaluator, data=meeting_data(
        title="Rakor Bakohumas", starts_at=start, ends_at=start + dt.timedelta(hours=3)))
    for code in ("3571", "3578", "3501"):
        invitee_mark(invitee=meeting.invitees.get(office__code=code), actor=evaluator, presence="absent")
    invitee_mark(invitee=meeting.invitees.get(office__code="3502"), actor=evaluator, presence="present")
    return meeting


def test_the_next_evaluation_names_the_offices_that_did_not_attend(held, jatim):
    result = evaluate(period=period_get_or_create("2025Q3"), region=jatim)
    [line] = [f for f in result.findings if "tidak mengikuti" in f]
    assert line.startswith("Tiga KPU Kabupaten/Kota tidak mengikuti Rakor Bakohumas 17 Juli 2025: ")
    assert "KPU Kota Kediri" in line and "KPU Kota Surabaya" in line
    national = evaluate(period=period_get_or_create("2025Q3"))
    assert "Tiga KPU Kabupaten/Kota tidak mengikuti Rakor Bakohumas provinsinya pada" in " ".join(national.findings)
    q2 = evaluate(period=period_get_or_create("2025Q2"), region=jatim)
    assert not [f for f in q2.findings if "tidak mengikuti" in f]


def test_the_scorecard_shows_the_absence(held, kediri, client, operator):
    card = office_scorecard(office=kediri, period=period_get_or_create("2025Q3"))
    assert [(i.meeting, i.presence) for i in card.rakor] == [(held, "absent")]
    client.force_login(operator)
    html = client.get(reverse("evaluation:scorecard", args=["3571", "2025Q3"])).content.decode()
    assert "Tidak hadir" in html and "Rakor Bakohumas" in html


def test_the_national_view_gives_each_province_its_rakor_and_rate(held):
    rows = {row.province.code: row for row in national_overview()}
    assert len(rows) == 38
    [meeting] = rows["35"].meetings
    assert (meeting.present_count, meeting.invited_count, meeting.rate) == (1, 38, 3)
    assert rows["33"].meetings == []
