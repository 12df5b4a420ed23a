"""Outputs: draft → approval by the Ketua Bakohumas only → published, which makes a Post (again with
the same URL: the same Post, updated) and ticks the SOP step; the live article check endpoint."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from bakohumas.audit.models import AuditEntry
from bakohumas.posts.models import Post
from bakohumas.publications.models import ChecklistMark, Output
from bakohumas.publications.services import (
    output_approve,
    output_publish,
    output_return,
    output_submit,
    output_update,
)

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 7, 17)
URL = "https://kota-kediri.kpu.go.id/berita/sosialisasi-pemilih-pemula"
WHEN = dt.datetime(2025, 7, 18, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def activity(kediri, make_activity):
    return make_activity(kediri, DAY, "sosialisasi", title="Sosialisasi pemilih pemula")


@pytest.fixture
def approved(activity, operator, ketua, make_output):
    output = make_output(activity, operator)
    output_submit(output=output, actor=operator)
    return output_approve(output=output, actor=ketua)


def test_the_workflow_goes_draft_pending_approved_published(activity, operator, ketua, make_output):
    output = make_output(activity, operator)
    assert (output.status, output.office, output.created_by) == ("draft", activity.office, operator)
    output_submit(output=output, actor=operator)
    assert output.status == "menunggu_persetujuan"
    with pytest.raises(PermissionDenied):
        output_approve(output=output, actor=operator)
    output_approve(output=output, actor=ketua)
    assert (output.status, output.approved_by) == ("disetujui", ketua) and output.approved_at
    output_publish(output=output, actor=operator, url=URL, published_at=WHEN)
    output.refresh_from_db()
    assert (output.status, output.published_url, output.published_at) == ("terbit", URL, WHEN)
    assert list(AuditEntry.objects.filter(target_id=str(output.pk)).order_by("created_at")
                .values_list("action", flat=True)) == [
        "publications.output.create", "publications.output.submit", "publications.output.approve",
        "publications.output.publish"]


def test_publishing_before_approval_is_refused(activity, operator, make_output):
    output = make_output(activity, operator)
    with pytest.raises(ValidationError):
        output_publish(output=output, actor=operator, url=URL, published_at=WHEN)
    assert not Post.objects.exists()


def test_publishing_makes_a_post_and_ticks_the_sop_step(approved, ketua, operator):
    output_publish(output=approved, actor=operator, url=URL, published_at=WHEN)
    post = Post.objects.get()
    assert (post.url, post.platform, post.account, post.source, post.office) == (
        URL, "website", "kota-kediri.kpu.go.id", "publikasi", approved.office)
    assert post.published_at == WHEN and approved.title in post.text
    assert approved.post == post
    mark = ChecklistMark.objects.get(activity=approved.activity, step="berita_website")
    assert mark.done_by == ketua  # the approval stands for the step's approval


def test_publishing_again_with_the_same_url_updates_the_post(approved, operator):
    output_publish(output=approved, actor=operator, url=URL, published_at=WHEN)
    later = WHEN + dt.timedelta(hours=2)
    output_publish(output=approved, actor=operator, url=URL, published_at=later)
    assert Post.objects.count() == 1 and Post.objects.get().published_at == later
    assert ChecklistMark.objects.filter(activity=approved.activity).count() == 1


def test_a_corrected_url_replaces_the_old_post(approved, operator):
    output_publish(output=approved, actor=operator, url=URL, published_at=WHEN)
    output_publish(output=approved, actor=operator, url=URL + "-2", published_at=WHEN)
    assert list(Post.objects.values_list("url", flat=True)) == [URL + "-2"]


def test_a_social_media_post_uses_its_channel(activity, operator, ketua, make_output, make_channel, kediri):
    channel = make_channel(kediri, "instagram", "@kpukotakediri")
    with pytest.raises(ValidationError):
        make_output(activity, operator, "unggahan_medsos", title="Unggahan", body="Ayo cek DPT!")
    output = make_output(activity, operator, "unggahan_medsos", title="Unggahan", body="Ayo cek DPT!",
                         channel=channel)
    output_approve(output=output, actor=ketua)
    output_publish(output=output, actor=operator, url="https://www.instagram.com/p/abc123/", published_at=WHEN)
    post = Post.objects.get()
    assert (post.platform, post.account, post.channel, post.text) == ("instagram", "kpukotakediri", channel,
                                                                      "Ayo cek DPT!")
    assert ChecklistMark.objects.filter(activity=activity, step="unggah_medsos").exists()


def test_a_url_of_another_office_is_refused(approved, operator, make_activity, make_output):
    other = Post.objects.create(
        office_id=approved.office.parent_id, platform="website", account="jatim.kpu.go.id", published_at=WHEN,
        url=URL, category="informasi", category_reason="uji", category_source="aturan", source="feed")
    with pytest.raises(ValidationError, match="kantor lain"):
        output_publish(output=approved, actor=operator, url=URL, published_at=WHEN)
    assert Post.objects.get() == other


def test_changing_a_pending_output_takes_it_back_to_draft(activity, operator, make_output):
    output = make_output(activity, operator)
    output_submit(output=output, actor=operator)
    output_update(output=output, actor=operator, data={"title": "Judul baru yang lebih jelas bagi pembaca"})
    assert output.status == "draft"


def test_an_approved_output_changes_only_after_the_ketua_returns_it(approved, operator, ketua):
    with pytest.raises(ValidationError):
        output_update(output=approved, actor=operator, data={"title": "Lain"})
    with pytest.raises(PermissionDenied):
        output_return(output=approved, actor=operator)
    output_return(output=approved, actor=ketua, note="Tambahkan kutipan.")
    assert (approved.status, approved.approved_by, approved.approved_at) == ("draft", None, None)


def test_the_ketua_approves_their_own_draft(activity, ketua, make_output):
    output = make_output(activity, ketua)
    assert output_approve(output=output, actor=ketua).status == "disetujui"


def test_read_only_roles_cannot_write(activity, operator, pimpinan, evaluator, make_output):
    output = make_output(activity, operator)
    for user in (pimpinan, evaluator):
        with pytest.raises(PermissionDenied):
            output_submit(output=output, actor=user)
        with pytest.raises(PermissionDenied):
            make_output(activity, user)


def test_the_database_refuses_a_published_output_without_url(approved):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Output.objects.filter(pk=approved.pk).update(status="terbit")


# --- pages --------------------------------------------------------------------------------------

def test_writing_a_draft_shows_the_checklist_after_saving(client, activity, operator):
    client.force_login(operator)
    response = client.post(reverse("publications:output_create", args=[activity.id]), {
        "kind": "berita_website", "title": "Rapat", "lead": "", "body": "Selamat datang."})
    output = Output.objects.get()
    assert response.status_code == 302 and response.url == reverse("publications:output_detail", args=[output.id])
    page = client.get(response.url).content.decode()
    assert "Pemeriksaan naskah" in page and "check-gagal" in page


def test_the_form_needs_a_channel_for_social_media(client, activity, operator):
    client.force_login(operator)
    response = client.post(reverse("publications:output_create", args=[activity.id]), {
        "kind": "unggahan_medsos", "title": "Unggahan", "body": "Ayo"})
    assert response.status_code == 400 and "Pilih akun media sosial" in response.content.decode()


def test_the_check_endpoint_returns_the_checklist_fragment(client, activity, operator):
    client.force_login(operator)
    url = reverse("publications:output_check", args=[activity.id])
    short = client.post(url, {"kind": "berita_website", "title": "Rapat", "lead": "", "body": "Halo"}).json()
    assert short["failed"] >= 1 and 'class="check-gagal"' in short["html"] and "<h1" not in short["html"]
    medsos = client.post(url, {"kind": "unggahan_medsos", "title": "x", "body": "y"}).json()
    assert medsos["failed"] == 0 and "berlaku untuk berita website" in medsos["html"]
    assert client.post(url, {"kind": "bukan"}).status_code == 400


def test_the_workflow_pages(client, activity, operator, ketua, make_output):
    output = make_output(activity, operator)
    client.force_login(operator)
    client.post(reverse("publications:output_submit", args=[output.id]))
    assert client.post(reverse("publications:output_approve", args=[output.id])).status_code == 403
    client.force_login(ketua)
    client.post(reverse("publications:output_approve", args=[output.id]))
    client.force_login(operator)
    response = client.post(reverse("publications:output_publish", args=[output.id]), {
        "url": URL, "published_at": timezone.localtime(WHEN).strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 302
    output.refresh_from_db()
    assert output.status == "terbit" and Post.objects.get().url == URL
    # Submitting a published output again only says why not.
    response = client.post(reverse("publications:output_submit", args=[output.id]), follow=True)
    assert "Hanya draf" in response.content.decode()


def test_a_future_publication_time_is_refused(client, approved, operator):
    client.force_login(operator)
    future = (timezone.localtime() + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(reverse("publications:output_publish", args=[approved.id]),
                           {"url": URL, "published_at": future})
    assert response.status_code == 400 and not Post.objects.exists()


def test_the_output_page_offers_each_role_its_next_step(client, activity, operator, ketua, pimpinan, make_output):
    output = make_output(activity, operator)
    url = reverse("publications:output_detail", args=[output.id])
    client.force_login(operator)
    page = client.get(url).content.decode()
    assert "Ajukan persetujuan" in page and "Setujui" not in page
    output_submit(output=output, actor=operator)
    assert "Menunggu persetujuan Ketua Bakohumas." in client.get(url).content.decode()
    client.force_login(ketua)
    page = client.get(url).content.decode()
    assert "Setujui" in page and "Kembalikan ke draf" in page
    output_approve(output=output, actor=ketua)
    client.force_login(pimpinan)
    page = client.get(url).content.decode()
    assert "Catat terbit" not in page and "Setujui" not in page and output.title in page
    client.force_login(operator)
    assert "Catat terbit" in client.get(url).content.decode()
