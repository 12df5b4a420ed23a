"""The demo records load twice without change and give Kota Kediri suggestions for 2025Q2/Q3, and
exactly one expiring partnership whatever the day it is loaded on."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from bakohumas.offices.models import Office
from bakohumas.records.demo import records_demo_load
from bakohumas.records.models import Activity, Channel, Partnership
from bakohumas.records.selectors import home_summary, records_quarter_suggestions
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db


# 2026-12-07 is the day the long-running media MoU (to 2027-02-02) came within the 60-day warning.
@pytest.mark.parametrize("today", [dt.date(2026, 12, 7), dt.date(2027, 2, 1), dt.date(2028, 2, 29)])
def test_it_loads_once_and_suggests_for_kota_kediri(today):
    with time_machine.travel(dt.datetime(today.year, today.month, today.day, 12), tick=False):
        _it_loads_once_and_suggests_for_kota_kediri()


def _it_loads_once_and_suggests_for_kota_kediri():
    records_demo_load()
    counts = (Channel.objects.count(), Partnership.objects.count(), Activity.objects.count())
    records_demo_load()
    assert (Channel.objects.count(), Partnership.objects.count(), Activity.objects.count()) == counts
    kediri = Office.objects.get(code="3571")
    q2 = records_quarter_suggestions(kediri, period_get_or_create("2025Q2"))
    assert q2 == {"kerja_sama_media": 2, "kerja_sama_pendidikan": 1, "kerja_sama_pemerintah": 1,
                  "kerja_sama_non_pemerintah": 0, "episode_podcast": 2, "siaran_langsung": 1,
                  "kegiatan_non_anggaran": 3, "wa_bakohumas_eksternal": 1, "wa_media_center": 0,
                  "media_center_aktif": 1}
    q3 = records_quarter_suggestions(kediri, period_get_or_create("2025Q3"))
    assert q3["kerja_sama_media"] == 1 and q3["kerja_sama_non_pemerintah"] == 1 and q3["wa_media_center"] == 1
    assert len(home_summary(kediri).expiring) == 1
