"""The province overview: each office's recent activities with % done and overdue steps, in a fixed
number of queries; KPU RI sees any province, a kab/kota none."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bakohumas.offices.models import Office
from bakohumas.publications import selectors as s
from bakohumas.publications.services import checklist_tick
from bakohumas.publications.sop import steps_for

pytestmark = pytest.mark.django_db


def test_it_counts_done_and_overdue_steps_per_activity_and_office(kediri, jatim, operator, make_activity):
    today = dt.date(2025, 7, 20)
    late = make_activity(kediri, dt.date(2025, 7, 10), "rapat_koordinasi", title="Rakor")
    fresh = make_activity(kediri, today, "sosialisasi", title="Sosialisasi")
    make_activity(kediri, dt.date(2025, 1, 1), title="Lama")  # outside the window
    checklist_tick(activity=late, step_code="rencana_dokumentasi", actor=operator)
    checklist_tick(activity=late, step_code="foto_kegiatan", actor=operator)

    rows = {row.office.code: row for row in s.sop_overview(jatim, today=today)}
    assert set(rows) == set(Office.objects.filter(parent=jatim).values_list("code", flat=True)) | {"35"}
    kediri_row = rows["3571"]
    by_title = {a.activity.title: a.progress for a in kediri_row.activities}
    assert set(by_title) == {"Rakor", "Sosialisasi"}
    total_late = len(steps_for("rapat_koordinasi"))
    # Ten days on, everything of the rakor is late except the two ticked steps.
    assert (by_title["Rakor"].done, by_title["Rakor"].total, by_title["Rakor"].overdue) == (2, total_late,
                                                                                            total_late - 2)
    assert by_title["Rakor"].percent == round(200 / total_late)
    # On the day: only the "before" step (H-1) is late.
    assert by_title["Sosialisasi"].overdue == 1
    assert kediri_row.overdue == total_late - 2 + 1
    assert rows["35"].activities == [] and rows["35"].percent is None
    assert fresh.office_id == kediri.pk


def test_the_page_needs_a_fixed_number_of_queries(client, kediri, jatim, evaluator, make_activity):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("publications:sop_overview", args=["35"])).status_code == 200
        return len(ctx)

    client.force_login(evaluator)
    today = timezone.localdate()
    make_activity(kediri, today, title="Satu")
    few = queries()
    other = Office.objects.filter(parent=jatim).exclude(pk=kediri.pk).first()
    for day in range(1, 15):
        make_activity(kediri, today - dt.timedelta(days=day), "talkshow", title=f"Kegiatan {day}")
        make_activity(other, today - dt.timedelta(days=day), title=f"Kegiatan lain {day}")
    assert queries() == few


def test_the_page_shows_offices_and_overdue_counts(client, kediri, national, make_activity):
    make_activity(kediri, timezone.localdate() - dt.timedelta(days=3), title="Rapat dengan media")
    client.force_login(national)
    page = client.get(reverse("publications:sop_overview", args=["35"])).content.decode()
    assert "Rapat dengan media" in page and "langkah terlambat" in page
    assert reverse("publications:activity_sop", args=[kediri.activities.get().id]) in page


def test_only_provinces_have_an_overview(client, users):
    client.force_login(users["national"])
    assert client.get(reverse("publications:sop_overview", args=["33"])).status_code == 200
    assert client.get(reverse("publications:sop_overview", args=["ID"])).status_code == 404
    assert client.get(reverse("publications:sop_overview", args=["3571"])).status_code == 404
    client.force_login(users["outsider"])
    assert client.get(reverse("publications:sop_overview", args=["35"])).status_code == 404


def test_the_office_page_lists_its_activities_in_a_fixed_number_of_queries(client, kediri, operator,
                                                                           make_activity):
    client.force_login(operator)
    url = reverse("publications:office_sop", args=["3571"])
    make_activity(kediri, timezone.localdate(), title="Pertama")
    with CaptureQueriesContext(connection) as first:
        assert "Pertama" in client.get(url).content.decode()
    for day in range(1, 10):
        activity = make_activity(kediri, timezone.localdate() - dt.timedelta(days=day), title=f"Ke-{day}")
        checklist_tick(activity=activity, step_code="foto_kegiatan", actor=operator)
    with CaptureQueriesContext(connection) as many:
        assert "Ke-9" in client.get(url).content.decode()
    assert len(many) == len(first)


def test_the_activity_page_needs_a_fixed_number_of_queries(client, kediri, operator, ketua, make_activity,
                                                           make_output):
    activity = make_activity(kediri, timezone.localdate(), "konferensi_pers")
    client.force_login(operator)
    url = reverse("publications:activity_sop", args=[activity.id])
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    for code in ("rencana_dokumentasi", "foto_kegiatan", "video_kegiatan"):
        checklist_tick(activity=activity, step_code=code, actor=operator)
    checklist_tick(activity=activity, step_code="kirim_siaran_pers", actor=ketua)
    for n in range(3):
        make_output(activity, operator, title=f"Berita {n} tentang konferensi pers KPU")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert "Berita 2" in page and len(many) == len(first)
