"""A record entered by mistake can be deleted by the office's staff, after a confirmation page; the
audit keeps what it said, a partnership's activities stay and its document goes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bakohumas.audit.models import AuditEntry
from bakohumas.records.models import Activity, Channel, Partnership
from bakohumas.records.tests.conftest import PDF

pytestmark = pytest.mark.django_db


def test_an_operator_deletes_a_partnership_and_keeps_its_activities(client, operator, kediri, make_partnership,
                                                                    make_activity, django_capture_on_commit_callbacks):
    partnership = make_partnership(kediri, document=SimpleUploadedFile("mou.pdf", PDF), name="Radio Keliru")
    activity = make_activity(kediri, dt.date(2025, 5, 1), partnership=partnership)
    storage, name = partnership.document.storage, partnership.document.name
    url = reverse("records:partnership_delete", args=[partnership.id])
    client.force_login(operator)
    assert "Radio Keliru" in client.get(url).content.decode()  # asks first
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.url == reverse("records:partnership_list", args=["3571"])
    assert not Partnership.objects.filter(pk=partnership.pk).exists()
    activity.refresh_from_db()
    assert activity.partnership is None
    assert not storage.exists(name)
    entry = AuditEntry.objects.get(action="records.partnership.delete")
    assert entry.target_id == str(partnership.pk) and entry.data["partner_name"] == "Radio Keliru"


def test_read_only_and_other_offices_cannot_delete(client, users, kediri, make_channel, make_activity):
    channel = make_channel(kediri)
    activity = make_activity(kediri, dt.date(2025, 5, 1))
    for role, status in (("pimpinan", 403), ("evaluator", 403), ("national", 403), ("outsider", 404)):
        client.force_login(users[role])
        assert client.post(reverse("records:channel_delete", args=[channel.id])).status_code == status, role
        assert client.post(reverse("records:activity_delete", args=[activity.id])).status_code == status, role
    assert Channel.objects.filter(pk=channel.pk).exists() and Activity.objects.filter(pk=activity.pk).exists()


def test_the_edit_page_links_to_deletion(client, ketua, kediri, make_activity):
    activity = make_activity(kediri, dt.date(2025, 5, 1))
    client.force_login(ketua)
    page = client.get(reverse("records:activity_edit", args=[activity.id])).content.decode()
    assert reverse("records:activity_delete", args=[activity.id]) in page
    client.post(reverse("records:activity_delete", args=[activity.id]))
    assert not Activity.objects.filter(pk=activity.pk).exists()
