"""The JSON API is scoped exactly like the pages."""

import pytest

from bakohumas.reports.models import Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(make_report):
    return [make_report("3571", "2025Q2", status=Submission.Status.VERIFIED), make_report("3301", "2025Q2")]


def test_anonymous_callers_are_refused(client, reports):
    assert client.get("/api/v1/reports").status_code == 401
    assert client.get("/api/v1/evaluation?period=2025Q2&region=35").status_code == 401


@pytest.mark.parametrize("role,expected", [
    ("operator", ["3571"]), ("pimpinan", ["3571"]), ("evaluator", ["3571"]), ("outsider", ["3301"]),
    ("national", ["3301", "3571"]),
])
def test_reports_list_only_what_the_role_sees(client, users, reports, role, expected):
    client.force_login(users[role])
    data = client.get("/api/v1/reports?period=2025Q2").json()
    assert sorted(item["office_code"] for item in data["items"]) == expected


def test_a_report_of_another_province_is_404(client, users, reports):
    client.force_login(users["outsider"])
    assert client.get(f"/api/v1/reports/{reports[0].id}").status_code == 404
    client.force_login(users["evaluator"])
    body = client.get(f"/api/v1/reports/{reports[0].id}").json()
    assert body["status"] == "verified" and body["values"]["berita_website"] == 5


@pytest.mark.parametrize("role,region,status", [
    ("evaluator", "35", 200), ("national", "35", 200), ("national", "ID", 200), ("outsider", "35", 404),
    ("evaluator", "ID", 404), ("operator", "35", 404), ("operator", "3571", 404),
])
def test_evaluation_is_scoped(client, users, reports, role, region, status):
    client.force_login(users[role])
    response = client.get(f"/api/v1/evaluation?period=2025Q2&region={region}")
    assert response.status_code == status
    if status == 200:
        assert response.json()["region"]["code"] == region


def test_bad_parameters_get_422(client, users, reports):
    client.force_login(users["national"])
    assert client.get("/api/v1/evaluation?period=2025Q2&missing_rule=nebak").status_code == 422
    assert client.get("/api/v1/evaluation?period=2031Q1").status_code == 404


def test_the_openapi_schema_describes_the_endpoints(client, users):
    client.force_login(users["operator"])
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/reports", "/api/v1/reports/{report_id}", "/api/v1/evaluation", "/api/v1/periods"} <= set(
        schema["paths"])
