"""Fixtures of the meetings: a Rakor of Jawa Timur a week from now (whatever today is), invitations
to all its kab/kota, an agenda item, and Kota Kediri's staff with e-mail addresses."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from bakohumas.meetings.services import agenda_item_add, meeting_schedule
from bakohumas.reports.services import period_get_or_create


def meeting_data(**overrides):
    start = timezone.now().replace(microsecond=0, second=0) + dt.timedelta(days=7)
    data = {"title": "Rapat Koordinasi Bakohumas", "starts_at": start, "ends_at": start + dt.timedelta(hours=3),
            "mode": "online", "link": "https://zoom.example/j/123", "place": "",
            "period": period_get_or_create("2025Q2"), "chair_name": "Ketua KPU Provinsi Jawa Timur"}
    return data | overrides


@pytest.fixture
def meeting(jatim, evaluator, operator, ketua):
    operator.email, operator.phone = "operator@kediri.example", "0812-3456-7890"
    operator.save()
    ketua.email = "ketua@kediri.example"
    ketua.save()
    meeting = meeting_schedule(organiser=jatim, actor=evaluator, data=meeting_data())
    agenda_item_add(meeting=meeting, actor=evaluator, data={
        "title": "Penyampaian evaluasi triwulan", "speaker_position": "Kabag Parmas dan SDM",
        "speaker_office": "KPU Provinsi Jawa Timur", "evaluation_document": "xlsx"})
    return meeting


@pytest.fixture
def province_pimpinan(db):
    from bakohumas.conftest import _user
    from bakohumas.offices.models import User

    return _user("pimpinan.jatim", "35", User.Role.PIMPINAN)
