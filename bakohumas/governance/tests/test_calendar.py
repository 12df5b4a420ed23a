"""The content calendar: holidays and commemorations of the year, planned posts per office, and
planning them (create, edit, duplicates)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from bakohumas.audit.models import AuditEntry
from bakohumas.governance.content_calendar import month_calendar, special_days
from bakohumas.governance.models import PlannedPost
from bakohumas.governance.services import planned_post_create
from bakohumas.offices.models import Office

pytestmark = pytest.mark.django_db


def _plan(office, day: dt.date, topic: str = "Cara cek DPT online", platform: str = "instagram") -> PlannedPost:
    return planned_post_create(office=office, actor=None, data={"planned_on": day, "platform": platform,
                                                                "topic": topic})


def test_the_year_has_independence_day_and_the_commemorations():
    days = {(d.date, d.name): d for d in special_days(2025)}
    independence = days[(dt.date(2025, 8, 17), "Hari Kemerdekaan Republik Indonesia")]
    assert independence.kind == "libur" and "pemilih" in independence.angle
    youth = days[(dt.date(2025, 10, 28), "Hari Sumpah Pemuda")]
    assert youth.kind == "peringatan" and "Pemilih pemula" in youth.angle and youth.basis
    assert (dt.date(2025, 6, 1), "Hari Lahir Pancasila") in days
    assert (dt.date(2025, 3, 31), "Hari Raya Idul Fitri") in days  # religious days come from the library


def test_the_month_lists_holidays_and_the_plans_in_scope(kediri, jatim):
    _plan(kediri, dt.date(2025, 8, 17))
    _plan(Office.objects.get(code="3578"), dt.date(2025, 8, 20), "Rekrutmen PPS")
    _plan(Office.objects.get(code="3301"), dt.date(2025, 8, 21), "Di provinsi lain")
    august = month_calendar(kediri, dt.date(2025, 8, 1))
    seventeenth = next(d for d in august.days if d.date == dt.date(2025, 8, 17))
    assert [s.name for s in seventeenth.special] == ["Hari Kemerdekaan Republik Indonesia"]
    assert [p.topic for p in seventeenth.plans] == ["Cara cek DPT online"]
    assert august.plans == 1
    assert month_calendar(jatim, dt.date(2025, 8, 1)).plans == 2  # the province sees its kab/kota's plans
    assert (august.previous, august.next) == (dt.date(2025, 7, 1), dt.date(2025, 9, 1))


def test_the_calendar_page_shows_the_reminder_and_takes_few_queries(client, operator, kediri,
                                                                    django_assert_max_num_queries):
    for day in range(1, 10):
        _plan(kediri, dt.date(2025, 10, day), f"Topik {day}")
    client.force_login(operator)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("governance:calendar", args=["3571"]), {"bulan": "2025-10"})
    page = response.content.decode()
    assert "Ucapan bukan pengganti informasi." in page
    assert "Hari Sumpah Pemuda" in page and "Topik 9" in page and "28 Oktober 2025" in page


def test_office_staff_plan_a_post(client, operator, kediri):
    client.force_login(operator)
    response = client.post(reverse("governance:plan_create", args=["3571"]), {
        "planned_on": "2025-10-28", "platform": "instagram", "topic": "Syarat pemilih pemula",
        "notes": "Infografis", "status": "direncanakan"})
    assert response.status_code == 302 and response.url.endswith("?bulan=2025-10")
    plan = PlannedPost.objects.get()
    assert (plan.office, plan.created_by, plan.topic) == (kediri, operator, "Syarat pemilih pemula")
    assert AuditEntry.objects.filter(action="governance.planned_post.create").count() == 1


def test_a_plan_is_marked_published(client, ketua, kediri):
    plan = _plan(kediri, dt.date(2025, 10, 28))
    client.force_login(ketua)
    response = client.post(reverse("governance:plan_edit", args=[plan.id]), {
        "planned_on": "2025-10-28", "platform": "instagram", "topic": plan.topic, "status": "terbit"})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == "terbit"
    assert AuditEntry.objects.filter(action="governance.planned_post.update").count() == 1


def test_bad_input_gets_indonesian_messages(client, operator, kediri):
    _plan(kediri, dt.date(2025, 10, 28), "Syarat pemilih pemula")
    client.force_login(operator)
    url = reverse("governance:plan_create", args=["3571"])
    response = client.post(url, {"planned_on": "28/10", "platform": "instagram", "topic": "", "status": "terbit"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Tanggal tidak dikenali" in page and "28/10" in page and "Isi topik informasinya." in page
    response = client.post(url, {"planned_on": "2025-10-28", "platform": "instagram",
                                 "topic": "Syarat pemilih pemula", "status": "direncanakan"})
    assert response.status_code == 400 and "sudah tercatat" in response.content.decode()
    assert PlannedPost.objects.count() == 1


def test_the_demo_plans_load_once():
    from bakohumas.governance.demo import governance_demo_load

    assert governance_demo_load() > 5
    count = PlannedPost.objects.count()
    assert governance_demo_load() == 0 and PlannedPost.objects.count() == count
    assert PlannedPost.objects.filter(office__code="3578").count() == 3


@pytest.mark.parametrize("value", ["1-01", "9999-12", "1999-12", "2101-01", "2025-13", "2025-00", "agustus", "2025-8-1"])
def test_a_month_outside_the_calendar_shows_this_month_with_a_message(client, operator, kediri, value):
    client.force_login(operator)
    response = client.get(reverse("governance:calendar", args=["3571"]), {"bulan": value})
    assert response.status_code == 400
    today = timezone.localdate()
    assert response.context["cal"].month == today.replace(day=1)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert "Ditampilkan bulan ini" in response.content.decode()


def test_the_first_and_last_months_have_no_link_beyond(client, operator, kediri):
    client.force_login(operator)
    for value, missing, present in (("2000-01", "?bulan=1999-12", "?bulan=2000-02"),
                                    ("2100-12", "?bulan=2101-01", "?bulan=2100-11")):
        response = client.get(reverse("governance:calendar", args=["3571"]), {"bulan": value})
        page = response.content.decode()
        assert response.status_code == 200 and missing not in page and present in page
