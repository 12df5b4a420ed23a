"""The per-office scorecard: indicators met with values, trend, history, advice, follow-up."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from bakohumas.evaluation.scorecard import office_scorecard
from bakohumas.followup.services import action_create
from bakohumas.offices.models import Office, User
from bakohumas.reports.models import Period, Submission
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(make_report):
    make_report("3571", "2025Q1", episode_podcast=1, reported_on=dt.date(2025, 4, 20))  # late (deadline 10 April)
    make_report("3571", "2025Q2", status=Submission.Status.VERIFIED, reported_on=dt.date(2025, 7, 3))
    period_get_or_create("2024Q4")


def test_it_shows_which_indicators_the_office_meets_with_its_values(history, kediri):
    card = office_scorecard(office=kediri, period=Period.objects.get(code="2025Q2"), today=dt.date(2025, 8, 1))
    by_code = {s.indicator.code: s for s in card.indicators}
    assert (by_code["podcast"].value, by_code["podcast"].ok) == (0, False)
    assert (by_code["kerja_sama_pemerintah"].value, by_code["kerja_sama_pemerintah"].ok) == (2, True)
    assert by_code["kendala_sdm"].ok is False and by_code["kendala_sdm"].is_constraint  # has a constraint
    assert (by_code["porsi_seremonial"].numerator, by_code["porsi_seremonial"].denominator) == (5, 20)
    assert by_code["porsi_seremonial"].ok is True
    assert card.reported and not card.late


def test_it_shows_the_trend_and_the_history_of_the_last_quarters(history, kediri):
    card = office_scorecard(office=kediri, period=Period.objects.get(code="2025Q2"), today=dt.date(2025, 8, 1))
    assert [p.code for p in card.trend_periods] == ["2024Q4", "2025Q1", "2025Q2"]
    podcast = next(row for row in card.trend if row.indicator.code == "podcast")
    assert podcast.cells == [None, True, False]  # no report, podcast, no podcast
    assert [(h.period.code, h.reported, h.late) for h in card.history] == [
        ("2025Q2", True, False), ("2025Q1", True, True), ("2024Q4", False, False)]
    assert card.history[2].overdue


def test_its_advice_follows_from_what_the_office_does_not_meet(history, kediri, evaluator):
    evaluator.phone = "0812 1111 2222"
    evaluator.save()
    card = office_scorecard(office=kediri, period=Period.objects.get(code="2025Q1"), today=dt.date(2025, 8, 1))
    codes = [r.code for r in card.recommendations]
    assert "podcast" not in codes  # it had a podcast in Q1
    assert "wa_media_center" in codes and "laporan_terlambat" in codes
    late = next(r for r in card.recommendations if r.code == "laporan_terlambat")
    assert "Evaluator" in late.text and "0812 1111 2222" in late.text and "KPU Provinsi Jawa Timur" in late.text


def test_an_office_without_a_report_is_asked_for_it(kediri):
    period = period_get_or_create("2025Q3")
    card = office_scorecard(office=kediri, period=period, today=dt.date(2025, 10, 20))
    assert not card.reported and card.late
    assert [r.code for r in card.recommendations][0] == "belum_melapor"


def test_the_page_shows_everything_in_a_fixed_number_of_queries(client, history, kediri, operator, evaluator,
                                                               django_assert_max_num_queries):
    action_create(office=kediri, text="Mulai podcast bulanan.", due_period=period_get_or_create("2025Q3"),
                  actor=evaluator)
    client.force_login(operator)
    with django_assert_max_num_queries(14):  # + whether the user has a 2FA device, + the Rakor of the period
        response = client.get(reverse("evaluation:scorecard", args=["3571", "2025Q2"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rapor kehumasan KPU Kota Kediri" in html
    assert "Mulai podcast kantor" in html  # advice
    assert "Mulai podcast bulanan." in html  # the agreed follow-up
    assert "Terverifikasi" in html and "3 Juli 2025" in html  # history


def test_an_office_sees_only_its_own_scorecard(client, history, operator):
    blitar = User.objects.create_user(username="op.blitar", password="x", role="operator",
                                      office=Office.objects.get(code="3572"))
    client.force_login(blitar)
    assert client.get(reverse("evaluation:scorecard", args=["3571", "2025Q2"])).status_code == 404
    assert client.get(reverse("evaluation:scorecard", args=["3572", "2025Q2"])).status_code == 200
    client.force_login(operator)
    assert client.get(reverse("evaluation:scorecard", args=["3571", "2025Q2"])).status_code == 200


def test_a_province_has_no_scorecard(client, history, evaluator):
    client.force_login(evaluator)
    assert client.get(reverse("evaluation:scorecard", args=["35", "2025Q2"])).status_code == 404
    assert client.get(reverse("evaluation:scorecard", args=["3571", "2031Q1"])).status_code == 404


def test_the_latest_scorecard_link_opens_the_most_recent_report(client, history, operator):
    period_get_or_create("2025Q3")  # exists, but Kediri has no report for it yet
    client.force_login(operator)
    response = client.get(reverse("evaluation:scorecard_latest", args=["3571"]))
    assert response.status_code == 302 and response.url == reverse("evaluation:scorecard", args=["3571", "2025Q2"])


def test_it_judges_a_share_indicator_by_the_engines_rule():
    """An empty answer never meets a threshold, not even 0: the same rule the evaluation counts with."""
    from bakohumas.evaluation.engine import meets_threshold
    from bakohumas.evaluation.models import Indicator
    from bakohumas.evaluation.scorecard import indicator_status

    podcast = Indicator.objects.get(code="podcast")
    podcast.threshold = 0
    assert indicator_status(podcast, {}).ok is False and not meets_threshold(podcast, None)
    assert indicator_status(podcast, {"episode_podcast": 0}).ok is True and meets_threshold(podcast, 0)
    constraint = Indicator.objects.get(code="kendala_sdm")
    assert indicator_status(constraint, {}).ok is True  # no answer: no constraint reported


def test_the_trend_heading_says_how_many_quarters_it_shows(client, history, operator):
    client.force_login(operator)
    html = client.get(reverse("evaluation:scorecard", args=["3571", "2025Q2"])).content.decode()
    assert "Tren 3 triwulan terakhir" in html
