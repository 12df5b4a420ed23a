"""The JSON API fuzzed with schemathesis against its own OpenAPI schema: for requests generated from the
schema, as KPU RI and as a kab/kota operator, with a few reports present, no answer is a server error and
every answer (status code, content type, body) is one the schema documents."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from bakohumas.api import api
from bakohumas.reports.models import Submission

pytestmark = pytest.mark.django_db

SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))
OPERATIONS = sorted((path, method.upper()) for path, item in SCHEMA.raw_schema["paths"].items() for method in item)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

# Besides what schemathesis makes up, sometimes use values that exist, so that 200 answers get checked too.
KNOWN = {"region": ["ID", "35", "3571", "33", "3301"], "period": ["2025Q1", "2025Q2", "2025Q3"],
         "missing_rule": ["carry_forward", "count_as_not_met"]}


@pytest.fixture
def app(settings):
    """The project's WSGI application, on the test's own database connection: like Django's test client,
    leave the connection open between requests (closing it would end the test's transaction). The rate
    limit is not what is tested here (test_security.py tests it); a fuzzer would hit it."""
    settings.API_RATE_USER = "100000/min"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def reports(make_report):
    return [make_report("3571", "2025Q2", status=Submission.Status.VERIFIED), make_report("3571", "2025Q1"),
            make_report("3505", "2025Q2", status=Submission.Status.RETURNED), make_report("3301", "2025Q2")]


@pytest.mark.parametrize("role", ["national", "operator"])
@pytest.mark.parametrize("path,method", OPERATIONS)
def test_the_api_answers_only_what_its_schema_says(app, client, users, reports, role, path, method):
    client.force_login(users[role])
    cookies = {"sessionid": client.cookies["sessionid"].value}
    report_ids = [str(report.id) for report in reports]

    @given(case=SCHEMA[path][method].as_strategy(), known=st.fixed_dictionaries(
        {name: st.none() | st.sampled_from(values) for name, values in KNOWN.items()}),
        report_id=st.none() | st.sampled_from(report_ids))
    @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def fuzz(case, known, report_id):
        if report_id and "report_id" in (case.path_parameters or {}):
            case.path_parameters["report_id"] = report_id
        for name, value in known.items():
            if value is not None and case.query is not None and name in case.query:
                case.query[name] = value
        response = case.call(app=app, cookies=cookies)
        case.validate_response(response, checks=CHECKS)
        seen.add(response.status_code)

    seen: set[int] = set()
    fuzz()
    # Not only refusals were checked: some answers carried data (an operator has no evaluation to see).
    assert (200 in seen) is not (role == "operator" and path == "/api/v1/evaluation"), seen
