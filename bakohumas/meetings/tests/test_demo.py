"""The demo holds the Rakor of 17 July 2025: agenda and speakers by role, Kota Kediri's attendance, the
approved minutes with the closing's directions as follow-up actions, Kota Kediri's published news."""

from __future__ import annotations

import pytest

from bakohumas.demo.data import demo_load
from bakohumas.evaluation.engine import evaluate
from bakohumas.followup.models import Action
from bakohumas.meetings.demo import TITLE, meetings_demo_load
from bakohumas.meetings.models import Meeting
from bakohumas.offices.models import Office
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db


def test_the_demo_holds_the_rakor_of_17_july_2025():
    demo_load()
    meeting = Meeting.objects.get(title=TITLE)
    assert meeting.organiser.code == "35" and meeting.mode == "online" and meeting.period_id == "2025Q2"
    assert [i.speaker_office for i in meeting.agenda.all()] == [
        "KPU Provinsi Jawa Timur", "KPU Provinsi Jawa Timur", "KPU RI", "KPU Provinsi Jawa Timur",
        "KPU Provinsi Jawa Timur"]
    assert all(not i.speaker_name for i in meeting.agenda.all())  # roles only
    kediri = meeting.invitees.get(office__code="3571")
    assert kediri.presence == "present" and kediri.attendees.count() == 5
    assert meeting.minutes_approved
    closing = meeting.agenda.get(title="Penutup")
    assert closing.directions.count() == 4
    assert Action.objects.filter(office__code="3571", meeting_directions__item=closing).count() == 4
    assert kediri.news.status == "terbit" and kediri.news.post is not None
    findings = evaluate(period=period_get_or_create("2025Q3"), region=Office.objects.get(code="35")).findings
    assert any(f.startswith("Dua KPU Kabupaten/Kota tidak mengikuti " + TITLE) for f in findings)
    assert meetings_demo_load() is None  # again: nothing changes
    assert Meeting.objects.count() == 1
