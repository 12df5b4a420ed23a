"""The JSON API is scoped exactly like the pages."""

import pytest

from bakohumas.access_testing import FORBIDDEN, MISSING, OK, ROLES, foreign_operator, row
from bakohumas.api import api
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


# Every API operation, requested by every role: (method, path in the OpenAPI schema) -> (query string,
# expected status per role). Anonymous callers get 401 everywhere. A new operation fails
# `test_every_api_operation_is_in_the_access_table` until it is added here.
API = {
    ("get", "/api/v1/periods"): ("", row(OK, OK, OK, OK, OK, OK)),
    ("get", "/api/v1/reports"): ("?period=2025Q2", row(OK, OK, OK, OK, OK, OK)),
    ("get", "/api/v1/reports/{report_id}"): ("", row(OK, OK, OK, OK, MISSING, OK)),
    ("get", "/api/v1/evaluation"): ("?period=2025Q2&region=35", row(MISSING, MISSING, MISSING, OK, MISSING, OK)),
}


def test_every_api_operation_is_in_the_access_table():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    operations = {(method, path) for path, item in schema["paths"].items() for method in item}
    assert operations == set(API)


def _api_url(operation: tuple[str, str], reports) -> str:
    query, _expected = API[operation]
    return operation[1].replace("{report_id}", str(reports[0].id)) + query  # reports[0]: Kediri (3571)


@pytest.mark.parametrize("operation", sorted(API))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_it_may_from_the_api(client, users, reports, operation, role):
    client.force_login(users[role])
    response = getattr(client, operation[0])(_api_url(operation, reports))
    assert response.status_code == API[operation][1][role], response.content[:300]
    if API[operation][1][role] == MISSING:  # an operator of a Jawa Tengah kab/kota gets nothing either
        client.force_login(foreign_operator())
        assert getattr(client, operation[0])(_api_url(operation, reports)).status_code in (MISSING, FORBIDDEN)


@pytest.mark.parametrize("operation", sorted(API))
def test_anonymous_api_callers_get_401(client, reports, operation):
    assert getattr(client, operation[0])(_api_url(operation, reports)).status_code == 401


def test_an_operator_of_another_province_lists_only_its_own_office(client, reports, make_report):
    make_report("3374", "2025Q2")
    client.force_login(foreign_operator())
    for query in ("", "?period=2025Q2", "?region=3374"):
        data = client.get(f"/api/v1/reports{query}").json()
        assert [item["office_code"] for item in data["items"]] == ["3374"], query
    assert client.get(f"/api/v1/reports/{reports[1].id}").status_code == MISSING  # Cilacap, same province


@pytest.mark.parametrize("role,region", [
    ("outsider", "35"), ("outsider", "3571"), ("evaluator", "33"), ("evaluator", "3301"), ("operator", "35"),
    ("operator", "3505"), ("pimpinan", "ID"), ("national", "9999"),
])
def test_a_region_parameter_outside_the_scope_is_404(client, users, reports, role, region):
    client.force_login(users[role])
    assert client.get(f"/api/v1/reports?region={region}").status_code == MISSING


def test_lists_hold_no_rows_of_other_offices(client, users, reports, make_report):
    make_report("3505", "2025Q2")  # Blitar, Jawa Timur: the province sees it, Kediri's staff do not
    seen = {}
    for role in ROLES:
        client.force_login(users[role])
        seen[role] = sorted(item["office_code"] for item in client.get("/api/v1/reports?limit=100").json()["items"])
    assert seen == {"operator": ["3571"], "ketua": ["3571"], "pimpinan": ["3571"], "evaluator": ["3505", "3571"],
                    "outsider": ["3301"], "national": ["3301", "3505", "3571"]}
