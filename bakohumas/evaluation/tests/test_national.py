"""The national dashboard: heat table, completeness per province, totals, drill-down links, and a
number of queries that does not grow with the provinces or offices."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bakohumas.evaluation.recommendations import scope_recommendations
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
    assert len(many) == len(few) <= 24  # + the recommendations: report values and the records' signals


def test_it_shows_the_ratio_indicators_per_province_and_in_total(client, national, make_report):
    make_report("3571", "2025Q2", unggahan_medsos=20, unggahan_seremonial=15,
                permohonan_informasi=4, permohonan_tepat_waktu=4)
    make_report("3572", "2025Q2", unggahan_medsos=10, unggahan_seremonial=5,
                permohonan_informasi=0, permohonan_tepat_waktu=0)
    make_report("3301", "2025Q2", unggahan_medsos=10, unggahan_seremonial=1,
                permohonan_informasi=0, permohonan_tepat_waktu=0)
    client.force_login(national)
    response = _get(client)
    rows = {row.province.code: row for row in response.context["provinces"]}
    jatim = {i.code: i for i in rows["35"].result.indicators}
    assert (jatim["porsi_seremonial"].numerator, jatim["porsi_seremonial"].denominator) == (20, 30)
    assert (jatim["ketepatan_layanan_informasi"].numerator, jatim["ketepatan_layanan_informasi"].denominator) == (4, 4)
    jateng = {i.code: i for i in rows["33"].result.indicators}
    assert jateng["porsi_seremonial"].percent == 10.0
    assert jateng["ketepatan_layanan_informasi"].denominator == 0  # no requests: no percentage
    totals = {i.code: i for i in response.context["national"].indicators}
    assert (totals["porsi_seremonial"].numerator, totals["porsi_seremonial"].denominator) == (21, 40)
    assert totals["porsi_seremonial"].reported_denominator is None
    # The same ratio figures as the national evaluation page, and the same advice about them.
    page = client.get(reverse("evaluation:evaluation", args=["ID", "2025Q2"])).context["result"]
    assert page.indicator("porsi_seremonial").percent == totals["porsi_seremonial"].percent == 52.5
    assert response.context["advice"] == scope_recommendations(page)
    html = response.content.decode()
    assert ">Porsi seremonial ↓</th>" in html and ">Ketepatan layanan informasi</th>" in html
    assert 'class="num heat-3 neg" title="20/30">66,7%</td>' in html  # ceremonial: high is bad
    assert 'class="num heat-4" title="4/4">100,0%</td>' in html
    assert 'class="num heat-x" title="0/0">–</td>' in html  # Jawa Tengah had no requests


def test_the_documents_province_table_keeps_its_share_columns(national, make_report):
    from bakohumas.evaluation.engine import evaluate_provinces
    from bakohumas.reports.models import Period

    make_report("3571", "2025Q2")
    (province, result), *_ = evaluate_provinces(period=Period.objects.get(code="2025Q2"))
    kinds = [i.kind for i in result.indicators]
    assert "share" in kinds and "ratio" in kinds
    assert result.indicators[0].reported_denominator is not None


def test_it_reads_the_missing_data_rule_like_the_province_page(client, national, make_report):
    from bakohumas.evaluation.selectors import get_scope_for_user
    from bakohumas.reports.selectors import get_region_period_for_user

    make_report("3571", "2025Q2")
    client.force_login(national)
    url = reverse("evaluation:national", args=["2025Q2"])
    assert client.get(url, {"aturan": "count_as_not_met"}).context["rule"] == "count_as_not_met"
    assert client.get(url, {"aturan": "tebak"}).context["rule"] == "carry_forward"
    assert get_scope_for_user is get_region_period_for_user  # one scope rule for evaluation and reports
