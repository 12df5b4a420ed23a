"""Office, region and period codes in paths and API parameters have one shape; anything else (a
NUL byte, which PostgreSQL refuses in text, included) is 404 for a page and 422 for the API."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/kantor/35%0071/", "/kantor/357/", "/evaluasi/35/2025Q2%00/",
                                 "/evaluasi/35/2025Q5/", "/laporan/mulai/3571/2025%00Q2/"])
def test_a_page_with_a_malformed_code_is_not_found(client, users, url):
    client.force_login(users["national"])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("query", ["/reports?region=3%005", "/reports?period=2025q2",
                                   "/evaluation?period=2025Q2%00&region=35", "/evaluation?period=2025Q2&region=IDN"])
def test_an_api_call_with_a_malformed_code_is_refused_as_invalid(client, users, query):
    client.force_login(users["national"])
    assert client.get("/api/v1" + query).status_code == 422


def test_well_formed_codes_still_resolve(client, users, make_report):
    make_report("3571", "2025Q2")
    client.force_login(users["national"])
    assert client.get("/kantor/3571/").status_code == 200
    assert client.get("/api/v1/evaluation?period=2025Q2&region=ID").status_code == 200
