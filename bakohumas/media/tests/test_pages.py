"""The activity's documentation page, editing, deleting, and the scoped file views."""

from __future__ import annotations



import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bakohumas.media.models import Derivative, MediaFile
from bakohumas.media.services import derivatives_generate
from bakohumas.media.tests.conftest import jpeg_bytes, photo_image

pytestmark = pytest.mark.django_db


def test_photos_are_shown_best_first_with_their_checks(client, pimpinan, add_photo, activity):
    blurred = add_photo("kabur.jpg", jpeg_bytes(photo_image(blur=True)))
    sharp = add_photo("tajam.jpg", jpeg_bytes(photo_image(seed=3)))
    MediaFile.objects.filter(pk=blurred.pk).update(grade="cukup", score=0.6)
    MediaFile.objects.filter(pk=sharp.pk).update(grade="baik", score=0.9)
    client.force_login(pimpinan)
    response = client.get(reverse("media:activity_media", args=[activity.id]))
    page = response.content.decode()
    assert page.index("tajam.jpg") < page.index("kabur.jpg")
    assert "Ketajaman" in page and "lulus" in page
    assert "Unggah foto" not in page and reverse("media:edit", args=[sharp.id]) not in page  # reads only
    assert reverse("media:original", args=[sharp.id]) in page


def test_staff_see_the_upload_form_that_works_without_scripts(client, operator, activity):
    client.force_login(operator)
    page = client.get(reverse("media:activity_media", args=[activity.id])).content.decode()
    assert 'enctype="multipart/form-data"' in page and "multiple" in page and 'accept="image/*,video/*"' in page
    assert "capture" in page and "media/upload.js" in page and "<script>" not in page


def test_the_page_costs_the_same_queries_for_one_or_many_photos(client, operator, add_photo, activity):
    client.force_login(operator)
    first = add_photo("1.jpg", jpeg_bytes(seed=1))
    derivatives_generate(media=first, presets=("web_thumb", "sosmed_1x1"))
    url = reverse("media:activity_media", args=[activity.id])
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for seed in (2, 3, 4):
        derivatives_generate(media=add_photo(f"{seed}.jpg", jpeg_bytes(seed=seed)), presets=("web_thumb",))
    with CaptureQueriesContext(connection) as four:
        response = client.get(url)
    assert response.content.decode().count('class="media-item"') == 4
    assert len(four) == len(one) <= 12


def test_caption_credit_and_notes_are_edited(client, operator, add_photo, activity):
    media = add_photo()
    client.force_login(operator)
    response = client.post(reverse("media:edit", args=[media.id]), {
        "caption": "Pemilih pemula mencoba bilik suara", "credit": "Budi", "taken_at": "2025-05-01T10:15",
        "place": "Aula SMAN 1 Kediri", "consent_notes": "Peserta sudah setuju.", "copyright_notes": "Milik KPU."})
    assert response.status_code == 302
    media.refresh_from_db()
    assert (media.caption, media.credit, media.place) == ("Pemilih pemula mencoba bilik suara", "Budi",
                                                          "Aula SMAN 1 Kediri")
    assert media.taken_at is not None and media.consent_notes and media.copyright_notes
    page = client.get(reverse("media:activity_media", args=[activity.id])).content.decode()
    assert "Pemilih pemula mencoba bilik suara" in page and "Peserta sudah setuju." in page


def test_a_bad_date_is_explained(client, operator, add_photo):
    media = add_photo()
    client.force_login(operator)
    response = client.post(reverse("media:edit", args=[media.id]), {"taken_at": "kemarin"})
    assert response.status_code == 400 and "error" in response.content.decode()


def test_deleting_removes_the_files_too(client, operator, add_photo, activity, django_capture_on_commit_callbacks):
    media = add_photo()
    derivative = derivatives_generate(media=media, presets=("web_thumb",))[0]
    storage = media.file.storage
    names = [media.file.name, derivative.file.name]
    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("media:delete", args=[media.id]))
    assert response.status_code == 302
    assert not MediaFile.objects.exists() and not Derivative.objects.exists()
    assert not any(storage.exists(name) for name in names)


def test_files_are_served_only_through_scoped_views(client, evaluator, outsider, add_photo):
    content = jpeg_bytes()
    media = add_photo("asli.jpg", content)
    derivative = derivatives_generate(media=media, presets=("web_thumb",))[0]
    client.force_login(evaluator)
    response = client.get(reverse("media:original", args=[media.id]) + "?unduh=1")
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "image/jpeg" and 'attachment; filename="asli.jpg"' in response["Content-Disposition"]
    response = client.get(reverse("media:derivative", args=[derivative.id]))
    assert response["Content-Type"] == "image/jpeg" and response["Content-Disposition"].startswith("inline")
    client.force_login(outsider)
    assert client.get(reverse("media:original", args=[media.id])).status_code == 404
    assert client.get(reverse("media:derivative", args=[derivative.id])).status_code == 404


def test_a_file_gone_from_the_storage_is_a_404(client, operator, add_photo):
    media = add_photo()
    media.file.storage.delete(media.file.name)
    client.force_login(operator)
    assert client.get(reverse("media:original", args=[media.id])).status_code == 404


def test_the_office_is_the_activitys(add_photo, jatim, kediri, make_activity):
    from django.core.exceptions import ValidationError

    media = add_photo()
    media.office = jatim
    with pytest.raises(ValidationError):
        media.full_clean()


def test_database_refuses_a_second_copy_of_the_same_bytes(add_photo):
    from django.db import IntegrityError, transaction

    media = add_photo()
    with pytest.raises(IntegrityError), transaction.atomic():
        MediaFile.objects.create(activity=media.activity, office=media.office, file="x.jpg", kind="photo",
                                 original_name="x.jpg", size=1, sha256=media.sha256, grade="baik")
    with pytest.raises(IntegrityError), transaction.atomic():
        MediaFile.objects.create(activity=media.activity, office=media.office, file="y.jpg", kind="audio",
                                 original_name="y.jpg", size=1, sha256="0" * 64, grade="baik")

