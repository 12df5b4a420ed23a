"""Recommendations follow from what an office does not meet, row by row of the rules table."""

from __future__ import annotations

import pytest

from bakohumas.evaluation.recommendations import (
    RULES,
    office_recommendations,
    rules_table,
    scope_recommendations,
)

# An office that meets everything: no advice at all.
GOOD = {
    "wa_bakohumas_eksternal": 1, "wa_media_center": 1, "kerja_sama_media": 2, "kerja_sama_pendidikan": 1,
    "kerja_sama_pemerintah": 1, "kerja_sama_non_pemerintah": 1, "berita_website": 12, "unggahan_medsos": 40,
    "unggahan_seremonial": 8, "episode_podcast": 2, "media_center_aktif": 1, "permohonan_informasi": 3,
    "permohonan_tepat_waktu": 3, "kegiatan_non_anggaran": 1, "kendala_sdm": 0, "kendala_anggaran": 0,
    "kendala_sarpras": 0, "dokumen_perpustakaan": 4, "pengajuan_isbn": 1, "siaran_langsung": 0,
}


def _codes(values: dict, late: bool = False) -> set[str]:
    return {r.code for r in office_recommendations(values={**GOOD, **values}, late=late)}


def test_it_gives_no_advice_to_an_office_that_meets_everything():
    assert office_recommendations(values=GOOD, late=False) == []


@pytest.mark.parametrize(("change", "late", "expected"), [
    ({"episode_podcast": 0}, False, {"podcast"}),
    ({"wa_media_center": 0}, False, {"wa_media_center"}),
    ({"wa_bakohumas_eksternal": 0}, False, {"wa_bakohumas_eksternal"}),
    ({"kerja_sama_media": 0}, False, {"kerja_sama_media"}),
    ({"berita_website": 0}, False, {"website_aktif"}),
    ({"media_center_aktif": 0}, False, {"media_center"}),
    ({"unggahan_seremonial": 30}, False, {"porsi_seremonial"}),  # 30 of 40 posts are ceremonial
    ({"unggahan_seremonial": 20}, False, set()),  # exactly half: still fine
    ({"unggahan_medsos": 0, "unggahan_seremonial": 0}, False, set()),  # no posts: no ratio, no advice
    ({"permohonan_tepat_waktu": 2}, False, {"layanan_informasi"}),
    ({}, True, {"laporan_terlambat", "evaluasi_internal"}),
    ({"kendala_sdm": 1}, False, {"evaluasi_internal"}),
    ({"kendala_anggaran": 1}, False, {"non_anggaran"}),
    ({"kerja_sama_pendidikan": 0, "kerja_sama_pemerintah": 0}, False, {"kolaborasi_pemangku"}),
    ({"kerja_sama_media": 0, "kerja_sama_pendidikan": 0, "kerja_sama_pemerintah": 0, "kerja_sama_non_pemerintah": 0,
      "wa_bakohumas_eksternal": 0}, False,
     {"kerja_sama_media", "wa_bakohumas_eksternal", "kolaborasi_pemangku", "ketua_sebelumnya"}),
    ({"berita_website": 0, "episode_podcast": 0, "wa_media_center": 0}, False,
     {"website_aktif", "podcast", "wa_media_center", "evaluasi_internal"}),
    # The Rakor's advice on the records beside the report (evaluation/signals.py).
    ({"sop_terlambat": 2}, False, {"dokumentasi_sop"}),
    ({"media_tidak_layak": 1}, False, {"dokumentasi_sop"}),
    ({"dokumen_perpustakaan": 0}, False, {"perpustakaan_isbn"}),
    ({"pengajuan_isbn": 0}, False, {"perpustakaan_isbn"}),
    ({"website_hari_tanpa_berita": 45}, False, {"website_terbaru"}),
    ({"website_hari_tanpa_berita": 30}, False, set()),  # within a month: still fresh
    ({"akun_terisolasi": 1}, False, {"interaksi_akun"}),
    ({"akun_terisolasi": 0}, False, set()),
    ({"siaran_langsung": 3}, False, {"etika_siaran"}),
])
def test_it_advises_on_each_unmet_indicator(change, late, expected):
    assert _codes(change, late) == expected


def test_every_rule_of_the_table_is_exercised_above():
    # If someone adds a rule, they add a row to the table-driven test too.
    exercised = {"podcast", "wa_media_center", "wa_bakohumas_eksternal", "kerja_sama_media", "website_aktif",
                 "media_center", "porsi_seremonial", "layanan_informasi", "laporan_terlambat", "evaluasi_internal",
                 "non_anggaran", "kolaborasi_pemangku", "ketua_sebelumnya", "dokumentasi_sop", "perpustakaan_isbn",
                 "website_terbaru", "interaksi_akun", "etika_siaran"}
    assert {r.code for r in RULES} == exercised


def test_missing_values_count_as_not_met():
    codes = {r.code for r in office_recommendations(values={}, late=False)}
    assert {"podcast", "wa_media_center", "kerja_sama_media", "ketua_sebelumnya"} <= codes


def test_specific_advice_comes_before_the_rakor_general_advice():
    advice = office_recommendations(values={**GOOD, "episode_podcast": 0, "kendala_anggaran": 1}, late=False)
    assert [r.code for r in advice] == ["podcast", "non_anggaran"]
    assert advice[0].indicator == "podcast"
    assert "podcast" in advice[0].text.lower()


def test_a_late_report_names_whom_to_contact():
    advice = office_recommendations(values=GOOD, late=True, contact="Budi (0812 3456 7890)")
    late = next(r for r in advice if r.code == "laporan_terlambat")
    assert "Budi (0812 3456 7890)" in late.text and "{contact}" not in late.text


def test_an_office_without_a_report_is_asked_for_it():
    advice = office_recommendations(values={}, late=True, reported=False, contact="evaluator Jawa Timur")
    assert [r.code for r in advice] == ["belum_melapor", "evaluasi_internal"]
    assert "evaluator Jawa Timur" in advice[0].text


def test_the_rules_table_describes_each_condition():
    rows = {code: condition for code, _indicator, condition, _text in rules_table()}
    assert rows["podcast"] == "episode_podcast < 1"
    assert rows["porsi_seremonial"] == "unggahan_seremonial / unggahan_medsos > 50%"


@pytest.mark.django_db
def test_scope_advice_starts_with_the_rakor_themes_the_figures_call_for(make_report):
    from bakohumas.evaluation.engine import evaluate
    from bakohumas.offices.models import Office

    # Three offices report (FULL_VALUES: no podcast, a request answered late); the rest never did.
    make_report("3571", "2025Q2")
    make_report("3572", "2025Q2")
    result = evaluate(period=make_report("3573", "2025Q2").period, region=Office.objects.get(code="35"))
    lines = scope_recommendations(result)
    ppid = next(line for line in lines if line.startswith("PPID yang responsif:"))
    assert "3 dari 3 KPU Kabupaten/Kota yang dievaluasi" in ppid
    assert "KPU Kota Kediri, KPU Kota Blitar, dan KPU Kota Malang" in ppid  # the offices are named
    assert any(line.startswith("Podcast dan Media Center:") for line in lines)
    assert not any(line.startswith("Podcast:") for line in lines)  # the theme covers the indicator
    assert any("Grup WA Media Center: 0 dari 38 kantor (0%)." in line for line in lines)  # weak, no theme
    missing = next(line for line in lines if "belum pernah melapor" in line)
    assert "35 belum pernah melapor" in missing and "belum memperbarui" not in missing
    assert any("non-budgeting" in line for line in lines)  # the Rakor's general advice closes the list


@pytest.mark.django_db
def test_a_theme_names_many_offices_by_count_and_the_appendix(make_report):
    from bakohumas.evaluation.engine import evaluate
    from bakohumas.evaluation.recommendations import NAMES_LIMIT
    from bakohumas.offices.models import Office

    codes = list(Office.objects.filter(parent__code="35").order_by("code").values_list("code", flat=True))
    for code in codes[:NAMES_LIMIT + 1]:
        make_report(code, "2025Q2")
    result = evaluate(period=make_report(codes[0], "2025Q2").period, region=Office.objects.get(code="35"))
    ppid = next(line for line in scope_recommendations(result) if line.startswith("PPID yang responsif:"))
    assert ppid.endswith(f"Kantor: {NAMES_LIMIT + 1} kantor (lihat lampiran).")


@pytest.mark.django_db
def test_the_themes_read_the_records_beside_the_report(make_report):
    from bakohumas.evaluation.engine import evaluate
    from bakohumas.evaluation.recommendations import theme_lines
    from bakohumas.offices.models import Office

    make_report("3571", "2025Q2")
    result = evaluate(period=make_report("3572", "2025Q2").period, region=Office.objects.get(code="35"))
    values = {"3571": {"sop_terlambat": 3, "akun_terisolasi": 1, "siaran_langsung": 2}, "3572": {}}
    lines = theme_lines(result, values)
    documentation = next(line for line in lines if line.startswith("Dokumentasi sesuai SOP"))
    assert documentation.endswith("Kantor: KPU Kota Kediri.")
    assert any(line.startswith("Interaksi antarakun KPU: 1 dari 2") for line in lines)
    assert any(line.startswith("Etika siaran langsung: 1 dari 2") for line in lines)


def test_the_documentation_lists_every_rule():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "followup.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"| `{rule.code}` |" in doc, rule.code
        assert str(rule.text) in doc, rule.code
