"""The narrative for ordinary and edge cases: 0 of N, N of N, one office, zero denominators."""

import pytest

from bakohumas.evaluation.engine import evaluate
from bakohumas.offices.models import Office
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db


def _findings(region_code="35", period="2025Q2"):
    region = Office.objects.get(code=region_code)
    return evaluate(period=period_get_or_create(period), region=region).findings


def test_it_says_nobody_has_reported(jatim):
    findings = _findings()
    assert findings[0] == "Belum ada satu pun KPU Kabupaten/Kota yang menyampaikan laporan Triwulan II 2025."
    assert "Belum ada satu pun KPU Kabupaten/Kota yang mengaktifkan grup WhatsApp Media Center." in findings
    assert "Tidak ada permohonan informasi publik yang dilaporkan pada periode ini." in findings


def test_it_says_all_when_every_office_meets_an_indicator(make_report):
    # Kalimantan Utara (65) has 5 kab/kota: all of them report and meet the indicator.
    for office in Office.objects.filter(parent__code="65"):
        make_report(office.code, "2025Q2", wa_bakohumas_eksternal=1)
    findings = _findings("65")
    assert findings[0] == "Seluruh 5 KPU Kabupaten/Kota telah menyampaikan laporan Triwulan II 2025."
    assert "Seluruh 5 KPU Kabupaten/Kota telah memanfaatkan grup WhatsApp Bakohumas eksternal." in findings
    assert not any("belum memperbarui" in f for f in findings)


def test_it_names_offices_that_have_not_updated_and_late_ones(make_report):
    import datetime as dt

    make_report("3571", "2025Q2", reported_on=dt.date(2025, 7, 20))
    findings = _findings()
    assert "Sebanyak 1 dari 38 KPU Kabupaten/Kota telah menyampaikan laporan Triwulan II 2025." in findings
    assert "Satu laporan disampaikan melewati batas waktu 10 Juli 2025." in findings
    assert "37 KPU Kabupaten/Kota belum pernah melapor sama sekali: 37 kantor (lihat lampiran)." in findings
    assert not any("belum memperbarui" in line for line in findings)  # none reported before


def test_majority_reads_with_whole_percent(make_report):
    offices = list(Office.objects.filter(parent__code="65"))
    for office in offices[:3]:
        make_report(office.code, "2025Q2", episode_podcast=2)
    for office in offices[3:]:
        make_report(office.code, "2025Q2", episode_podcast=0)
    assert "Sebanyak 3 dari 5 KPU Kabupaten/Kota (60%) telah menayangkan podcast." in _findings("65")


def test_ratio_sentences(make_report):
    make_report("3571", "2025Q2", permohonan_informasi=8, permohonan_tepat_waktu=8,
                unggahan_medsos=40, unggahan_seremonial=10)
    findings = _findings()
    assert "Seluruh 8 permohonan informasi publik dijawab dalam batas waktu." in findings
    assert ("Sebanyak 25% unggahan media sosial (10 dari 40) berupa ucapan seremonial, bukan informasi publik."
            in findings)


def test_constraints_are_summarised_most_common_first(make_report):
    make_report("3571", "2025Q2", kendala_sdm=1, kendala_anggaran=1, kendala_sarpras=0)
    make_report("3572", "2025Q2", kendala_sdm=0, kendala_anggaran=1, kendala_sarpras=0)
    sentence = next(f for f in _findings() if f.startswith("Kendala"))
    assert sentence == "Kendala yang disampaikan: anggaran (2 dari 38, 5%) dan SDM (1 dari 38, 3%)."
