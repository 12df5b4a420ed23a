import datetime as dt

import pytest
from django.urls import reverse

from bakohumas.reports.models import Period

pytestmark = pytest.mark.django_db


def test_kpu_ri_opens_a_period_moves_its_deadline_and_closes_entry(client, national):
    client.force_login(national)
    response = client.post(reverse("reports:periods"), {"code": "2026q1", "deadline": "2026-04-15",
                                                        "entry_closed": "on"})
    assert response.status_code == 302
    period = Period.objects.get(code="2026Q1")
    assert period.deadline == dt.date(2026, 4, 15) and period.entry_closed
    client.post(reverse("reports:periods"), {"code": "2026Q1", "deadline": "2026-04-15"})
    period.refresh_from_db()
    assert not period.entry_closed


def test_a_deadline_inside_the_quarter_is_refused(client, national):
    client.force_login(national)
    response = client.post(reverse("reports:periods"), {"code": "2026Q1", "deadline": "2026-02-01"})
    assert response.status_code == 400
    assert "Batas waktu harus setelah akhir triwulan." in response.content.decode()
    assert Period.objects.get(code="2026Q1").deadline == dt.date(2026, 4, 10)


def test_a_bad_period_code_is_explained(client, national):
    client.force_login(national)
    response = client.post(reverse("reports:periods"), {"code": "2026Q5"})
    assert response.status_code == 400 and "YYYYQn" in response.content.decode()


def test_only_kpu_ri_may_change_periods(client, evaluator):
    client.force_login(evaluator)
    assert client.post(reverse("reports:periods"), {"code": "2026Q1"}).status_code == 403


@pytest.mark.parametrize("typed", ["Triwulan III 2026", "triwulan iii 2026", "TW 3 2026", "2026Q3"])
def test_a_period_can_be_named_as_people_say_it(client, national, typed):
    from bakohumas.reports.models import Period

    client.force_login(national)
    client.post(reverse("reports:periods"), {"code": typed, "deadline": "10 Oktober 2026"})
    period = Period.objects.get(code="2026Q3")
    assert period.deadline.isoformat() == "2026-10-10"
    html = client.get(reverse("reports:periods")).content.decode()
    assert "Triwulan III 2026" in html and ">2026Q3<" not in html and "2026Q3</span>" not in html
