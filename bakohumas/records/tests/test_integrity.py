"""Records stay sound under ordinary mistakes: an activity dated in the future or long ago, the same
activity entered twice (a double click), two requests racing to create the same channel or
partnership, a replaced or lost signed document, and edits through the Django admin."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from bakohumas.audit.models import AuditEntry
from bakohumas.offices.models import Office, User
from bakohumas.records.models import Activity, Channel, Partnership
from bakohumas.records.services import activity_create, channel_create, partnership_create, partnership_update
from bakohumas.records.tests.conftest import PDF

pytestmark = pytest.mark.django_db
ACTIVITY = {"kind": "sosialisasi", "title": "Sosialisasi pemilih pemula"}


def _post_activity(client, held_on: str, **extra):
    return client.post(reverse("records:activity_create", args=["3571"]), {**ACTIVITY, "held_on": held_on, **extra})


def test_an_activity_cannot_be_dated_after_today_or_before_2000(client, operator):
    client.force_login(operator)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    for held_on, message in ((tomorrow.isoformat(), "tidak boleh setelah hari ini"),
                             ("2099-01-01", "tidak boleh setelah hari ini"),
                             ("1999-12-31", "tidak boleh sebelum 1 Januari 2000")):
        response = _post_activity(client, held_on)
        assert response.status_code == 400
        assert message in " ".join(response.context["form"].errors["held_on"])  # next to the field
    assert not Activity.objects.exists()
    assert _post_activity(client, timezone.localdate().isoformat()).status_code == 302
    assert _post_activity(client, "2000-01-01").status_code == 302


def test_today_is_the_day_in_jakarta(client, operator, monkeypatch):
    """At 20:00 UTC on 31 December it is already 1 January in Jakarta."""
    instant = dt.datetime(2025, 12, 31, 20, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: instant)
    client.force_login(operator)
    assert _post_activity(client, "2026-01-01").status_code == 302
    assert _post_activity(client, "2026-01-02", title="Besok").status_code == 400


def test_the_same_activity_entered_twice_is_recorded_once(client, operator, kediri):
    client.force_login(operator)
    assert _post_activity(client, "2025-05-08").status_code == 302
    response = _post_activity(client, "2025-05-08", title="SOSIALISASI pemilih pemula ")
    assert response.status_code == 400 and "sudah tercatat" in response.content.decode()
    assert Activity.objects.count() == 1
    assert _post_activity(client, "2025-05-09").status_code == 302  # another day is another activity
    other = Office.objects.get(code="3505")
    activity_create(office=other, actor=None, data={**ACTIVITY, "held_on": dt.date(2025, 5, 8)})  # another office
    assert Activity.objects.count() == 3


def test_editing_an_activity_into_a_copy_of_another_is_refused(client, ketua, kediri, make_activity):
    make_activity(kediri, dt.date(2025, 5, 1), title="Rapat A")
    second = make_activity(kediri, dt.date(2025, 5, 2), title="Rapat A")
    client.force_login(ketua)
    response = client.post(reverse("records:activity_edit", args=[second.id]),
                           {"held_on": "2025-05-01", "kind": "sosialisasi", "title": "rapat a"})
    assert response.status_code == 400 and "sudah tercatat" in response.content.decode()
    second.refresh_from_db()
    assert second.held_on == dt.date(2025, 5, 2)


@pytest.fixture
def race(monkeypatch):
    """Two requests at once: both pass the check in `full_clean`, the database refuses the second."""
    def skip_check(model):
        monkeypatch.setattr(model, "validate_constraints", lambda self, exclude=None: None)
    return skip_check


def test_a_concurrent_duplicate_channel_gets_the_message_not_an_error_page(client, operator, kediri, race):
    channel_create(office=kediri, actor=None, data={"kind": "instagram", "handle": "@kpukotakediri"})
    race(Channel)
    with pytest.raises(ValidationError, match="sudah tercatat"):
        channel_create(office=kediri, actor=None, data={"kind": "instagram", "handle": "@KPUKotaKediri"})
    client.force_login(operator)
    response = client.post(reverse("records:channel_create", args=["3571"]),
                           {"kind": "instagram", "handle": "@kpukotakediri"})
    assert response.status_code == 400 and "sudah tercatat" in response.content.decode()
    assert Channel.objects.count() == 1
    assert AuditEntry.objects.filter(action="records.channel.create").count() == 1


def test_a_concurrent_duplicate_partnership_or_activity_is_refused_and_its_upload_removed(kediri, race, settings):
    data = {"partner_name": "Radio A", "partner_type": "media", "form": "mou", "signed_on": dt.date(2025, 1, 1)}
    partnership_create(office=kediri, actor=None, data=data)
    race(Partnership)
    with pytest.raises(ValidationError, match="sudah tercatat"):
        partnership_create(office=kediri, actor=None, data=data, document=SimpleUploadedFile("mou.pdf", PDF))
    assert Partnership.objects.count() == 1
    stored = [p for p in (settings.MEDIA_ROOT / "kerja-sama").rglob("*") if p.is_file()]
    assert stored == []  # the document of the refused row did not stay behind
    activity_create(office=kediri, actor=None, data={**ACTIVITY, "held_on": dt.date(2025, 5, 8)})
    race(Activity)
    with pytest.raises(ValidationError, match="sudah tercatat"):
        activity_create(office=kediri, actor=None, data={**ACTIVITY, "held_on": dt.date(2025, 5, 8)})
    assert Activity.objects.count() == 1


def test_a_replaced_document_leaves_the_storage_after_commit(kediri, make_partnership,
                                                            django_capture_on_commit_callbacks):
    partnership = make_partnership(kediri, document=SimpleUploadedFile("lama.pdf", PDF))
    storage, old = partnership.document.storage, partnership.document.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        partnership_update(partnership=partnership, actor=None, data={},
                           document=SimpleUploadedFile("baru.pdf", PDF + b"%baru\n"))
    assert storage.exists(old)  # until the change is committed
    for callback in callbacks:
        callback()
    assert not storage.exists(old)
    partnership.refresh_from_db()
    assert partnership.document.name != old and storage.exists(partnership.document.name)
    audit = AuditEntry.objects.get(action="records.partnership.update")
    assert audit.data["replaced_document"] == old


def test_a_document_missing_from_the_storage_is_a_404_that_says_so(client, operator, pimpinan, kediri,
                                                                  make_partnership):
    partnership = make_partnership(kediri, document=SimpleUploadedFile("mou.pdf", PDF), name="Radio Hilang")
    partnership.document.storage.delete(partnership.document.name)
    url = reverse("records:partnership_document", args=[partnership.id])
    client.force_login(operator)
    response = client.get(url)
    assert response.status_code == 404
    page = response.content.decode()
    assert "tidak ditemukan di penyimpanan" in page and "Radio Hilang" in page
    assert reverse("records:partnership_edit", args=[partnership.id]) in page
    client.force_login(pimpinan)
    response = client.get(url)
    assert response.status_code == 404
    assert reverse("records:partnership_edit", args=[partnership.id]) not in response.content.decode()


def test_the_admin_shows_records_but_does_not_change_them(client, kediri, make_channel, make_partnership,
                                                          make_activity, django_assert_max_num_queries):
    admin = User.objects.create_superuser("admin", "admin@example.org", "Sandi-Uji-2025!")
    channel = make_channel(kediri)
    make_partnership(kediri)
    make_activity(kediri, dt.date(2025, 5, 1))
    client.force_login(admin)
    for model in ("channel", "partnership", "activity"):
        with django_assert_max_num_queries(12):  # the office comes with the rows
            assert client.get(reverse(f"admin:records_{model}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:records_{model}_add")).status_code == 403
    url = reverse("admin:records_channel_change", args=[channel.pk])
    assert client.get(url).status_code == 200  # to look at
    assert client.post(url, {"kind": "website", "handle": "diubah"}).status_code == 403
    assert client.post(reverse("admin:records_channel_delete", args=[channel.pk]), {"post": "yes"}).status_code == 403
    channel.refresh_from_db()
    assert channel.handle == "@kpukotakediri"
