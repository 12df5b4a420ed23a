"""After `demo_load()` every page of the newer capabilities has something real to show: posts on
the governance page of Kota Kediri, the `unggahan_medsos` suggestion, graded photos with their
derivatives, outputs in every state (a published one is a post), SOP ticks, the network of KPU
accounts; and loading again changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from bakohumas.core.periods import Quarter
from bakohumas.demo.data import demo_load
from bakohumas.governance.models import PlannedPost
from bakohumas.governance.network import build_network
from bakohumas.governance.selectors import office_governance
from bakohumas.media.models import Derivative, MediaFile
from bakohumas.offices.models import Office, User
from bakohumas.posts.models import Post
from bakohumas.publications.models import ChecklistMark, Output
from bakohumas.records.models import Activity
from bakohumas.reports.services import period_get_or_create
from bakohumas.reports.suggestions import suggestions_for

pytestmark = pytest.mark.django_db

SOSIALISASI = "Sosialisasi di Kampung Tangguh Demokrasi"


def _counts() -> tuple[int, ...]:
    return (Post.objects.count(), Post.objects.filter(category_source=Post.CategorySource.STAFF).count(),
            MediaFile.objects.count(), Derivative.objects.count(), Output.objects.count(),
            ChecklistMark.objects.count(), PlannedPost.objects.count())


def test_every_new_page_has_something_to_show(client):
    """One load (it takes seconds), every area checked in turn."""
    demo_load()
    client.force_login(User.objects.get(username="ketua.kediri"))
    _governance_pages_show_kota_kediris_posts(client)
    _the_quarterly_report_is_offered_the_post_count()
    _the_network_links_the_two_kediris_and_leaves_banyuwangi_alone(client)
    _the_media_page_lists_graded_photos_with_derivatives(client)
    _outputs_are_in_every_state_and_the_published_ones_are_posts(client)


def _governance_pages_show_kota_kediris_posts(loaded):
    kediri = Office.objects.get(code="3571")
    q3 = office_governance(kediri, Quarter.parse("2025Q3"))
    assert q3.figures.posts > 20 and 0 < q3.figures.ceremonial < q3.figures.posts and q3.figures.website > 0
    today = timezone.localdate()
    now = office_governance(kediri, Quarter.containing(today))
    # One account went quiet on purpose (TikTok); the website had news in the last weeks.
    assert [(q.channel.kind, q.channel.handle) for q in now.figures.quiet] == [("tiktok", "@kpukotakediri")]
    assert now.figures.days_since_website is not None and now.figures.days_since_website <= 10
    assert Post.objects.filter(office=kediri, category_source=Post.CategorySource.STAFF).count() == 2

    page = loaded.get(reverse("governance:office", args=["3571"]), {"periode": "2025Q3"})
    assert page.status_code == 200 and page.context["data"].figures.posts == q3.figures.posts
    assert loaded.get(reverse("governance:office", args=["3571"])).status_code == 200


def _the_quarterly_report_is_offered_the_post_count():
    kediri = Office.objects.get(code="3571")
    suggestion = suggestions_for(kediri, period_get_or_create("2025Q3"))["unggahan_medsos"]
    social_q3 = Post.objects.filter(office=kediri, published_at__date__gte=dt.date(2025, 7, 1),
                                    published_at__date__lte=dt.date(2025, 9, 30)).exclude(platform="website")
    assert suggestion.value > 20 and abs(suggestion.value - social_q3.count()) <= 1  # UTC vs WIB at the edges


def _the_network_links_the_two_kediris_and_leaves_banyuwangi_alone(loaded):
    jatim = Office.objects.get(code="35")
    net = build_network(jatim, Quarter.parse("2025Q3"))
    pairs = {(e.source.code, e.target.code): e for e in net.edges}
    assert pairs[("3571", "3506")].reverse > 0 and pairs[("3506", "3571")].reverse > 0
    assert ("3573", "3571") in pairs and ("3571", "3573") not in pairs
    assert "3510" in {n.code for n in net.isolated}
    page = loaded.get(reverse("governance:network", args=["3571"]), {"periode": "2025Q3"})
    assert page.status_code == 200


def _the_media_page_lists_graded_photos_with_derivatives(loaded):
    activity = Activity.objects.get(office__code="3571", title=SOSIALISASI)
    photos = MediaFile.objects.filter(activity=activity)
    assert {m.grade for m in photos} == {"baik", "cukup", "tidak_layak"}
    assert all(m.taken_at and timezone.localtime(m.taken_at).date() == activity.held_on for m in photos)
    assert all(m.caption and m.credit for m in photos)
    assert Derivative.objects.filter(media__in=photos).count() == 7 * photos.count()
    page = loaded.get(reverse("media:activity_media", args=[activity.id]))
    assert page.status_code == 200
    body = page.content.decode()
    for photo in photos:
        assert photo.original_name in body
    assert "Tidak layak" in body and "Cukup" in body


def _outputs_are_in_every_state_and_the_published_ones_are_posts(loaded):
    outputs = Output.objects.filter(office__code="3571")
    assert set(outputs.values_list("status", flat=True)) == set(Output.Status.values)
    for output in outputs.filter(status=Output.Status.PUBLISHED):
        assert output.post is not None and output.post.url == output.published_url
        assert output.post.source == Post.Source.PUBLICATION
    news = outputs.get(kind="berita_website", status=Output.Status.PUBLISHED, photo__isnull=False)  # not the Rakor's
    assert news.photo is not None and news.photo.grade == "baik"
    activity = news.activity
    assert ChecklistMark.objects.filter(activity=activity, step="berita_website").exists()  # ticked by publishing
    page = loaded.get(reverse("publications:activity_sop", args=[activity.id]))
    assert page.status_code == 200
    assert loaded.get(reverse("publications:output_detail", args=[news.id])).status_code == 200


def test_loading_twice_changes_nothing():
    demo_load()
    before = _counts()
    demo_load()
    assert _counts() == before
