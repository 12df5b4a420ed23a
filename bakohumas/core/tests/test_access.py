"""Guard: every page, requested by every role. Outsiders get 404, read-only roles 403, anonymous
users the login page. A new URL pattern fails this test until it is added to the table."""

from __future__ import annotations

import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver

from bakohumas.access_testing import BAD, FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.library.tests.conftest import PDF
from bakohumas.reports.models import Submission

pytestmark = pytest.mark.django_db

EVIDENCE_CODE = "berita_website"



# name: (method, args builder key, expected status per role)
PAGES = {
    "home": ("get", "none", row(OK, OK, OK, OK, OK, OK)),
    "login": ("get", "none", row(FOUND, FOUND, FOUND, FOUND, FOUND, FOUND)),
    "logout": ("post", "none", row(FOUND, FOUND, FOUND, FOUND, FOUND, FOUND)),
    "set_language": ("post", "none", row(FOUND, FOUND, FOUND, FOUND, FOUND, FOUND)),
    "health": ("get", "none", row(OK, OK, OK, OK, OK, OK)),
    "offices:detail": ("get", "office", row(OK, OK, OK, OK, MISSING, OK)),
    "offices:handover": ("post", "office", row(FORBIDDEN, BAD, FORBIDDEN, BAD, MISSING, BAD)),
    "reports:periods": ("get", "none", row(OK, OK, OK, OK, OK, OK)),
    "reports:start": ("post", "office_period", row(FOUND, FOUND, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)),
    "reports:import": ("get", "none", row(OK, OK, FORBIDDEN, OK, OK, OK)),
    "reports:import_confirm": ("post", "none", row(FOUND, FOUND, FORBIDDEN, FOUND, FOUND, FOUND)),
    "reports:export": ("get", "province_period", row(MISSING, MISSING, MISSING, OK, MISSING, OK)),
    "reports:detail": ("get", "submission", row(OK, OK, OK, OK, MISSING, OK)),
    "reports:submit": ("post", "submission", row(FORBIDDEN, FOUND, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)),
    "reports:return": ("post", "submission", row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND, MISSING, FOUND)),
    "reports:verify": ("post", "submission", row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND, MISSING, FOUND)),
    "reports:version": ("get", "version", row(OK, OK, OK, OK, MISSING, OK)),
    "reports:evidence": ("get", "evidence", row(OK, OK, OK, OK, MISSING, OK)),
    "evaluation:evaluation": ("get", "province_period", row(MISSING, MISSING, MISSING, OK, MISSING, OK)),
    "evaluation:completeness": ("get", "province_period", row(MISSING, MISSING, MISSING, OK, MISSING, OK)),
}
PUBLIC = {"login", "set_language", "health"}
SKIPPED_NAMESPACES = {"admin", "api"}  # Django's admin; the API has its own access test


def _names(resolver: URLResolver, prefix: str = "") -> set[str]:
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = pattern.namespace or ""
            if namespace in SKIPPED_NAMESPACES:
                continue
            names |= _names(pattern, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(prefix + pattern.name)
    return names


# Apps keep their own access table next to their own fixtures: `PAGES` in
# `bakohumas/<app>/tests/test_access_<app>.py`, with the same shape as the table above.
APP_TABLES = ["bakohumas.ppid.tests.test_access_ppid", "bakohumas.followup.tests.test_access_followup",
              "bakohumas.evaluation.tests.test_access_scorecard", "bakohumas.library.tests.test_access_library",
              "bakohumas.jobs.tests.test_access_jobs", "bakohumas.records.tests.test_access_records",
              "bakohumas.reports.tests.test_access_overrides", "bakohumas.offices.tests.test_access_offices",
              "bakohumas.quality.tests.test_access_quality", "bakohumas.media.tests.test_access_media",
              "bakohumas.publications.tests.test_access_publications", "bakohumas.posts.tests.test_access_posts",
              "bakohumas.governance.tests.test_access_governance", "bakohumas.accounts.tests.test_access_accounts",
              "bakohumas.audit.tests.test_access_audit", "bakohumas.meetings.tests.test_access_meetings"]


def _all_tables() -> set[str]:
    names = set(PAGES)
    for module_name in APP_TABLES:
        names |= set(importlib.import_module(module_name).PAGES)
    return names


def test_every_page_is_in_an_access_table():
    assert _names(get_resolver()) == _all_tables()


@pytest.fixture
def submission(make_report):
    submission = make_report("3571", "2025Q2", status=Submission.Status.SUBMITTED)
    submission.values.get(code=EVIDENCE_CODE).evidence_file.save("bukti.pdf", ContentFile(PDF))
    return submission


def _args(kind: str, submission: Submission) -> list:
    return {
        "none": [], "office": ["3571"], "office_period": ["3571", "2025Q3"], "period": ["2025Q2"],
        "province_period": ["35", "2025Q2"], "submission": [submission.id], "version": [submission.id, 1],
        "evidence": [submission.id, EVIDENCE_CODE],
    }[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_it_may(client, users, submission, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: _args(kind, submission))


@pytest.mark.parametrize("name", sorted(set(PAGES) - PUBLIC - {"logout"}))
def test_anonymous_users_are_sent_to_login(client, submission, name):
    check_anonymous(client, PAGES, name, lambda kind: _args(kind, submission))
