"""The evaluator edits the recommendations, adds a note and the Rakor's date before the documents are
made; the same text is on the page and in all four formats. And the page's "keadaan per tanggal"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from bakohumas.audit.models import AuditEntry
from bakohumas.evaluation.documents import render_document
from bakohumas.evaluation.models import EvaluationEdit
from bakohumas.evaluation.services import clean_recommendations, evaluation_edit_save
from bakohumas.offices.models import Office
from bakohumas.reports.models import Period

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(make_report):
    make_report("3571", "2025Q2", reported_on=dt.date(2025, 7, 8))
    make_report("3572", "2025Q2", reported_on=dt.date(2025, 7, 21))  # after the Rakor
    make_report("3572", "2025Q1", reported_on=dt.date(2025, 4, 8))


def _page(client, **query) -> str:
    return client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"]), query).content.decode()


def test_the_page_shows_the_generated_recommendations_naming_offices(client, evaluator, reports):
    client.force_login(evaluator)
    html = _page(client)
    assert 'id="rekomendasi"' in html and "PPID yang responsif:" in html and "KPU Kota Kediri" in html
    assert 'name="recommendations"' in html  # the evaluator may edit


def test_the_evaluator_edits_reorders_drops_and_adds(client, evaluator, reports):
    client.force_login(evaluator)
    response = client.post(reverse("evaluation:edit", args=["35", "2025Q2"]), {
        "recommendations": "2. Kedua jadi pertama.\n\n1. Pertama jadi kedua.\n- Saran baru dari evaluator.",
        "note": "Dibahas bersama Ketua Divisi.", "meeting_date": "2025-07-17", "aturan": "carry_forward"})
    assert response.status_code == 302 and response.url.endswith("#rekomendasi")
    edit = EvaluationEdit.objects.get(region__code="35", period__code="2025Q2")
    assert edit.recommendations == ["Kedua jadi pertama.", "Pertama jadi kedua.", "Saran baru dari evaluator."]
    assert edit.meeting_date == dt.date(2025, 7, 17) and edit.updated_by == evaluator
    entry = AuditEntry.objects.get(action="evaluation.edit.save")
    assert entry.data["changed"] == ["meeting_date", "note", "recommendations"]
    html = _page(client)
    assert html.index("Kedua jadi pertama.") < html.index("Pertama jadi kedua.") < html.index("Saran baru")
    assert "Dibahas bersama Ketua Divisi." in html and "17 Juli 2025" in html


def test_the_same_text_goes_into_all_four_documents(evaluator, reports):
    region, period = Office.objects.get(code="35"), Period.objects.get(code="2025Q2")
    evaluation_edit_save(region=region, period=period, actor=evaluator, recommendations=["Saran satu-satunya."],
                         note="Catatan untuk rakor.", meeting_date=dt.date(2025, 7, 17))
    from bakohumas.evaluation.tests.test_document_text import document_text

    for fmt in ("pdf", "docx", "pptx", "xlsx"):
        content, _name, _type = render_document(fmt, region=region, period=period)
        text = document_text(fmt, content)
        assert "Saran satu-satunya." in text, fmt
        assert "Catatan untuk rakor." in text, fmt
        assert "Rakor: 17 Juli 2025" in text, fmt
        assert "PPID yang responsif" not in text, fmt  # the generated list is replaced


def test_reset_goes_back_to_the_generated_list(evaluator, reports):
    region, period = Office.objects.get(code="35"), Period.objects.get(code="2025Q2")
    evaluation_edit_save(region=region, period=period, actor=evaluator, recommendations=[])
    evaluation_edit_save(region=region, period=period, actor=evaluator, recommendations=None)
    assert EvaluationEdit.objects.get().recommendations is None
    from bakohumas.evaluation.report import build_report

    assert any(line.startswith("PPID yang responsif") for line in build_report(region, period).recommendations)


def test_only_the_provinces_evaluators_and_kpu_ri_edit(evaluator, outsider, national, pimpinan, reports):
    region, period = Office.objects.get(code="35"), Period.objects.get(code="2025Q2")
    for user in (outsider, pimpinan):
        with pytest.raises(PermissionDenied):
            evaluation_edit_save(region=region, period=period, actor=user, recommendations=["x"])
    evaluation_edit_save(region=region, period=period, actor=national, recommendations=["x"])
    evaluation_edit_save(region=Office.objects.get(code="ID"), period=period, actor=national, recommendations=["y"])
    assert EvaluationEdit.objects.count() == 2


def test_a_bad_meeting_date_is_refused_at_the_field(client, evaluator, reports):
    client.force_login(evaluator)
    response = client.post(reverse("evaluation:edit", args=["35", "2025Q2"]),
                           {"recommendations": "x", "meeting_date": "17/07/2025"})
    assert response.status_code == 400
    assert "Tanggal tidak valid" in response.content.decode()
    assert not EvaluationEdit.objects.exists()


def test_clean_recommendations_drops_blank_lines_and_typed_numbers():
    assert clean_recommendations(" 1) Satu.\n\n• Dua.\n3.Tiga tetap utuh.") == ["Satu.", "Dua.", "3.Tiga tetap utuh."]


def test_the_page_shows_the_evaluation_as_it_stood_on_a_day(client, evaluator, reports):
    client.force_login(evaluator)
    now = client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"]))
    assert len(now.context["result"].reported) == 2
    then = client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"]), {"per": "2025-07-17"})
    assert len(then.context["result"].reported) == 1
    html = then.content.decode()
    assert "keadaan per 17 Juli 2025" in html and 'name="per" value="2025-07-17"' in html


def test_a_bad_day_on_the_page_is_explained_at_the_field(client, evaluator, reports):
    client.force_login(evaluator)
    response = client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"]), {"per": "2025-02-30"})
    assert response.status_code == 200 and len(response.context["result"].reported) == 2
    assert "Tanggal tidak valid" in response.content.decode()


def test_a_document_asked_from_the_page_keeps_the_day(client, evaluator, reports, django_capture_on_commit_callbacks):
    from bakohumas.jobs.models import Job

    client.force_login(evaluator)
    url = reverse("evaluation:request_document", args=["35", "2025Q2"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"format": "docx", "per": "2025-07-17"})
    job = Job.objects.get(requested_by=evaluator)
    assert job.params["as_of"] == "2025-07-17"
    assert client.post(url, {"format": "docx", "per": "kemarin"}).status_code == 400


def test_most_values_carried_forward_are_said_plainly(client, evaluator, make_report):
    make_report("3571", "2025Q1")
    make_report("3572", "2025Q1")
    make_report("3573", "2025Q1")
    make_report("3571", "2025Q2")
    client.force_login(evaluator)
    html = _page(client)
    assert "Perhatian: 2 dari 3 KPU Kabupaten/Kota yang dievaluasi belum memperbarui laporan" in html
    region, period = Office.objects.get(code="35"), Period.objects.get(code="2025Q2")
    from bakohumas.evaluation.tests.test_document_text import document_text

    for fmt in ("pdf", "docx", "pptx", "xlsx"):
        content, _name, _type = render_document(fmt, region=region, period=period)
        assert "Perhatian: 2 dari 3" in document_text(fmt, content), fmt
