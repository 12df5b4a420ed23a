"""The requester's power of attorney (personal data) is stored under a random name with the
extension of its bytes and downloaded only by the receiving office's PPID staff."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bakohumas.access_testing import foreign_operator
from bakohumas.ppid.models import InformationRequest
from bakohumas.ppid.tests.test_public import PDF, URL, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def web_request(client, kediri) -> InformationRequest:
    """A request from the public form whose power of attorney is a PDF named `kuasa.pdf.html`."""
    upload = SimpleUploadedFile("kuasa.pdf.html", PDF, content_type="text/html")
    assert client.post(URL, {**form_data(), "power_of_attorney": upload}).status_code == 302
    return InformationRequest.objects.get()


def _url(request: InformationRequest) -> str:
    return reverse("ppid:power_of_attorney", args=[request.id])


def test_it_stores_the_power_of_attorney_under_a_random_name_with_the_extension_of_its_bytes(web_request):
    name = web_request.power_of_attorney.name
    assert name.endswith(".pdf") and "kuasa" not in name.rsplit("/", 1)[-1]


@pytest.mark.parametrize("role", ["operator", "ketua"])
def test_it_lets_the_offices_ppid_staff_download_it(client, users, web_request, role):
    client.force_login(users[role])
    response = client.get(_url(web_request))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    number = web_request.registration_number.replace("/", "-")
    assert response["Content-Disposition"] == f'attachment; filename="surat-kuasa-{number}.pdf"'
    assert "no-store" in response["Cache-Control"]
    page = client.get(reverse("ppid:request_detail", args=[web_request.id])).content.decode()
    assert _url(web_request) in page


@pytest.mark.parametrize("role", ["pimpinan", "evaluator", "national"])
def test_it_refuses_those_who_see_the_request_but_are_not_its_ppid_staff(client, users, web_request, role):
    client.force_login(users[role])
    assert client.get(_url(web_request)).status_code == 403
    assert _url(web_request) not in client.get(reverse("ppid:request_detail", args=[web_request.id])).content.decode()


def test_it_hides_it_from_other_offices_and_provinces(client, outsider, web_request):
    client.force_login(outsider)
    assert client.get(_url(web_request)).status_code == 404
    client.force_login(foreign_operator())
    assert client.get(_url(web_request)).status_code == 404


def test_it_sends_anonymous_users_to_login(client, web_request):
    response = client.get(_url(web_request))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_it_answers_404_when_there_is_no_power_of_attorney(client, operator, kediri):
    assert client.post(URL, form_data()).status_code == 302
    client.force_login(operator)
    assert client.get(_url(InformationRequest.objects.get())).status_code == 404
