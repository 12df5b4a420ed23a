"""The office home page from the cache (issue 18): a repeated visit costs one small query beyond the
request's own, and every write to what the page shows, however it is made (services, queryset
updates, bulk inserts, raw SQL), shows at the next visit, because the database stamps the office."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bakohumas.offices.models import OfficeStamp, PositionTerm
from bakohumas.offices.stamps import STAMPED, install_triggers
from bakohumas.records.models import Channel
from bakohumas.reports.models import Period, Submission

pytestmark = pytest.mark.django_db

JAKARTA_NOON = dt.datetime(2025, 8, 20, 5, 0, tzinfo=dt.UTC)
# What every authenticated request reads whatever the page: the session, the user, the two-step
# device, the user's office, and the stamps themselves.
REQUEST_TABLES = {"django_session", "offices_user", "otp_totp_totpdevice", "offices_office", "offices_officestamp"}


@pytest.fixture
def home(client, operator):
    client.force_login(operator)

    def get() -> str:
        response = client.get(reverse("home"))
        assert response.status_code == 200
        return response.content.decode()

    get()  # the first visit sets the CSRF cookie the cache key needs
    return get


def _tables(queries: list[dict]) -> set[str]:
    return {table for query in queries for table in re.findall(r'(?:FROM|JOIN) "?(\w+)"?', query["sql"])}


@time_machine.travel(JAKARTA_NOON, tick=False)
def test_it_serves_a_repeated_visit_from_the_cache_with_one_query_of_its_own(home, django_assert_max_num_queries):
    home()
    with django_assert_max_num_queries(5):  # session, user, device, office, stamps
        home()


@time_machine.travel(JAKARTA_NOON, tick=False)
def test_every_table_the_page_reads_is_stamped(home, operator):
    OfficeStamp.objects.all().delete()  # no stamp row changes the key: the next visit renders
    PositionTerm.objects.filter(office=operator.office).update(contact="x")  # ...and so does this write
    with CaptureQueriesContext(connection) as queries:
        home()
    read = _tables(queries.captured_queries) - REQUEST_TABLES
    assert "records_channel" in read and "reports_submission" in read  # the page really rendered
    assert read <= {table for table, _column in STAMPED}, read - {table for table, _column in STAMPED}


@time_machine.travel(JAKARTA_NOON, tick=False)
def test_a_bulk_insert_shows_at_the_next_visit(home, operator):
    before = home()
    assert '<span class="num">0</span><span>kanal aktif' in before
    Channel.objects.bulk_create([Channel(office=operator.office, kind=Channel.Kind.WEBSITE, handle="kpu-kediri")])
    assert '<span class="num">1</span><span>kanal aktif' in home()


@time_machine.travel(JAKARTA_NOON, tick=False)
def test_a_queryset_update_of_a_report_and_of_a_deadline_show_at_the_next_visit(home, operator, make_report):
    make_report(operator.office.code, "2025Q2", reported_on=dt.date(2025, 7, 8))
    home()
    Submission.objects.filter(office=operator.office).update(status=Submission.Status.VERIFIED)
    assert "Terverifikasi" in home() or "terverifikasi" in home()
    Period.objects.filter(code="2025Q3").update(deadline=dt.date(2025, 10, 31))
    Period.objects.get_or_create(code="2025Q3", defaults={"start": dt.date(2025, 7, 1), "end": dt.date(2025, 9, 30),
                                                          "deadline": dt.date(2025, 10, 31)})
    assert "31 Oktober 2025" in home()


@time_machine.travel(JAKARTA_NOON, tick=False)
def test_a_raw_sql_write_to_another_office_leaves_the_page_cached(home, operator, django_assert_max_num_queries):
    home()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE offices_office SET name = name WHERE code = '3501'")
    with django_assert_max_num_queries(5):
        home()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE offices_office SET name = 'KPU Kota Kediri Baru' WHERE id = %s", [operator.office_id])
    assert "KPU Kota Kediri Baru" in home()


def test_the_next_day_renders_afresh(home, django_assert_max_num_queries):
    with time_machine.travel(JAKARTA_NOON, tick=False):
        home()
    with time_machine.travel(JAKARTA_NOON + dt.timedelta(days=1), tick=False), CaptureQueriesContext(connection) as q:
        home()
    assert "records_channel" in _tables(q.captured_queries)


@time_machine.travel(JAKARTA_NOON, tick=False)
def test_a_visit_with_a_message_waiting_is_rendered_and_shows_it(client, operator, rf):
    client.force_login(operator)
    client.get(reverse("home"))
    client.get(reverse("home"))  # cached now
    storage = CookieStorage(rf.get("/"))
    storage.add(messages.SUCCESS, "Laporan tersimpan.")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies["messages"] = carrier.cookies["messages"].value
    assert "Laporan tersimpan." in client.get(reverse("home")).content.decode()


def test_the_triggers_come_back_after_a_table_is_rebuilt():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER offices_stamp_records_channel_insert")
        else:
            cursor.execute("DROP TRIGGER offices_stamp ON records_channel")
    assert set(install_triggers(connection)) == {table for table, _column in STAMPED}
    install_triggers(connection)  # twice changes nothing
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'offices_stamp_%'")
            assert cursor.fetchone()[0] == 3 * len(STAMPED)
        else:
            cursor.execute("SELECT count(*) FROM pg_trigger WHERE tgname = 'offices_stamp'")
            assert cursor.fetchone()[0] == len(STAMPED)
