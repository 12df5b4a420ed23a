"""The trial page: examine one uploaded file against the standard; nothing is stored."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bakohumas.quality.tests.conftest import jpeg, scene

pytestmark = pytest.mark.django_db


def test_it_shows_the_checklist_of_an_uploaded_photo(client, operator):
    client.force_login(operator)
    upload = SimpleUploadedFile("rapat.jpg", jpeg(scene(1200, 900)), content_type="image/jpeg")
    response = client.post(reverse("quality:try"), {"file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "rapat.jpg" in html and 'class="badge grade-cukup"' in html
    assert "<strong>Resolusi</strong>" in html and "1200×900 piksel" in html


def test_a_file_that_is_not_media_gets_its_reason(client, operator):
    client.force_login(operator)
    response = client.post(reverse("quality:try"), {"file": SimpleUploadedFile("a.jpg", b"teks biasa")})
    assert response.status_code == 200
    assert "bukan foto atau video" in response.content.decode()


def test_no_file_and_a_too_large_file_are_refused(client, operator, settings):
    client.force_login(operator)
    assert client.post(reverse("quality:try"), {}).status_code == 400
    settings.MEDIA_PHOTO_MAX_MB = 0
    response = client.post(reverse("quality:try"), {"file": SimpleUploadedFile("a.jpg", jpeg(scene(400, 300)))})
    assert response.status_code == 400
    assert "lebih dari 0 MB" in response.content.decode()
