"""Every media page, requested by every role (same shape as bakohumas/core/tests/test_access.py).
The office's operator and ketua upload and edit; its pimpinan, the province and KPU RI see and
download (403 on writes); another province sees nothing (404). Upload sessions are their uploader's."""

from __future__ import annotations

import pytest

from bakohumas.access_testing import BAD, FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row

pytestmark = pytest.mark.django_db

VIEW = row(OK, OK, OK, OK, MISSING, OK)
STAFF_PAGE = row(OK, OK, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)
STAFF_POST = row(FOUND, FOUND, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)

PAGES = {
    "media:activity_media": ("get", "activity", VIEW),
    "media:upload": ("post", "activity", STAFF_POST),  # no files: back to the page with a message
    "media:upload_start": ("post", "activity", row(BAD, BAD, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)),
    "media:upload_chunk": ("get", "session", row(OK, MISSING, MISSING, MISSING, MISSING, MISSING)),
    "media:derivatives_remake": ("post", "activity", STAFF_POST),
    "media:channel_zip": ("post", "activity", row(BAD, BAD, BAD, BAD, MISSING, BAD)),  # no channel chosen
    "media:edit": ("get", "media", STAFF_PAGE),
    "media:delete": ("get", "media", STAFF_PAGE),
    "media:original": ("get", "media", VIEW),
    "media:derivative": ("get", "derivative", VIEW),
}


@pytest.fixture
def fixtures(users, add_photo, activity):
    from bakohumas.media.services import derivatives_generate, upload_session_start

    photo = add_photo()
    derivative = derivatives_generate(media=photo, presets=("web_thumb",))[0]
    session = upload_session_start(activity=activity, actor=users["operator"], filename="video.mp4",
                                   total_size=10_000)
    return {"activity": activity, "media": photo, "derivative": derivative, "session": session}


def _args(kind: str, fx: dict) -> list:
    return [fx[kind].id]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, fixtures, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: _args(kind, fixtures))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, fixtures, name):
    check_anonymous(client, PAGES, name, lambda kind: _args(kind, fixtures))


@pytest.mark.parametrize("name", ["media:edit", "media:delete"])
def test_read_only_roles_cannot_write_by_posting(client, users, fixtures, name):
    from django.urls import reverse

    for role, status in (("pimpinan", FORBIDDEN), ("evaluator", FORBIDDEN), ("national", FORBIDDEN),
                         ("outsider", MISSING)):
        client.force_login(users[role])
        assert client.post(reverse(name, args=[fixtures["media"].id]), {"caption": "x"}).status_code == status, role
    assert fixtures["media"].__class__.objects.filter(caption="x").count() == 0


def test_read_only_roles_cannot_upload_files(client, users, fixtures):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from bakohumas.media.models import MediaFile
    from bakohumas.media.tests.conftest import jpeg_bytes

    for role, status in (("pimpinan", FORBIDDEN), ("evaluator", FORBIDDEN), ("outsider", MISSING)):
        client.force_login(users[role])
        response = client.post(reverse("media:upload", args=[fixtures["activity"].id]),
                               {"berkas": [SimpleUploadedFile("x.jpg", jpeg_bytes(seed=9))]})
        assert response.status_code == status, role
    assert MediaFile.objects.count() == 1
