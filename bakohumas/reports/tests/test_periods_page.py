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
