"""The records pages: forms write through audited services, uploads are judged by their bytes,
partnerships ending soon are flagged, and page queries do not grow with the number of rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from bakohumas.audit.models import AuditEntry
from bakohumas.offices.models import Office
from bakohumas.records.models import Activity, Channel, Partnership
from bakohumas.records.selectors import channels_for_office, home_summary
from bakohumas.records.tests.conftest import PDF

pytestmark = pytest.mark.django_db
D = dt.date


def test_it_creates_a_channel_and_audits_it(client, operator, kediri):
    client.force_login(operator)
    response = client.post(reverse("records:channel_create", args=["3571"]), {
        "kind": "instagram", "handle": "@kpukotakediri", "url": "https://www.instagram.com/kpukotakediri",
        "active_since": "2017-05-01", "managed_by": "Operator humas"})
    assert response.status_code == 302
    channel = Channel.objects.get(office=kediri)
    entry = AuditEntry.objects.get(action="records.channel.create")
    assert entry.target_id == str(channel.id) and entry.actor == operator and entry.office == kediri


def test_it_refuses_an_end_before_the_start_in_indonesian(client, ketua):
    client.force_login(ketua)
    response = client.post(reverse("records:channel_create", args=["3571"]), {
        "kind": "website", "handle": "web", "active_since": "2025-05-01", "active_until": "2025-04-01"})
    assert response.status_code == 400
    assert "tidak boleh sebelum" in response.content.decode()
    assert not Channel.objects.exists()


def test_a_duplicate_channel_is_refused_with_a_message(client, operator, kediri, make_channel):
    make_channel(kediri, "instagram", "@kpukotakediri")
    client.force_login(operator)
    response = client.post(reverse("records:channel_create", args=["3571"]),
                           {"kind": "instagram", "handle": "@KPUkotakediri"})
    assert response.status_code == 400 and "sudah tercatat" in response.content.decode()


def test_a_signed_document_is_stored_and_served_only_by_what_its_bytes_are(client, operator, kediri):
    client.force_login(operator)
    url = reverse("records:partnership_create", args=["3571"])
    data = {"partner_name": "Radio Suara Kediri", "partner_type": "media", "form": "mou", "signed_on": "2025-02-03"}
    fake = SimpleUploadedFile("mou.pdf", b"MZ\x90\x00 not a pdf at all")
    response = client.post(url, {**data, "document": fake})
    assert response.status_code == 400 and "isi berkas tidak sesuai" in response.content.decode()
    assert not Partnership.objects.exists()
    response = client.post(url, {**data, "document": SimpleUploadedFile("naskah.exe", PDF)})
    partnership = Partnership.objects.get()
    assert response.url == reverse("records:partnership_detail", args=[partnership.id])
    assert partnership.document.name.endswith(".pdf")
    download = client.get(reverse("records:partnership_document", args=[partnership.id]))
    assert b"".join(download.streaming_content) == PDF


def test_an_activity_can_only_reference_its_own_offices_partnership(client, operator, kediri, make_partnership):
    other = make_partnership(Office.objects.get(code="3505"), "media", D(2025, 1, 1))
    own = make_partnership(kediri, "media", D(2025, 1, 1))
    client.force_login(operator)
    url = reverse("records:activity_create", args=["3571"])
    data = {"held_on": "2025-05-08", "kind": "siaran_langsung", "title": "Dialog", "non_budget": "on",
            "audience_size": "150", "publication_urls": "https://example.org/a\nhttps://example.org/b"}
    assert client.post(url, {**data, "partnership": str(other.id)}).status_code == 400
    assert client.post(url, {**data, "partnership": str(own.id)}).status_code == 302
    activity = Activity.objects.get()
    assert activity.partnership == own and activity.non_budget and activity.audience_size == 150
    assert activity.publication_urls == ["https://example.org/a", "https://example.org/b"]


def test_editing_an_activity_keeps_its_values_and_audits_the_change(client, ketua, kediri, make_activity):
    activity = make_activity(kediri, D(2025, 5, 1), "episode_podcast", publication_urls=["https://example.org/1"])
    client.force_login(ketua)
    url = reverse("records:activity_edit", args=[activity.id])
    assert "https://example.org/1" in client.get(url).content.decode()
    response = client.post(url, {"held_on": "2025-05-02", "kind": "episode_podcast", "title": "Episode 1",
                                 "publication_urls": "https://example.org/1"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.held_on == D(2025, 5, 2)
    assert AuditEntry.objects.get(action="records.activity.update").data["held_on"] == "2025-05-02"


def test_partnerships_ending_within_60_days_are_flagged(client, pimpinan, kediri, make_partnership):
    today = timezone.localdate()
    make_partnership(kediri, "pendidikan", D(2024, 1, 1), today + dt.timedelta(days=59), name="Kampus Segera")
    make_partnership(kediri, "media", D(2024, 1, 1), today + dt.timedelta(days=61), name="Radio Nanti")
    make_partnership(kediri, "media", D(2024, 1, 1), today - dt.timedelta(days=1), name="Koran Lalu")
    client.force_login(pimpinan)
    response = client.get(reverse("records:partnership_list", args=["3571"]))
    assert [p.partner_name for p in response.context["expiring"]] == ["Kampus Segera"]
    assert "1 kerja sama berakhir dalam 60 hari" in response.content.decode()
    summary = home_summary(kediri, user=pimpinan)
    assert [p.partner_name for p in summary.expiring] == ["Kampus Segera"]
    assert summary.active_partnerships == 2 and not summary.may_edit
    html = render_to_string("records/_home_section.html", {"summary": summary})
    assert "Kampus Segera" in html and "Catat kegiatan" not in html


def test_channels_are_listed_active_first(kediri, make_channel):
    make_channel(kediri, "facebook", "lama", since=D(2015, 1, 1), until=D(2020, 1, 1))
    make_channel(kediri, "website", "web")
    assert [c.handle for c in channels_for_office(kediri)] == ["web", "lama"]


def _fill(office, make_channel, make_partnership, make_activity, n: int) -> None:
    for i in range(n):
        make_channel(office, "instagram", f"@akun{i}", managed_by="Operator")
        partnership = make_partnership(office, "media", D(2024, 1, 1 + i))
        make_activity(office, D(2025, 5, 1 + i), partnership=partnership)


@pytest.mark.parametrize("name", ["records:channel_list", "records:partnership_list", "records:activity_list"])
def test_list_pages_use_a_fixed_number_of_queries(client, evaluator, kediri, make_channel, make_partnership,
                                                  make_activity, django_assert_max_num_queries, name):
    _fill(kediri, make_channel, make_partnership, make_activity, 12)
    client.force_login(evaluator)
    with django_assert_max_num_queries(8):
        response = client.get(reverse(name, args=["3571"]))
    assert response.status_code == 200


def test_the_channel_map_of_a_province_with_38_offices_uses_a_fixed_number_of_queries(
        client, evaluator, jatim, make_channel, django_assert_max_num_queries):
    offices = list(Office.objects.filter(parent=jatim))
    assert len(offices) == 38
    for office in offices:
        make_channel(office, "instagram", f"@kpu{office.code}", managed_by="Operator humas")
        make_channel(office, "wa_bakohumas_eksternal", f"Bakohumas {office.code}", until=D(2020, 1, 1))
    client.force_login(evaluator)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("records:channel_map", args=["35"]))
    assert response.status_code == 200
    channel_map = response.context["map"]
    assert channel_map.offices == 39  # the province and its 38 kab/kota
    instagram = [item for item in channel_map.summary if item["label"] == "Instagram"][0]
    assert instagram["active"] == 38
    assert "@kpu3571" in response.content.decode()


def test_record_pages_and_forms_use_a_fixed_number_of_queries(client, operator, kediri, make_channel,
                                                               make_partnership, make_activity,
                                                               django_assert_max_num_queries):
    _fill(kediri, make_channel, make_partnership, make_activity, 10)
    partnership = Partnership.objects.filter(office=kediri).first()
    assert partnership is not None
    for i in range(5):
        make_activity(kediri, D(2025, 8, 1 + i), partnership=partnership)
    client.force_login(operator)
    urls = [reverse("records:partnership_detail", args=[partnership.id]),
            reverse("records:partnership_edit", args=[partnership.id]),
            reverse("records:activity_create", args=["3571"]),
            reverse("records:activity_edit", args=[Activity.objects.first().id]),  # type: ignore[union-attr]
            reverse("records:channel_edit", args=[Channel.objects.first().id]),  # type: ignore[union-attr]
            reverse("records:import", args=["3571"])]
    for url in urls:
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200, url


def test_the_national_channel_map_links_to_each_province(client, national, jatim, make_channel):
    make_channel(jatim, "instagram", "@kpujatim")
    client.force_login(national)
    html = client.get(reverse("records:channel_map", args=["ID"])).content.decode()
    assert "@kpujatim" in html and reverse("records:channel_map", args=["35"]) in html


def test_an_unknown_choice_names_the_accepted_codes(kediri):
    from bakohumas.records.transfer import parse_records_file

    parsed = parse_records_file(b"jenis,nama_akun\nfriendster,@a\n", kind="channels", office=kediri)
    assert "friendster" in parsed.errors[0].reason and "wa_media_center" in parsed.errors[0].reason
