"""The report object behind every document: change from the previous quarter (with its edge cases)
and the constraints summary grouped by theme."""

import pytest

from bakohumas.evaluation.engine import IndicatorResult, evaluate
from bakohumas.evaluation.report import IndicatorChange, build_report, build_summary, theme_of
from bakohumas.offices.models import Office
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db


def _item(numerator, denominator, polarity="positive", kind="share"):
    return IndicatorResult("x", "Indikator X", kind, polarity, "", "", "X", "X", numerator, denominator, None)


def test_it_says_up_with_both_figures():
    change = IndicatorChange(_item(4, 38), _item(3, 38))
    assert change.direction == "up" and change.improved is True
    assert change.text == "naik dari 3 (7,9%) menjadi 4 dari 38 (10,5%)"
    assert change.delta_points == 2.6


def test_it_calls_a_falling_constraint_an_improvement():
    change = IndicatorChange(_item(29, 38, "negative"), _item(31, 38, "negative"))
    assert change.direction == "down" and change.improved is True
    assert change.text.startswith("turun dari 31 (81,6%)")


def test_it_says_unchanged_for_the_same_figures_including_zero_of_n_and_n_of_n():
    assert IndicatorChange(_item(0, 38), _item(0, 38)).text == "tetap 0 dari 38 (0,0%)"
    assert IndicatorChange(_item(38, 38), _item(38, 38)).text == "tetap 38 dari 38 (100,0%)"
    assert IndicatorChange(_item(0, 38), _item(0, 38)).improved is None


def test_it_handles_a_zero_denominator_and_no_previous_quarter():
    zero = IndicatorChange(_item(0, 0, kind="ratio"), _item(3, 4, kind="ratio"))
    assert zero.direction == "none" and "tidak dapat dibandingkan" in zero.text and "0/0 (–)" in zero.text
    first = IndicatorChange(_item(1, 1), None)
    assert first.direction == "none" and first.text == "1 dari 1 (100,0%); belum ada data triwulan sebelumnya"


def test_it_finds_no_previous_quarter_when_none_was_reported(make_report):
    make_report("3571", "2025Q2")
    period_get_or_create("2025Q1")  # the period exists, but nobody reported in it
    summary = build_summary(evaluate(period=period_get_or_create("2025Q2"), region=Office.objects.get(code="35")))
    assert summary.previous is None and not summary.has_previous
    assert all(c.previous is None for c in summary.changes)


def test_it_compares_with_the_previous_quarter_of_the_same_scope(make_report):
    make_report("3571", "2025Q1", wa_bakohumas_eksternal=0)
    make_report("3571", "2025Q2", wa_bakohumas_eksternal=1)
    make_report("3301", "2025Q1", wa_bakohumas_eksternal=1)  # Central Java: not in scope
    summary = build_summary(evaluate(period=period_get_or_create("2025Q2"), region=Office.objects.get(code="35")))
    change = next(c for c in summary.changes if c.current.code == "wa_bakohumas_eksternal")
    assert change.text == "naik dari 0 (0,0%) menjadi 1 dari 38 (2,6%)"


@pytest.mark.parametrize(("sentence", "theme"), [
    ("Koneksi internet kantor sering terputus.", "jaringan"),
    ("Belum ada anggaran untuk pelatihan staf.", "anggaran"),  # the first theme that matches wins
    ("Ruang Media Center dipakai untuk gudang logistik.", "sarpras"),  # "dipakai" is not DIPA
    ("Jumlah staf humas terbatas.", "sdm"),
    ("Pimpinan belum memberi arahan.", "lainnya"),
])
def test_it_puts_each_sentence_in_a_transparent_theme(sentence, theme):
    assert theme_of(sentence) == theme


def test_it_groups_the_offices_own_words_by_theme(make_report):
    make_report("3571", "2025Q2", uraian_kendala="Staf terbatas. Koneksi internet lambat.")
    make_report("3572", "2025Q2", uraian_kendala="Staf terbatas.")
    make_report("3573", "2025Q2", uraian_kendala="=HYPERLINK(\"x\")", kendala_sdm=0)
    summary = build_summary(evaluate(period=period_get_or_create("2025Q2"), region=Office.objects.get(code="35")))
    themes = {t.code: t for t in summary.constraints.themes}
    assert themes["sdm"].office_count == 2
    assert themes["sdm"].quotes[0].text == "Staf terbatas." and themes["sdm"].quotes[0].offices == [
        "KPU Kota Kediri", "KPU Kota Blitar"]
    assert themes["jaringan"].quotes[0].offices == ["KPU Kota Kediri"]
    assert [t.code for t in summary.constraints.themes][-1] == "lainnya"
    assert [t.current.code for t in summary.constraints.types] == ["kendala_sdm", "kendala_anggaran", "kendala_sarpras"]


def test_the_report_holds_every_offices_values_and_the_provinces_for_the_nation(make_report):
    make_report("3571", "2025Q2", berita_website=17)
    report = build_report(None, period_get_or_create("2025Q2"))
    assert len(report.offices) == 514 and len(report.provinces) == 38
    kediri = next(r for r in report.offices if r.unit.code == "3571")
    assert kediri.values["berita_website"] == 17 and kediri.province == "Jawa Timur"
    assert kediri.status == "Tepat waktu" and "wa_bakohumas_eksternal" in kediri.met
    assert report.recommendations and report.scope_title == "KPU RI — Nasional"


def test_a_scope_of_one_office_reads_naturally():
    from bakohumas.evaluation.engine import EvaluationResult, OfficeUnit
    from bakohumas.evaluation.findings import write_findings

    share = IndicatorResult("podcast", "Memiliki podcast", "share", "positive", "", "menayangkan podcast", "Podcast",
                            "Podcast", 1, 1, ["3571"], reported_denominator=1)
    result = EvaluationResult("99", "Contoh", period_get_or_create("2025Q2"), "carry_forward",
                              [OfficeUnit("3571", "KPU Kota Kediri", submission_id=1, evaluated_period="2025Q2")],
                              [share])
    findings = write_findings(result)
    assert "Seluruh 1 KPU Kabupaten/Kota telah menyampaikan laporan Triwulan II 2025." in findings
    assert "Satu-satunya KPU Kabupaten/Kota dalam cakupan telah menayangkan podcast." in findings
    change = IndicatorChange(share, _item(0, 1))
    assert change.text == "naik dari 0 (0,0%) menjadi 1 dari 1 (100,0%)"
