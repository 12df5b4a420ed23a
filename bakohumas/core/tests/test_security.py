"""Rate limits (API and public forms), the strict Content-Security-Policy everywhere (the API docs
included), and the health check."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import DatabaseError
from django.test import RequestFactory
from django.urls import reverse

from bakohumas.core.middleware import CONTENT_SECURITY_POLICY
from bakohumas.core.ratelimit import client_ip, over_rate_limit
from bakohumas.reports.models import Submission

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


# --- health check -------------------------------------------------------------------------------

def test_health_is_plain_ok_without_login(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(reverse("health"))
    assert response.status_code == 200 and response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain") and "no-cache" in response["Cache-Control"]


def test_health_is_503_when_the_database_fails(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(self, sql, params=None):
        raise DatabaseError("mati")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get(reverse("health"))
    assert response.status_code == 503


# --- API rate limits ----------------------------------------------------------------------------

def test_api_calls_beyond_the_rate_get_429_in_indonesian(client, settings, users):
    settings.API_RATE_USER = "3/min"
    client.force_login(users["evaluator"])
    assert [client.get("/api/v1/periods").status_code for _ in range(3)] == [200, 200, 200]
    response = client.get("/api/v1/periods")
    assert response.status_code == 429
    assert response.json() == {"detail": "Terlalu banyak permintaan. Coba lagi sebentar lagi."}
    assert int(response["Retry-After"]) > 0
    client.force_login(users["national"])  # counted per user, not per address
    assert client.get("/api/v1/periods").status_code == 200


def test_anonymous_api_calls_beyond_the_rate_get_429_not_401(client, settings, users):
    settings.API_RATE_ANON = "2/min"
    assert [client.get("/api/v1/periods").status_code for _ in range(2)] == [401, 401]
    response = client.get("/api/v1/periods")
    assert response.status_code == 429
    assert response.json() == {"detail": "Terlalu banyak permintaan. Coba lagi sebentar lagi."}
    assert int(response["Retry-After"]) > 0
    other = client.get("/api/v1/periods", REMOTE_ADDR="10.9.9.9")  # counted per address
    assert other.status_code == 401
    client.force_login(users["evaluator"])  # a session is counted by the user rate, not the address
    assert client.get("/api/v1/periods").status_code == 200


def test_api_default_rates_come_from_settings(settings):
    assert settings.API_RATE_USER == "120/min" and settings.API_RATE_ANON == "30/min"


# --- public forms -------------------------------------------------------------------------------

def _request(remote: str = "10.0.0.1", forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_client_ip_trusts_x_forwarded_for_only_behind_configured_proxies(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_ip(_request("10.0.0.1", "1.2.3.4")) == "10.0.0.1"  # a client cannot pick its address
    settings.TRUSTED_PROXIES = 1
    assert client_ip(_request("10.0.0.1", "6.6.6.6, 1.2.3.4")) == "1.2.3.4"  # what our proxy saw
    assert client_ip(_request("10.0.0.1")) == "10.0.0.1"
    settings.TRUSTED_PROXIES = 2
    assert client_ip(_request("10.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.9")) == "1.2.3.4"


def test_over_rate_limit_counts_per_address_and_scope(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    assert [over_rate_limit(_request(), "uji") for _ in range(3)] == [False, False, True]
    assert over_rate_limit(_request("10.0.0.2"), "uji") is False  # another address
    assert over_rate_limit(_request(), "lain") is False  # another form
    assert over_rate_limit(_request(), "lain", limit=0) is True


def test_the_public_ppid_form_is_rate_limited_for_a_flood_of_posts(client, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 1  # every post counts here, valid or not
    url = reverse("ppid:public_request", args=["3571"])
    assert client.post(url, {}).status_code == 400
    response = client.post(url, {})
    assert response.status_code == 429


# --- Content-Security-Policy --------------------------------------------------------------------

@pytest.mark.parametrize("page", ["home", "login", "report", "api_docs", "opac", "ppid_form"])
def test_every_html_page_has_the_strict_policy(client, users, make_report, page):
    submission = make_report("3571", "2025Q2", status=Submission.Status.SUBMITTED)
    if page in {"home", "report"}:
        client.force_login(users["operator"])
    url = {"home": reverse("home"), "login": reverse("login"), "report": reverse("reports:detail", args=[submission.id]),
           "api_docs": "/api/v1/docs", "opac": reverse("library:opac_search"),
           "ppid_form": reverse("ppid:public_request", args=["3571"])}[page]
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    policy = response["Content-Security-Policy"]
    assert policy == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    html = response.content.decode()
    # No inline script: every <script> has a src, or is data (type="application/json"), not code.
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert "src=" in opening or 'type="application/json"' in opening, opening


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_swagger_ui_runs_under_the_strict_policy(browser, live_server):
    """django-ninja serves Swagger UI from its static files (ninja is in INSTALLED_APPS) and passes its
    settings as a JSON data block, so the API docs need no exemption from the policy."""
    from playwright.sync_api import expect

    page = browser.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Bakohumas API")
    expect(page.locator(".opblock").first).to_be_visible()
    # Swagger UI may try one inline style (swagger-api/swagger-ui#10655), which the policy blocks
    # harmlessly; no script is ever refused.
    assert [text for text in violations if "script" in text.lower()] == []
