"""Resumable upload: chunks with Content-Range, a dropped connection, asking, resuming, assembling."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bakohumas.media.models import MediaFile, UploadSession
from bakohumas.media.services import upload_path, upload_sessions_prune
from bakohumas.media.tests.conftest import jpeg_bytes, photo_image

pytestmark = pytest.mark.django_db

CHUNK = 64 * 1024


def _start(client, activity, name: str, size: int):
    response = client.post(reverse("media:upload_start", args=[activity.id]), {"filename": name, "size": size})
    assert response.status_code == 201, response.content
    return response.json()


def _put(client, url: str, content: bytes, start: int, end: int):
    return client.generic("PUT", url, content[start:end], content_type="application/octet-stream",
                          headers={"Content-Range": f"bytes {start}-{end - 1}/{len(content)}"})


def test_it_resumes_after_a_dropped_connection_and_keeps_the_file(client, operator, activity):
    content = jpeg_bytes(photo_image(2000, 1500), quality=95)
    assert len(content) > 3 * CHUNK
    client.force_login(operator)
    session = _start(client, activity, "DSC_0042.JPG", len(content))
    url = session["url"]
    assert session["received"] == 0 and session["chunk_size"] > 0

    assert _put(client, url, content, 0, CHUNK).json() == {"received": CHUNK, "total": len(content)}
    # the connection "drops" while the second chunk is on its way: the client sends the third one
    response = _put(client, url, content, 2 * CHUNK, 3 * CHUNK)
    assert response.status_code == 409 and response.json()["received"] == CHUNK
    # it asks how much the server has, and resumes from there
    assert client.get(url).json() == {"received": CHUNK, "total": len(content)}
    offset = CHUNK
    while offset < len(content):
        end = min(offset + CHUNK, len(content))
        response = _put(client, url, content, offset, end)
        offset = end
    assert response.status_code == 200
    body = response.json()
    assert body["done"] and body["ok"] and "DSC_0042.JPG tersimpan" in body["message"]
    media = MediaFile.objects.get(id=body["media"])
    assert media.size == len(content) and media.kind == "photo" and media.original_name == "DSC_0042.JPG"
    with media.file.open("rb") as handle:
        assert handle.read() == content
    assert not UploadSession.objects.exists()
    assert not list(upload_path_dir(activity).glob("*.part"))


def upload_path_dir(activity):
    from django.conf import settings

    return settings.MEDIA_UPLOAD_TMP


def test_the_assembled_file_is_judged_like_the_plain_form(client, operator, activity):
    content = b"bukan video, hanya teks\n" * 10000
    client.force_login(operator)
    url = _start(client, activity, "rekaman.mp4", len(content))["url"]
    offset = 0
    while offset < len(content):
        response = _put(client, url, content, offset, min(offset + 200_000, len(content)))
        offset += 200_000
    assert response.status_code == 400
    assert "rekaman.mp4 ditolak" in response.json()["message"]
    assert not MediaFile.objects.exists() and not UploadSession.objects.exists()


def test_a_file_over_the_limit_is_refused_before_any_byte(client, operator, activity, settings):
    settings.MEDIA_VIDEO_MAX_MB = settings.MEDIA_PHOTO_MAX_MB = 1
    client.force_login(operator)
    response = client.post(reverse("media:upload_start", args=[activity.id]),
                           {"filename": "panjang.mp4", "size": 3 * 1024 * 1024})
    assert response.status_code == 400 and "panjang.mp4 ditolak" in response.json()["error"]


def test_bad_chunks_are_refused(client, operator, activity):
    client.force_login(operator)
    url = _start(client, activity, "a.mp4", 1000)["url"]
    assert client.generic("PUT", url, b"x" * 10).status_code == 400  # no Content-Range
    response = client.generic("PUT", url, b"x" * 10, headers={"Content-Range": "bytes 0-19/1000"})
    assert response.status_code == 400  # body shorter than announced
    response = client.generic("PUT", url, b"x" * 10, headers={"Content-Range": "bytes 0-9/2000"})
    assert response.status_code == 400  # the total changed
    response = client.generic("PUT", url, b"x" * 10, headers={"Content-Range": "bytes 995-1004/1000"})
    assert response.status_code == 409  # not where the server is


def test_a_session_is_its_uploaders_alone(client, operator, ketua, activity):
    client.force_login(operator)
    url = _start(client, activity, "a.mp4", 1000)["url"]
    client.force_login(ketua)
    assert client.get(url).status_code == 404


def test_abandoned_sessions_are_pruned(client, operator, activity):
    client.force_login(operator)
    _start(client, activity, "a.mp4", 1000)
    session = UploadSession.objects.get()
    path = upload_path(session)
    assert path.exists()
    UploadSession.objects.update(updated_at=session.updated_at.replace(year=2000))
    assert upload_sessions_prune(older_than_hours=1) == 1
    assert not path.exists()


def test_the_prune_command(client, operator, activity):
    from io import StringIO

    from django.core.management import CommandError, call_command

    client.force_login(operator)
    _start(client, activity, "a.mp4", 1000)
    out = StringIO()
    call_command("prune_uploads", "--hours", "1", stdout=out)
    assert "0 unggahan bertahap dihapus." in out.getvalue()  # still fresh
    UploadSession.objects.update(updated_at=UploadSession.objects.get().updated_at.replace(year=2000))
    call_command("prune_uploads", stdout=out)
    assert "1 unggahan bertahap dihapus." in out.getvalue()
    with pytest.raises(CommandError):
        call_command("prune_uploads", "--hours", "0")


def test_the_upload_endpoints_take_a_video_while_other_pages_keep_the_smaller_body_limit(
        client, operator, activity, settings):
    settings.REQUEST_MAX_BYTES = 1000  # signed in, elsewhere
    settings.MEDIA_VIDEO_MAX_MB = 1  # the upload endpoints: 1 MB and 1 MB for the form around it
    content = jpeg_bytes(photo_image(800, 600), quality=95)
    assert len(content) > 1000
    client.force_login(operator)
    session = _start(client, activity, "foto.jpg", len(content))
    response = _put(client, session["url"], content, 0, len(content))
    assert response.status_code == 200 and response.json()["ok"]
    response = client.generic("PUT", session["url"], b"", content_type="application/octet-stream",
                              CONTENT_LENGTH=str(3 * 1024 * 1024), headers={"Accept": "application/json"})
    assert response.status_code == 413 and "terlalu besar" in response.json()["error"]
    response = client.post(reverse("media:upload_start", args=[activity.id]),
                           {"filename": "x" * 2000, "size": 10})
    assert response.status_code == 413
