"""Section 3 of the contract: scope, not updated, both missing-data rules, lateness, ratios."""

import datetime as dt

import pytest

from bakohumas.evaluation.engine import COUNT_AS_NOT_MET, EvaluationError, evaluate
from bakohumas.offices.models import Office
from bakohumas.reports.models import Submission
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db


def _share(result, code):
    return result.indicator(code)


def test_it_counts_every_kab_kota_of_the_province_as_the_denominator(make_report, jatim):
    make_report("3571", "2025Q2", wa_bakohumas_eksternal=1)
    result = evaluate(period=period_get_or_create("2025Q2"), region=jatim)
    assert result.expected == 38
    item = _share(result, "wa_bakohumas_eksternal")
    assert (item.numerator, item.denominator, item.percent, item.units) == (1, 38, 2.6, ["3571"])
    assert item.percent_of_reported == 100.0
    assert len(result.not_updated) == 37


def test_it_carries_forward_only_from_an_earlier_period(make_report, jatim):
    make_report("3571", "2025Q1", wa_media_center=1)
    make_report("3572", "2025Q3", wa_media_center=1)  # later: never used for Q2
    result = evaluate(period=period_get_or_create("2025Q2"), region=jatim)
    item = _share(result, "wa_media_center")
    assert item.units == ["3571"]
    assert [o.code for o in result.carried_forward] == ["3571"]
    assert "3571" in [o.code for o in result.not_updated] and "3572" in [o.code for o in result.not_updated]
    assert result.as_json()["units"]["reported"] == 0


def test_it_uses_the_most_recent_earlier_report(make_report, jatim):
    make_report("3571", "2024Q4", kerja_sama_media=3)
    make_report("3571", "2025Q1", kerja_sama_media=0)
    result = evaluate(period=period_get_or_create("2025Q2"), region=jatim)
    assert _share(result, "kerja_sama_media").units == []
    assert result.offices[[o.code for o in result.offices].index("3571")].carried_forward_from == "2025Q1"


def test_an_office_without_any_report_meets_nothing_and_adds_nothing(make_report, jatim):
    make_report("3571", "2025Q2", permohonan_informasi=10, permohonan_tepat_waktu=7)
    result = evaluate(period=period_get_or_create("2025Q2"), region=jatim)
    ratio = result.indicator("ketepatan_layanan_informasi")
    assert (ratio.numerator, ratio.denominator, ratio.percent, ratio.units) == (7, 10, 70.0, None)


def test_count_as_not_met_ignores_earlier_reports(make_report, jatim):
    make_report("3571", "2025Q1", wa_media_center=1, permohonan_informasi=5, permohonan_tepat_waktu=5)
    result = evaluate(period=period_get_or_create("2025Q2"), region=jatim, missing_rule=COUNT_AS_NOT_MET)
    assert _share(result, "wa_media_center").numerator == 0
    assert result.indicator("ketepatan_layanan_informasi").denominator == 0
    assert result.as_json()["units"]["carried_forward"] == []


def test_deadline_day_is_on_time_and_the_day_after_is_late(make_report, jatim):
    make_report("3571", "2025Q2", reported_on=dt.date(2025, 7, 10))
    make_report("3572", "2025Q2", reported_on=dt.date(2025, 7, 11))
    result = evaluate(period=period_get_or_create("2025Q2"), region=jatim)
    assert result.as_json()["units"]["late"] == ["3572"]


def test_a_moved_deadline_changes_lateness(make_report, jatim):
    period = period_get_or_create("2025Q2")
    period.deadline = dt.date(2025, 7, 15)
    period.save()
    make_report("3572", "2025Q2", reported_on=dt.date(2025, 7, 11))
    assert evaluate(period=period, region=jatim).as_json()["units"]["late"] == []


def test_a_zero_denominator_ratio_has_no_percent(make_report, jatim):
    make_report("3571", "2025Q2", unggahan_medsos=0, unggahan_seremonial=0,
                permohonan_informasi=0, permohonan_tepat_waktu=0)
    data = evaluate(period=period_get_or_create("2025Q2"), region=jatim).as_json()
    ratios = {i["code"]: i for i in data["indicators"] if i["kind"] == "ratio"}
    assert ratios["porsi_seremonial"]["percent"] is None
    assert ratios["ketepatan_layanan_informasi"]["percent"] is None


def test_drafts_do_not_count_as_reports(make_report, jatim, kediri, operator):
    from bakohumas.reports.services import submission_start

    submission_start(office=kediri, period=period_get_or_create("2025Q2"), actor=operator)
    result = evaluate(period=period_get_or_create("2025Q2"), region=jatim)
    assert result.as_json()["units"]["reported"] == 0


def test_a_returned_report_still_counts_as_reported(make_report, jatim):
    make_report("3571", "2025Q2", status=Submission.Status.RETURNED, wa_bakohumas_eksternal=1)
    result = evaluate(period=period_get_or_create("2025Q2"), region=jatim)
    assert result.as_json()["units"]["reported"] == 1


def test_national_scope_covers_all_514_offices(make_report):
    make_report("3571", "2025Q2", wa_bakohumas_eksternal=1)
    make_report("1101", "2025Q2", wa_bakohumas_eksternal=1)
    data = evaluate(period=period_get_or_create("2025Q2")).as_json()
    assert data["region"] == {"code": "ID", "name": "Indonesia"}
    assert data["units"]["expected"] == 514
    wa = next(i for i in data["indicators"] if i["code"] == "wa_bakohumas_eksternal")
    assert wa["units"] == ["1101", "3571"]


def test_the_json_has_the_contract_keys(make_report, jatim):
    make_report("3571", "2025Q2")
    data = evaluate(period=period_get_or_create("2025Q2"), region=jatim).as_json()
    assert set(data) == {"region", "period", "missing_rule", "as_of", "units", "indicators", "findings"}
    assert data["as_of"] is None
    assert set(data["units"]) == {"expected", "reported", "not_updated", "carried_forward", "late"}
    assert [i["code"] for i in data["indicators"]] == [
        "wa_bakohumas_eksternal", "wa_media_center", "kerja_sama_media", "kerja_sama_pendidikan",
        "kerja_sama_pemerintah", "kerja_sama_non_pemerintah", "website_aktif", "podcast", "media_center",
        "kendala_sdm", "kendala_anggaran", "kendala_sarpras", "ketepatan_layanan_informasi", "porsi_seremonial"]
    assert data["units"]["not_updated"] == sorted(data["units"]["not_updated"])


def test_it_refuses_a_kab_kota_scope_and_an_unknown_rule(kediri):
    period = period_get_or_create("2025Q2")
    with pytest.raises(EvaluationError):
        evaluate(period=period, region=kediri)
    with pytest.raises(EvaluationError):
        evaluate(period=period, missing_rule="guess")


def test_the_query_count_does_not_grow_with_offices(make_report, jatim, django_assert_max_num_queries):
    for code in ("3571", "3572", "1101", "3301"):
        make_report(code, "2025Q1")
        make_report(code, "2025Q2")
    period = period_get_or_create("2025Q2")
    # 4, + the offices absent from a Rakor of the quarter (findings, bakohumas.meetings)
    with django_assert_max_num_queries(5):
        evaluate(period=period, region=jatim)
    with django_assert_max_num_queries(5):
        evaluate(period=period)
    assert Office.objects.regencies().count() == 514
