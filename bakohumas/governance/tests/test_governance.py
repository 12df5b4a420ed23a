"""The governance figures of an office and of a region, their query counts, and the quarterly
report's suggestion (unggahan_medsos, unggahan_seremonial, berita_website)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bakohumas.core.periods import Quarter
from bakohumas.governance.selectors import (
    office_governance,
    post_quarter_counts,
    quiet_channels,
    region_governance,
)
from bakohumas.governance.tests.conftest import wib
from bakohumas.offices.models import Office
from bakohumas.posts.models import Post
from bakohumas.posts.services import handle_key, post_correct
from bakohumas.reports.services import period_get_or_create
from bakohumas.reports.suggestions import suggestions_for

pytestmark = pytest.mark.django_db
Q2 = Quarter(2025, 2)
LATER = dt.date(2026, 1, 15)  # "today" after the quarter: figures are measured at its end


@pytest.fixture
def kediri_posts(kediri, make_channel, make_post):
    make_channel(kediri, "instagram", "@KPUKotaKediri")
    make_channel(kediri, "facebook", "KPU Kota Kediri")  # never posts: quiet
    make_channel(kediri, "website", "https://kota-kediri.kpu.go.id/")
    make_post(kediri, wib(2025, 4, 7), likes=10, comments=2, shares=1, views=100)
    make_post(kediri, wib(2025, 4, 8), category="seremonial", likes=30, views=300)
    make_post(kediri, wib(2025, 6, 25), likes=None, comments=None, shares=None)
    make_post(kediri, wib(2025, 3, 31), likes=500)  # Q1: not counted
    make_post(kediri, wib(2025, 4, 20), "website", "kota-kediri.kpu.go.id")
    make_post(kediri, wib(2025, 6, 10), "website", "kota-kediri.kpu.go.id")
    make_post(kediri, wib(2025, 6, 12), "website", "kota-kediri.kpu.go.id")


def test_it_counts_an_offices_posts_ceremony_news_and_engagement(kediri, kediri_posts):
    data = office_governance(kediri, Q2, today=LATER)
    f = data.figures
    assert (f.posts, f.ceremonial, f.website) == (3, 1, 3)
    assert f.ceremonial_percent == 33.3
    assert (f.interactions, f.with_interactions, f.interactions_per_post) == (43, 2, 21.5)
    assert (f.views, f.with_views, f.views_per_post) == (400, 2, 200.0)
    assert f.days_since_website == (dt.date(2025, 6, 30) - dt.date(2025, 6, 12)).days
    assert [n for _m, n, _w in data.months] == [1, 0, 2]
    assert [w for _m, _n, w in data.months] == [50, 0, 100]


def test_it_counts_posts_per_account_per_week(kediri, kediri_posts):
    data = office_governance(kediri, Q2, today=LATER)
    assert data.weeks[0] == dt.date(2025, 3, 31) and data.weeks[-1] == dt.date(2025, 6, 30)
    instagram = next(r for r in data.week_rows if r.account == "kpukotakediri")
    assert instagram.total == 3
    assert instagram.counts[data.weeks.index(dt.date(2025, 4, 7))] == 2
    assert instagram.cells[data.weeks.index(dt.date(2025, 4, 7))] == (2, 4)
    assert instagram.cells[0] == (0, 0)


def test_quiet_accounts_are_active_channels_without_a_recent_post(kediri, kediri_posts, make_channel, make_post):
    make_channel(kediri, "tiktok", "@kpukediri", until=dt.date(2025, 1, 31))  # closed: never quiet
    quiet = quiet_channels(Office.objects.filter(pk=kediri.pk), dt.date(2025, 6, 30))
    assert [q.channel.kind for q in quiet] == ["facebook"]
    # 45 days after the last Instagram post and 58 after the last news: both quiet too
    quiet = quiet_channels(Office.objects.filter(pk=kediri.pk), dt.date(2025, 8, 9))
    assert sorted(q.channel.kind for q in quiet) == ["facebook", "instagram", "website"]
    quiet = quiet_channels(Office.objects.filter(pk=kediri.pk), dt.date(2025, 7, 5), days=30)
    assert sorted(q.channel.kind for q in quiet) == ["facebook"]


def test_the_quiet_threshold_is_a_setting(kediri, kediri_posts, settings):
    settings.GOVERNANCE_QUIET_AFTER_DAYS = 3
    quiet = quiet_channels(Office.objects.filter(pk=kediri.pk), dt.date(2025, 6, 30))
    assert sorted(q.channel.kind for q in quiet) == ["facebook", "instagram", "website"]


def test_a_channel_recorded_by_its_url_is_not_quiet(kediri, make_channel, make_post):
    make_channel(kediri, "instagram", "https://www.instagram.com/KPUKotaKediri/")
    make_post(kediri, wib(2025, 6, 20), "instagram", "kpukotakediri")
    assert quiet_channels(Office.objects.filter(pk=kediri.pk), dt.date(2025, 6, 30)) == []


def test_handles_are_compared_by_the_posts_handle_key():
    """The governance pages use bakohumas.posts.services.handle_key, not a spelling of their own."""
    assert handle_key("instagram", "@KPUKotaKediri") == "kpukotakediri"
    assert handle_key("instagram", "https://www.instagram.com/kpukotakediri/") == "kpukotakediri"
    assert handle_key("x", "https://x.com/KPU_ID") == "kpu_id"
    assert handle_key("website", "https://www.Kota-Kediri.kpu.go.id/berita/") == "kota-kediri.kpu.go.id"


def test_the_region_lists_offices_worst_first(kediri, jatim, kediri_posts, make_post, make_channel):
    surabaya = Office.objects.get(code="3578")
    make_post(surabaya, wib(2025, 5, 1), "instagram", "kpusurabaya")
    make_post(surabaya, wib(2025, 5, 2), "instagram", "kpusurabaya", category="seremonial")
    data = region_governance(jatim, Q2, today=LATER)
    assert data.offices == Office.objects.filter(parent=jatim).count() + 1
    codes = [row.office.code for row in data.rows]
    assert codes.index("3578") > codes.index("3506")  # nothing posted comes first
    assert codes[-2:] == ["3571", "3578"]  # Kediri: quiet facebook account; Surabaya 50% ceremony
    assert (data.total.posts, data.total.ceremonial, data.offices_with_posts) == (5, 2, 2)


def test_the_region_page_takes_the_same_queries_for_one_office_or_many(client, evaluator, kediri, jatim,
                                                                       make_post, make_channel):
    make_channel(kediri)
    make_post(kediri, wib(2025, 5, 1))
    client.force_login(evaluator)
    url = reverse("governance:region", args=["35"])
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, {"periode": "2025Q2"}).status_code == 200
    for i, office in enumerate(Office.objects.filter(parent=jatim)[:12]):
        make_channel(office, "instagram", f"@kpu{office.code}")
        make_post(office, wib(2025, 4, 1 + i), "instagram", f"kpu{office.code}", likes=i)
        make_post(office, wib(2025, 5, 1 + i), "website", f"kpu{office.code}.go.id")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url, {"periode": "2025Q2"}).status_code == 200
    assert len(many) == len(few)
    assert len(few) <= 14


def test_the_office_page_takes_a_fixed_number_of_queries(client, operator, kediri, kediri_posts, make_post,
                                                         django_assert_max_num_queries):
    client.force_login(operator)
    url = reverse("governance:office", args=["3571"])
    with django_assert_max_num_queries(13):
        response = client.get(url, {"periode": "2025Q2"})
    assert "33,3%" in response.content.decode()
    for day in range(1, 20):
        make_post(kediri, wib(2025, 5, day))
    with django_assert_max_num_queries(13):
        client.get(url, {"periode": "2025Q2"})


def test_the_default_quarter_is_the_latest_with_posts(client, operator, kediri, make_post):
    make_post(kediri, wib(2025, 5, 1))
    client.force_login(operator)
    response = client.get(reverse("governance:office", args=["3571"]))
    assert response.context["quarter"] == Q2


# --- the quarterly report's suggestion -------------------------------------------------------

def test_the_suggestion_counts_the_quarter_in_jakarta_time(kediri, make_post, make_channel):
    make_channel(kediri, "website", "https://kota-kediri.kpu.go.id/")
    make_post(kediri, wib(2025, 4, 1, 0, 5))  # first minutes of Q2 in WIB (still 31 March in UTC)
    make_post(kediri, wib(2025, 6, 30, 23, 30))  # 30 June 23:30 WIB: Q2 (16:30 UTC)
    make_post(kediri, wib(2025, 6, 30, 23, 45), category="seremonial")
    make_post(kediri, wib(2025, 7, 1, 0, 10))  # Q3 in WIB, although still 30 June in UTC
    make_post(kediri, wib(2025, 3, 31, 23, 59))  # Q1
    make_post(kediri, wib(2025, 5, 5), "website", "kota-kediri.kpu.go.id")
    make_post(kediri, wib(2025, 5, 6), "website", "kota-kediri.kpu.go.id", category="seremonial")
    make_post(kediri, wib(2025, 6, 30, 23, 50), "website", "kota-kediri.kpu.go.id")  # Q2 in WIB
    make_post(kediri, wib(2025, 7, 1, 0, 5), "website", "kota-kediri.kpu.go.id")  # Q3 in WIB
    assert post_quarter_counts(kediri, Q2) == {"unggahan_medsos": 3, "unggahan_seremonial": 1, "berita_website": 3}
    assert post_quarter_counts(kediri, Quarter(2025, 3)) == {
        "unggahan_medsos": 1, "unggahan_seremonial": 0, "berita_website": 1}


def test_no_suggestion_for_an_office_with_no_posts_at_all(kediri, make_post):
    assert post_quarter_counts(kediri, Q2) == {}
    make_post(kediri, wib(2024, 11, 1))  # recording posts, none in this quarter: a real 0
    assert post_quarter_counts(kediri, Q2) == {"unggahan_medsos": 0, "unggahan_seremonial": 0, "berita_website": 0}


def test_the_suggestion_takes_two_queries(kediri, make_post, make_channel, django_assert_num_queries):
    make_channel(kediri, "website", "kota-kediri.kpu.go.id")
    make_post(kediri, wib(2025, 5, 1))
    with django_assert_num_queries(2):  # the website channels, then one aggregate
        post_quarter_counts(kediri, Q2)


def test_berita_website_counts_only_news_on_the_offices_own_website(kediri, make_post, make_channel):
    site = make_channel(kediri, "website", "https://www.Kota-Kediri.kpu.go.id/")
    make_post(kediri, wib(2025, 5, 5), "website", "kota-kediri.kpu.go.id")
    make_post(kediri, wib(2025, 5, 6), "website", "detik.com", url="https://detik.com/jatim/rilis-kpu-kediri")
    make_post(kediri, wib(2025, 5, 7), "website", "kediri.example.org", channel=site)  # linked to the channel
    make_post(kediri, wib(2025, 5, 8), "website", "kominfo.kedirikota.go.id")  # another site's page
    make_post(kediri, wib(2025, 5, 9), "instagram", "kpukotakediri")
    make_post(kediri, wib(2025, 7, 1, 0, 10), "website", "kota-kediri.kpu.go.id")  # Q3 in WIB
    assert post_quarter_counts(kediri, Q2) == {"unggahan_medsos": 1, "unggahan_seremonial": 0, "berita_website": 2}
    data = office_governance(kediri, Q2, today=LATER)
    assert data.figures.website == 2 and data.figures.posts == 1
    assert [n for _m, n, _w in data.months] == [0, 2, 0]
    assert data.figures.days_since_website == (dt.date(2025, 6, 30) - dt.date(2025, 5, 7)).days
    assert region_governance(kediri.parent, Q2, today=LATER).total.website == 2


def test_a_press_release_on_a_news_site_is_not_berita_website(kediri, make_post, make_channel):
    make_channel(kediri, "website", "kota-kediri.kpu.go.id")
    make_post(kediri, wib(2025, 5, 6), "website", "detik.com", url="https://detik.com/jatim/rilis-kpu-kediri")
    make_post(kediri, wib(2025, 5, 7), "instagram", "kpukotakediri", category="seremonial")
    assert post_quarter_counts(kediri, Q2) == {"unggahan_medsos": 1, "unggahan_seremonial": 1, "berita_website": 0}


def test_without_a_website_channel_there_is_no_berita_website(kediri, make_post):
    make_post(kediri, wib(2025, 5, 5), "website", "kota-kediri.kpu.go.id")
    assert post_quarter_counts(kediri, Q2) == {"unggahan_medsos": 0, "unggahan_seremonial": 0, "berita_website": 0}


# --- staff corrections ---------------------------------------------------------------------------

@pytest.fixture
def corrected(kediri, operator, make_post):
    """Kediri's staff turned two ceremonial posts into information and one the other way; another
    post was corrected in Q1."""
    for day in (5, 6):
        post_correct(post=make_post(kediri, wib(2025, 5, day), category="seremonial"), category="informasi",
                     actor=operator)
    post_correct(post=make_post(kediri, wib(2025, 5, 7)), category="seremonial", actor=operator)
    post_correct(post=make_post(kediri, wib(2025, 3, 7), category="seremonial"), category="informasi",
                 actor=operator)
    make_post(kediri, wib(2025, 5, 8), category="seremonial")  # the classifier's: not a correction


def test_staff_corrections_are_counted_per_office_and_direction(kediri, jatim, corrected):
    f = office_governance(kediri, Q2, today=LATER).figures
    assert (f.corrected, f.corrected_to_information) == (3, 2)
    assert (f.posts, f.ceremonial) == (4, 2)
    data = region_governance(jatim, Q2, today=LATER)
    row = next(r for r in data.rows if r.office == kediri)
    assert (row.figures.corrected, row.figures.corrected_to_information) == (3, 2)
    assert (data.total.corrected, data.total.corrected_to_information) == (3, 2)
    assert Post.objects.filter(category_source=Post.CategorySource.STAFF).count() == 4


def test_the_region_table_shows_and_links_the_corrections(client, evaluator, kediri, corrected):
    client.force_login(evaluator)
    html = client.get(reverse("governance:region", args=["35"]), {"periode": "2025Q2"}).content.decode()
    link = reverse("posts:post_list", args=["3571"]) + "?kategori=informasi"
    assert f'href="{link}"' in html and "3 (2)</a>" in html
    html = client.get(reverse("governance:office", args=["3571"]), {"periode": "2025Q2"}).content.decode()
    assert f'href="{link}"' in html and "2 menjadi informasi" in html


def test_the_suggester_is_registered_for_the_quarterly_form(kediri, make_post):
    make_post(kediri, wib(2025, 5, 1), category="seremonial")
    suggestions = suggestions_for(kediri, period_get_or_create("2025Q2"))
    assert suggestions["unggahan_medsos"].value == 1
    assert suggestions["unggahan_seremonial"].value == 1
    assert suggestions["berita_website"].value == 0
    assert suggestions["unggahan_medsos"].url == reverse("governance:office", args=["3571"])
