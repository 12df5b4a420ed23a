"""Overdue actions are flagged "Terlambat" with the quarter they were due in; the pimpinan only reads."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from bakohumas.followup.services import action_create, action_update
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db

JAKARTA = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture
def actions(kediri, evaluator):
    late = action_create(office=kediri, text="Aktifkan grup WA", due_period=period_get_or_create("2025Q2"),
                         actor=evaluator)
    current = action_create(office=kediri, text="Podcast bulanan", due_period=period_get_or_create("2025Q3"),
                            actor=evaluator)
    return late, current


@time_machine.travel(dt.datetime(2025, 8, 1, 9, 0, tzinfo=JAKARTA), tick=False)
def test_an_action_past_its_quarter_is_overdue_until_done(actions, operator):
    late, current = actions
    assert late.is_overdue and not current.is_overdue
    action_update(action=late, status="done", note="", actor=operator, today=dt.date(2025, 8, 1))
    assert not late.is_overdue


@time_machine.travel(dt.datetime(2025, 8, 1, 9, 0, tzinfo=JAKARTA), tick=False)
def test_the_office_page_flags_the_overdue_action_with_its_quarter(client, actions, operator,
                                                                   django_assert_max_num_queries):
    client.force_login(operator)
    with django_assert_max_num_queries(12):
        html = client.get(reverse("followup:office_actions", args=["3571"])).content.decode()
    assert html.count("Terlambat · tenggat Triwulan II 2025") == 1
    assert "tenggat Triwulan III 2025" not in html


def test_the_pimpinan_reads_follow_up_without_update_wording(client, actions, pimpinan, make_report):
    make_report("3571", "2025Q2")
    client.force_login(pimpinan)
    html = client.get(reverse("evaluation:scorecard", args=["3571", "2025Q2"])).content.decode()
    assert "Lihat tindak lanjut" in html and "Perbarui kemajuan tindak lanjut" not in html
    page = client.get(reverse("followup:office_actions", args=["3571"])).content.decode()
    assert 'name="status"' not in page and "Simpan tindak lanjut" not in page
