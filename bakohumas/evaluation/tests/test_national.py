"""The national dashboard: heat table, completeness per province, totals, drill-down links, and a
number of queries that does not grow with the provinces or offices."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bakohumas.reports.models import Submission

pytestmark = pytest.mark.django_db


def _get(client, period: str = "2025Q2"):
    return client.get(reverse("evaluation:national", args=[period]))


def test_it_shows_completeness_per_province_and_national_totals(client, national, make_report):
    make_report("3571", "2025Q2", status=Submission.Status.VERIFIED, episode_podcast=2)
    make_report("3572", "2025Q2", reported_on=dt.date(2025, 7, 12))  # late
    make_report("3301", "2025Q2")
    client.force_login(national)
    response = _get(client)
    rows = {row.province.code: row for row in response.context["provinces"]}
    assert (rows["35"].reported, rows["35"].result.expected, len(rows["35"].result.late)) == (2, 38, 1)
    assert rows["35"].completeness == 5.3 and rows["35"].missing == 36
    assert rows["11"].reported == 0
    totals = response.context["national"]
    assert (len(totals.reported), totals.expected, len(totals.late)) == (3, 514, 1)
    podcast = next(i for i in totals.indicators if i.code == "podcast")
    assert (podcast.numerator, podcast.denominator) == (1, 514)
    html = response.content.decode()
    assert "Dasbor nasional" in html and "3/514" in html
    assert response.context["advice"]  # national advice from the weakest indicators


def test_each_province_row_drills_down_to_its_evaluation(client, national, make_report):
    make_report("3571", "2025Q2")
    client.force_login(national)
    html = _get(client).content.decode()
    assert reverse("evaluation:evaluation", args=["35", "2025Q2"]) + "?aturan=carry_forward" in html
    assert reverse("evaluation:completeness", args=["35", "2025Q2"]) in html
    assert reverse("followup:reminders", args=["35", "2025Q2"]) in html  # who has not reported
    assert reverse("evaluation:evaluation", args=["ID", "2025Q2"]) in html
    # ...and the province evaluation and the reminders page lead on to each office's scorecard.
    reminders = client.get(reverse("followup:reminders", args=["35", "2025Q2"])).content.decode()
    assert reverse("evaluation:scorecard", args=["3572", "2025Q2"]) in reminders


def test_its_queries_do_not_grow_with_the_provinces(client, national, make_report):
    make_report("3571", "2025Q2")
    client.force_login(national)
    _get(client)  # warm the session and the content types
    with CaptureQueriesContext(connection) as few:
        _get(client)
    for code in ("3301", "1101", "9202", "5101", "6101"):
        make_report(code, "2025Q2")
    with CaptureQueriesContext(connection) as many:
        _get(client)
    assert len(many) == len(few) <= 12
