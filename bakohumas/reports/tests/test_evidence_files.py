"""Evidence files are served by a scoped view (nothing serves MEDIA_URL in production): the province
reviewing an office's report opens them, another province gets 404, anonymous users the login page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bakohumas.reports.services import period_get_or_create, submission_start
from bakohumas.reports.tests.test_workflow import _post_data

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CODE = "kerja_sama_media"


@pytest.fixture
def draft_with_evidence(client, kediri, operator):
    """A draft whose operator attached a PDF named `laporan.pdf.html` to one answer, through the page."""
    draft = submission_start(office=kediri, period=period_get_or_create("2025Q3"), actor=operator)
    client.force_login(operator)
    upload = SimpleUploadedFile("laporan.pdf.html", PDF, content_type="text/html")
    response = client.post(reverse("reports:detail", args=[draft.id]),
                           {**_post_data(draft), f"{CODE}__bukti_berkas": upload})
    assert response.status_code == 302
    client.logout()
    return draft


def _url(submission) -> str:
    return reverse("reports:evidence", args=[submission.id, CODE])


def test_it_stores_evidence_under_a_random_name_with_the_extension_of_its_bytes(draft_with_evidence):
    name = draft_with_evidence.values.get(code=CODE).evidence_file.name
    assert name.endswith(".pdf") and "laporan" not in name and ".html" not in name


def test_it_lets_the_province_evaluator_open_an_offices_evidence(client, evaluator, draft_with_evidence):
    client.force_login(evaluator)
    response = client.get(_url(draft_with_evidence))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")
    assert 'filename="bukti-3571-2025Q3-kerja_sama_media.pdf"' in response["Content-Disposition"]


def test_it_links_the_evidence_through_the_scoped_view(client, evaluator, draft_with_evidence):
    client.force_login(evaluator)
    page = client.get(reverse("reports:detail", args=[draft_with_evidence.id])).content.decode()
    assert _url(draft_with_evidence) in page and "/media/" not in page


def test_it_hides_the_evidence_from_another_province(client, outsider, draft_with_evidence):
    client.force_login(outsider)
    assert client.get(_url(draft_with_evidence)).status_code == 404


def test_it_sends_anonymous_users_to_login(client, draft_with_evidence):
    response = client.get(_url(draft_with_evidence))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_it_answers_404_for_an_answer_without_a_file(client, evaluator, draft_with_evidence):
    client.force_login(evaluator)
    assert client.get(reverse("reports:evidence", args=[draft_with_evidence.id, "berita_website"])).status_code == 404
