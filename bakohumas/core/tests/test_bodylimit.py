"""The request-body cap (core/bodylimit.py): refused from Content-Length with 413 before a byte of
the body is read; small without a session, larger when signed in; chunked bodies refused."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from bakohumas.ppid.models import InformationRequest

pytestmark = pytest.mark.django_db
MB = 1024 * 1024
PPID_FORM = reverse("ppid:public_request", args=["3571"])


class Untouchable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, size=-1):
        raise AssertionError("the body was read")

    readline = read


def _post_declaring(client, url: str, length: int, **extra):
    return client.generic("POST", url, b"", content_type="multipart/form-data; boundary=x",
                          CONTENT_LENGTH=str(length), **{"wsgi.input": Untouchable()}, **extra)


def test_it_refuses_a_300_mb_anonymous_upload_without_reading_it(client):
    response = _post_declaring(client, PPID_FORM, 300 * MB)
    html = response.content.decode()
    assert response.status_code == 413
    assert "Kiriman terlalu besar (300,0\xa0MB; paling banyak 5,0\xa0MB)" in html and "<h1>" in html
    assert not InformationRequest.objects.exists()


def test_it_answers_json_to_a_caller_that_asks_for_json(client):
    response = _post_declaring(client, "/api/v1/periods", 300 * MB)
    assert response.status_code == 413 and "terlalu besar" in response.json()["error"]


def test_a_signed_in_user_has_the_larger_limit(client, settings, operator):
    settings.REQUEST_MAX_BYTES_ANONYMOUS = 1000
    settings.REQUEST_MAX_BYTES = 4000
    body = {"comment": "x" * 2000}
    assert client.post(reverse("login"), body).status_code == 413  # anonymous: over 1000 bytes
    client.force_login(operator)
    assert client.post(reverse("home"), body).status_code != 413
    assert _post_declaring(client, reverse("home"), 4001).status_code == 413


def test_a_body_within_the_limit_reaches_the_view(client, settings):
    settings.REQUEST_MAX_BYTES_ANONYMOUS = 100 * MB
    response = client.post(PPID_FORM, {"requester_name": "Warga"})
    assert response.status_code == 400  # the form's own answer: fields are missing


def test_a_chunked_body_without_content_length_is_refused(client):
    response = client.generic("POST", PPID_FORM, b"", HTTP_TRANSFER_ENCODING="chunked", CONTENT_LENGTH="",
                              **{"wsgi.input": Untouchable()})
    assert response.status_code == 411 and "Content-Length" in response.content.decode()
