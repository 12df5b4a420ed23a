"""The demo data reproduce the figures of the East Java Rakor Bakohumas (17 July 2025)."""

import pytest

from bakohumas.demo.data import demo_load
from bakohumas.evaluation.engine import evaluate
from bakohumas.offices.models import Office
from bakohumas.reports.models import Period, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def q2():
    demo_load()
    return evaluate(period=Period.objects.get(code="2025Q2"), region=Office.objects.get(code="35")).as_json()


def test_it_reproduces_the_meeting_figures(q2):
    units = q2["units"]
    assert units["expected"] == 38
    assert units["reported"] == 36
    assert len(units["not_updated"]) == 2
    figures = {i["code"]: (i["numerator"], i["percent"]) for i in q2["indicators"]}
    assert figures["wa_bakohumas_eksternal"][0] == 4
    assert figures["wa_media_center"] == (0, 0.0)
    assert figures["kerja_sama_media"] == (5, 13.2)
    assert figures["kerja_sama_pendidikan"] == (14, 36.8)
    assert figures["kerja_sama_pemerintah"] == (31, 81.6)
    assert figures["kerja_sama_non_pemerintah"] == (19, 50.0)
    for constraint in ("kendala_sdm", "kendala_anggaran", "kendala_sarpras"):
        assert figures[constraint][0] > 0


def test_its_findings_read_like_the_rakor(q2):
    findings = q2["findings"]
    assert "Hanya 4 dari 38 KPU Kabupaten/Kota yang telah memanfaatkan grup WhatsApp Bakohumas eksternal." in findings
    assert "Belum ada satu pun KPU Kabupaten/Kota yang mengaktifkan grup WhatsApp Media Center." in findings
    assert any(f.startswith("Dua KPU Kabupaten/Kota") and ("belum memperbarui" in f or "belum pernah" in f)
               for f in findings)
    partnership = next(f for f in findings if f.startswith("Kerja sama"))
    for share in ("(13%)", "(37%)", "(82%)", "(50%)"):
        assert share in partnership


def test_loading_the_demo_twice_changes_nothing():
    demo_load()
    before = (Submission.objects.count(), Submission.objects.filter(status="verified").count())
    demo_load()
    assert (Submission.objects.count(), Submission.objects.filter(status="verified").count()) == before
