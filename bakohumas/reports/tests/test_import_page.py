"""The web upload previews what will change, and writes only after confirmation."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bakohumas.reports.csv_io import export_reports_csv
from bakohumas.reports.models import Submission

pytestmark = pytest.mark.django_db


def _upload(text: str, name: str = "laporan.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def csv_text(make_report, jatim):
    make_report("3571", "2025Q2", berita_website=4)
    make_report("3572", "2025Q2")
    text = export_reports_csv(region=jatim, period_code="2025Q2")
    Submission.objects.filter(office__code="3572").delete()
    return text


def test_preview_then_confirm(client, evaluator, csv_text):
    client.force_login(evaluator)
    response = client.post(reverse("reports:import"), {"file": _upload(csv_text)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pratinjau perubahan" in html and "1 laporan baru" in html
    assert not Submission.objects.filter(office__code="3572").exists()
    token = response.context["token"]
    response = client.post(reverse("reports:import_confirm"), {"token": token})
    assert response.status_code == 302
    assert Submission.objects.filter(office__code="3572").exists()


def test_errors_are_listed_and_nothing_is_written(client, evaluator, csv_text):
    client.force_login(evaluator)
    bad = csv_text.replace("3572,2025Q2,", "3572,2025Q7,")
    response = client.post(reverse("reports:import"), {"file": _upload(bad)})
    assert response.status_code == 400
    assert "tidak ada data yang disimpan" in response.content.decode()
    assert not Submission.objects.filter(office__code="3572").exists()


def test_an_office_may_not_import_for_another_office(client, operator, csv_text):
    client.force_login(operator)
    response = client.post(reverse("reports:import"), {"file": _upload(csv_text)})
    assert response.status_code == 400
    assert "tidak berwenang" in response.content.decode()


def test_a_binary_file_is_refused(client, evaluator):
    client.force_login(evaluator)
    response = client.post(reverse("reports:import"), {"file": _upload("\x00\x01PK binary")})
    assert response.status_code == 400
    assert "bukan CSV" in response.content.decode()


def test_a_stale_preview_is_not_applied(client, evaluator, csv_text):
    client.force_login(evaluator)
    client.post(reverse("reports:import"), {"file": _upload(csv_text)})
    response = client.post(reverse("reports:import_confirm"), {"token": "salah"})
    assert response.status_code == 302
    assert not Submission.objects.filter(office__code="3572").exists()
