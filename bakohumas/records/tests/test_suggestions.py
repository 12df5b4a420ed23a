"""Report suggestions from the records, per element, for records that start or end mid-quarter."""

from __future__ import annotations

import datetime as dt

import pytest

from bakohumas.offices.models import Office
from bakohumas.records.selectors import (
    activity_quarter_counts,
    channel_quarter_flags,
    partnership_quarter_counts,
    records_quarter_suggestions,
)
from bakohumas.reports.services import period_get_or_create
from bakohumas.reports.suggestions import suggestions_for

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def q2():
    return period_get_or_create("2025Q2")


def test_it_counts_a_partnership_that_ends_mid_quarter(kediri, make_partnership, q2):
    make_partnership(kediri, "media", D(2024, 1, 1), D(2025, 5, 15))
    assert partnership_quarter_counts(kediri, q2)["kerja_sama_media"] == 1


def test_it_does_not_count_a_partnership_signed_after_the_quarter(kediri, make_partnership, q2):
    make_partnership(kediri, "pendidikan", D(2024, 1, 1), D(2030, 1, 1))
    make_partnership(kediri, "pendidikan", D(2025, 7, 1))
    assert partnership_quarter_counts(kediri, q2)["kerja_sama_pendidikan"] == 1
    assert partnership_quarter_counts(kediri, period_get_or_create("2025Q3"))["kerja_sama_pendidikan"] == 2


def test_it_counts_partnerships_signed_on_the_last_day_and_ending_on_the_first(kediri, make_partnership, q2):
    make_partnership(kediri, "pemerintah", D(2025, 6, 30))
    make_partnership(kediri, "pemerintah", D(2024, 6, 1), D(2025, 4, 1))
    make_partnership(kediri, "pemerintah", D(2024, 6, 1), D(2025, 3, 31))  # ended the day before
    assert partnership_quarter_counts(kediri, q2)["kerja_sama_pemerintah"] == 2


def test_it_counts_open_ended_partnerships_and_not_those_ended_before(kediri, make_partnership, q2):
    make_partnership(kediri, "non_pemerintah", D(2020, 1, 1))
    make_partnership(kediri, "non_pemerintah", D(2020, 1, 1), D(2024, 12, 31))
    make_partnership(kediri, "media", D(2025, 5, 1), D(2025, 5, 2))
    assert partnership_quarter_counts(kediri, q2) == {
        "kerja_sama_media": 1, "kerja_sama_pendidikan": 0, "kerja_sama_pemerintah": 0,
        "kerja_sama_non_pemerintah": 1}


def test_it_offers_no_partnership_counts_to_an_office_without_records(kediri, make_partnership, q2):
    assert partnership_quarter_counts(kediri, q2) == {}
    make_partnership(kediri, "media", D(2025, 8, 1))  # only after the quarter: still nothing to say
    assert partnership_quarter_counts(kediri, q2) == {}


def test_it_counts_activities_dated_in_the_quarter(kediri, make_activity, q2):
    make_activity(kediri, D(2025, 4, 1), "episode_podcast")
    make_activity(kediri, D(2025, 6, 30), "episode_podcast", non_budget=True)
    make_activity(kediri, D(2025, 7, 1), "episode_podcast", non_budget=True)
    make_activity(kediri, D(2025, 3, 31), "siaran_langsung", non_budget=True)
    make_activity(kediri, D(2025, 5, 5), "siaran_langsung")
    make_activity(kediri, D(2025, 5, 6), "sosialisasi", non_budget=True)
    assert activity_quarter_counts(kediri, q2) == {
        "episode_podcast": 2, "siaran_langsung": 1, "kegiatan_non_anggaran": 2}


def test_it_offers_activity_counts_only_for_a_quarter_with_recorded_activities(kediri, make_activity, q2):
    make_activity(kediri, D(2025, 8, 1), "episode_podcast")
    assert activity_quarter_counts(kediri, q2) == {}
    make_activity(kediri, D(2025, 5, 1), "rapat_koordinasi")
    assert activity_quarter_counts(kediri, q2) == {
        "episode_podcast": 0, "siaran_langsung": 0, "kegiatan_non_anggaran": 0}


def test_a_whatsapp_group_started_mid_quarter_counts(kediri, make_channel, q2):
    make_channel(kediri, "wa_media_center", "Media Center – Jurnalis", since=D(2025, 6, 30))
    assert channel_quarter_flags(kediri, q2) == {
        "wa_bakohumas_eksternal": 0, "wa_media_center": 1, "media_center_aktif": 0}


def test_a_channel_ended_before_or_started_after_the_quarter_does_not(kediri, make_channel, q2):
    make_channel(kediri, "instagram", "@kpukotakediri")  # open-ended, active since before records
    make_channel(kediri, "wa_bakohumas_eksternal", "Bakohumas lama", since=D(2023, 1, 1), until=D(2025, 3, 31))
    make_channel(kediri, "media_center", "Media Center baru", since=D(2025, 7, 1))
    assert channel_quarter_flags(kediri, q2) == {
        "wa_bakohumas_eksternal": 0, "wa_media_center": 0, "media_center_aktif": 0}


def test_a_channel_ended_mid_quarter_counts(kediri, make_channel, q2):
    make_channel(kediri, "media_center", "Media Center", since=D(2024, 1, 1), until=D(2025, 5, 15))
    make_channel(kediri, "wa_bakohumas_eksternal", "Bakohumas")
    assert channel_quarter_flags(kediri, q2) == {
        "wa_bakohumas_eksternal": 1, "wa_media_center": 0, "media_center_aktif": 1}


def test_it_offers_no_channel_flags_without_a_channel_list_for_the_quarter(kediri, make_channel, q2):
    assert channel_quarter_flags(kediri, q2) == {}
    make_channel(kediri, "website", "kota-kediri.kpu.go.id", since=D(2025, 9, 1))
    assert channel_quarter_flags(kediri, q2) == {}


def test_the_records_of_another_office_are_not_counted(kediri, make_partnership, make_activity, make_channel, q2):
    blitar = Office.objects.get(code="3505")
    make_partnership(blitar, "media", D(2025, 1, 1))
    make_activity(blitar, D(2025, 5, 1), "episode_podcast")
    make_channel(blitar, "wa_media_center", "Grup Blitar")
    assert records_quarter_suggestions(kediri, q2) == {}


def test_the_entry_page_registry_offers_them_with_a_link_to_the_records(kediri, make_partnership, make_activity,
                                                                         make_channel, q2):
    make_partnership(kediri, "media", D(2024, 1, 1), D(2025, 5, 15))
    make_activity(kediri, D(2025, 5, 1), "episode_podcast")
    make_channel(kediri, "wa_bakohumas_eksternal", "Bakohumas")
    suggestions = suggestions_for(kediri, q2)
    assert suggestions["kerja_sama_media"].value == 1
    assert suggestions["kerja_sama_media"].url == "/catatan/kantor/3571/kerja-sama/"
    assert suggestions["episode_podcast"].value == 1
    assert suggestions["episode_podcast"].url == "/catatan/kantor/3571/kegiatan/"
    assert suggestions["wa_bakohumas_eksternal"].value == 1
    assert suggestions["wa_bakohumas_eksternal"].url == "/catatan/kantor/3571/kanal/"


def test_each_suggester_is_one_query(kediri, make_partnership, make_activity, make_channel, q2,
                                     django_assert_num_queries):
    make_partnership(kediri, "media", D(2024, 1, 1))
    make_activity(kediri, D(2025, 5, 1), "episode_podcast")
    make_channel(kediri, "wa_bakohumas_eksternal", "Bakohumas")
    with django_assert_num_queries(3):
        records_quarter_suggestions(kediri, q2)


def test_the_report_entry_page_shows_the_suggestions_from_the_records(client, operator, kediri, make_partnership,
                                                                       make_activity):
    from django.urls import reverse

    from bakohumas.reports.services import submission_start

    make_partnership(kediri, "pendidikan", D(2024, 9, 16), D(2025, 8, 15))
    make_activity(kediri, D(2025, 8, 7), "episode_podcast", non_budget=True)
    draft = submission_start(office=kediri, period=period_get_or_create("2025Q3"), actor=operator)
    client.force_login(operator)
    html = client.get(reverse("reports:detail", args=[draft.id])).content.decode()
    assert "catatan kerja sama" in html and "catatan kegiatan" in html
    assert reverse("records:partnership_list", args=["3571"]) in html
    assert "daftar kanal komunikasi" not in html  # no channel list yet: no WhatsApp/Media Center suggestion
