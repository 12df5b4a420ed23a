"""The province and national pages: content and a bounded number of queries."""

import pytest
from django.urls import reverse

from bakohumas.offices.models import Office
from bakohumas.reports.models import Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(make_report):
    import datetime as dt

    make_report("3571", "2025Q1")
    make_report("3571", "2025Q2", status=Submission.Status.VERIFIED, wa_bakohumas_eksternal=1)
    make_report("3572", "2025Q2", reported_on=dt.date(2025, 7, 12))
    make_report("3301", "2025Q2")


def test_the_evaluation_page_shows_indicators_and_findings(client, evaluator, reports,
                                                          django_assert_max_num_queries):
    client.force_login(evaluator)
    with django_assert_max_num_queries(33):  # + the previous quarter (5), constraint texts (1), follow-up (1), 2FA (1),
        # Rakor absences (1),
        # the edits (1) and the recommendations: report values (2) and the records' signals (about 8)
        response = client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"]))
    html = response.content.decode()
    assert "Hanya 2 dari 38 KPU Kabupaten/Kota yang telah memanfaatkan grup WhatsApp Bakohumas eksternal." in html
    assert "KPU Kota Blitar" in html  # late, named
    assert "5,3%" in html


def test_the_missing_rule_can_be_switched(client, evaluator, reports):
    client.force_login(evaluator)
    page = client.get(reverse("evaluation:evaluation", args=["35", "2025Q2"]) + "?aturan=count_as_not_met")
    assert page.context["result"].missing_rule == "count_as_not_met"


def test_the_completeness_grid_names_who_reported_and_who_did_not(client, evaluator, reports,
                                                                 django_assert_max_num_queries):
    client.force_login(evaluator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("evaluation:completeness", args=["35", "2025Q2"]))
    assert response.context["reported_count"] == 2
    assert len(response.context["missing"]) == 36
    assert response.context["late_count"] == 1
    assert "KPU Kabupaten Pacitan" in response.content.decode()


def test_the_national_table_lists_every_province(client, national, reports, django_assert_max_num_queries):
    client.force_login(national)
    with django_assert_max_num_queries(26):  # + the recommendations' report values and signals (about 8)
        response = client.get(reverse("evaluation:national", args=["2025Q2"]))
    assert len(response.context["provinces"]) == Office.objects.provinces().count() == 38
    html = response.content.decode()
    assert "Jawa Timur" in html and "Papua Barat Daya" in html


def test_the_province_home_shows_completeness(client, evaluator, reports, django_assert_max_num_queries):
    client.force_login(evaluator)
    with django_assert_max_num_queries(12):
        html = client.get("/").content.decode()
    assert "2/38" in html and "KPU Kabupaten Pacitan" in html


def test_the_office_home_has_a_bounded_number_of_queries(client, operator, reports,
                                                         django_assert_max_num_queries):
    client.force_login(operator)
    with django_assert_max_num_queries(12):  # with the records summary; + whether the user has a 2FA device
        assert client.get("/").status_code == 200
