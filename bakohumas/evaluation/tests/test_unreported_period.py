"""A quarter that has begun but has no report yet is evaluated like any other (contract section 6):
every office is not updated and, under carry_forward, evaluated on its latest earlier report. Only
a quarter that has not begun is refused."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from bakohumas.evaluation.documents import render_document
from bakohumas.evaluation.engine import EvaluationError, evaluate
from bakohumas.reports.models import Period
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db

# 2026-12-07, the day the reviews found it: 2026Q4 has begun and nobody has reported for it.
TODAY = dt.datetime(2026, 12, 7, 9, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Jakarta"))


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def _json(capsys, *args: str) -> dict:
    call_command("evaluate", "--period", "2026Q4", "--region", "35", "--format", "json", *args)
    return json.loads(capsys.readouterr().out)


def test_it_evaluates_a_started_period_nobody_reported_for(make_report, capsys):
    make_report("3571", "2025Q2", wa_bakohumas_eksternal=1)
    data = _json(capsys)
    assert data["period"] == "2026Q4" and data["units"]["expected"] == 38 and data["units"]["reported"] == 0
    assert len(data["units"]["not_updated"]) == 38
    assert data["units"]["carried_forward"] == ["3571"]
    assert data["indicators"][0]["units"] == ["3571"]
    assert Period.objects.filter(code="2026Q4").exists()  # made with its default deadline


def test_it_meets_nothing_under_count_as_not_met(make_report, capsys):
    make_report("3571", "2025Q2", wa_bakohumas_eksternal=1)
    data = _json(capsys, "--missing-rule", "count_as_not_met")
    assert data["units"]["carried_forward"] == [] and len(data["units"]["not_updated"]) == 38
    assert all(i["numerator"] == 0 for i in data["indicators"])


def test_it_evaluates_a_period_of_an_empty_database(capsys):
    data = _json(capsys)
    assert data["units"]["reported"] == 0 and data["units"]["carried_forward"] == []
    assert data["findings"]


def test_it_refuses_a_period_that_has_not_started_with_one_line():
    with pytest.raises(CommandError) as error:
        call_command("evaluate", "--period", "2027Q1", "--region", "35", "--format", "json")
    assert str(error.value) == "Periode 2027Q1 belum dimulai (mulai 1 Januari 2027); belum ada yang dapat dievaluasi."
    assert not Period.objects.filter(code="2027Q1").exists()


def test_it_refuses_a_future_period_even_when_it_was_opened():
    period = period_get_or_create("2027Q1")  # KPU RI may open entry ahead
    with pytest.raises(EvaluationError):
        evaluate(period=period)


def test_it_renders_the_documents_of_a_started_period():
    content, name, _type = render_document("xlsx", region="35", period="2026Q4")
    assert name == "evaluasi-bakohumas-35-2026Q4.xlsx" and content[:2] == b"PK"
    with pytest.raises(EvaluationError, match="belum dimulai"):
        render_document("xlsx", region="35", period="2027Q1")


def test_it_shows_the_pages_of_a_started_period(client, evaluator, national, make_report):
    make_report("3571", "2025Q2")
    client.force_login(evaluator)
    page = client.get("/evaluasi/35/2026Q4/")
    assert page.status_code == 200 and "Triwulan IV 2026" in page.content.decode()
    assert client.get("/evaluasi/35/2026Q4/kelengkapan/").status_code == 200
    assert client.get("/evaluasi/kantor/3571/2026Q4/").status_code == 200
    assert client.get("/api/v1/evaluation?period=2026Q4&region=35").json()["units"]["reported"] == 0
    assert client.get("/evaluasi/35/2027Q1/").status_code == 404
    assert client.get("/api/v1/evaluation?period=2027Q1&region=35").status_code == 404
    client.force_login(national)
    assert client.get("/evaluasi/nasional/2026Q4/").status_code == 200
    assert client.get("/evaluasi/nasional/2027Q1/").status_code == 404
