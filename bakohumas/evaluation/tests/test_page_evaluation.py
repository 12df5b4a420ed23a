"""The evaluation page per scope: completeness with links, the indicator chart, findings, the
change from the previous quarter, the constraints by theme; a bounded number of queries."""

import datetime as dt
import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from bakohumas.evaluation.documents import render_document

from bakohumas.offices.models import Office

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(make_report):
    make_report("3571", "2025Q1", wa_bakohumas_eksternal=0)
    make_report("3573", "2025Q1")
    kediri = make_report("3571", "2025Q2", wa_bakohumas_eksternal=1, uraian_kendala="Koneksi internet sering putus.")
    blitar = make_report("3572", "2025Q2", reported_on=dt.date(2025, 7, 14), wa_bakohumas_eksternal=0)
    return kediri, blitar


def test_it_names_late_and_missing_offices_with_links(client, evaluator, reports):
    _kediri, blitar = reports
    client.force_login(evaluator)
    html = client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"])).content.decode()
    assert f'href="{reverse("reports:detail", args=[blitar.id])}">KPU Kota Blitar</a>' in html
    assert f'href="{reverse("offices:detail", args=["3573"])}">KPU Kota Malang</a>' in html
    assert "dievaluasi dengan laporan Triwulan I 2025" in html


def test_it_shows_the_change_from_the_previous_quarter_and_the_constraints(client, evaluator, reports):
    client.force_login(evaluator)
    html = client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"])).content.decode()
    assert "Perubahan dari Triwulan I 2025" in html
    assert "naik dari 1 (2,6%) menjadi 2 dari 38 (5,3%)" in html
    assert "Jaringan/internet" in html and "Koneksi internet sering putus." in html
    assert "<svg" in html and 'width="15.9"' in html  # 2 of 38 = 5.3 % of the chart's 300-px scale
    assert "Hanya 2 dari 38 KPU Kabupaten/Kota" in html


def test_in_english_the_page_speaks_english_and_the_documents_stay_indonesian(client, evaluator, reports):
    client.force_login(evaluator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"])).content.decode()
    assert "up from 1 (2,6%) to 2 of 38 (5,3%)" in html and "Network/internet" in html
    with translation.override("en"):
        content, _name, _type = render_document("xlsx", region="35", period="2025Q2", missing_rule="carry_forward")
    cells = [str(c.value) for sheet in load_workbook(io.BytesIO(content)) for row in sheet.iter_rows() for c in row]
    assert any("Jaringan/internet" in c for c in cells) and not any("Network/internet" in c for c in cells)


def test_it_says_so_when_there_is_no_previous_quarter(client, evaluator, make_report):
    make_report("3571", "2025Q2")
    client.force_login(evaluator)
    html = client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"])).content.decode()
    assert "Belum ada data Triwulan I 2025 untuk dibandingkan" in html


def test_it_offers_the_four_documents(client, evaluator, reports):
    client.force_login(evaluator)
    html = client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"])).content.decode()
    for fmt in ("pdf", "docx", "pptx", "xlsx"):
        assert f'name="format" value="{fmt}"' in html


def test_the_national_page_has_a_bounded_number_of_queries(client, national, reports,
                                                          django_assert_max_num_queries):
    client.force_login(national)
    with django_assert_max_num_queries(33):  # + the 2FA device; + the Rakor absences (findings); + the edits and the recommendations (about 12)
        response = client.get(reverse("evaluation:evaluation", args=[Office.NATIONAL_CODE, "2025Q2"]))
    assert response.status_code == 200
    assert response.context["summary"].scope_title == "KPU RI — Nasional"


def test_a_document_is_made_by_a_background_job_and_downloaded(client, evaluator, reports,
                                                               django_capture_on_commit_callbacks):
    from bakohumas.jobs.models import Job

    client.force_login(evaluator)
    url = reverse("evaluation:request_document", args=["35", "2025Q2"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"format": "xlsx", "aturan": "count_as_not_met"})
    job = Job.objects.get(requested_by=evaluator)
    assert response.status_code == 302 and response.url == reverse("jobs:detail", args=[job.id])
    assert job.params == {"region": "35", "period": "2025Q2", "missing_rule": "count_as_not_met", "format": "xlsx",
                          "as_of": None}
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.title == "Evaluasi Jawa Timur Triwulan II 2025 (Excel)"
    download = client.get(reverse("jobs:download", args=[job.id]))
    assert download["Content-Disposition"] == 'attachment; filename="evaluasi-bakohumas-35-2025Q2.xlsx"'
    assert b"".join(download.streaming_content)[:2] == b"PK"
    assert client.post(url, {"format": "odt"}).status_code == 400
