"""Background jobs belong to whoever asked for them: nobody else sees their progress or file."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bakohumas.access_testing import BAD, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.jobs.models import Job

pytestmark = pytest.mark.django_db

OWNER_ONLY = row(MISSING, MISSING, MISSING, OK, MISSING, MISSING)

PAGES = {
    "jobs:list": ("get", "none", row(OK, OK, OK, OK, OK, OK)),
    "jobs:detail": ("get", "job", OWNER_ONLY),
    "jobs:status": ("get", "job", OWNER_ONLY),
    "jobs:download": ("get", "job", OWNER_ONLY),
    # Without a format the request is refused; those who may not evaluate the province never get that far.
    "evaluation:request_document": ("post", "province_period", row(MISSING, MISSING, MISSING, BAD, MISSING, BAD)),
}


@pytest.fixture
def job(users, tmp_path):
    from django.core.files.base import ContentFile

    job = Job(kind="evaluation_document", title="Evaluasi Jawa Timur", requested_by=users["evaluator"],
              status=Job.Status.DONE, progress=100, filename="evaluasi.pdf", content_type="application/pdf")
    job.file.save("evaluasi.pdf", ContentFile(b"%PDF-1.7 uji"), save=True)
    return job


def _args(kind: str, job: Job) -> list:
    return {"none": [], "job": [job.id], "province_period": ["35", "2025Q2"]}[kind]


@pytest.fixture
def period(db):
    from bakohumas.reports.services import period_get_or_create

    return period_get_or_create("2025Q2")


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, job, period, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: _args(kind, job))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, job, period, name):
    check_anonymous(client, PAGES, name, lambda kind: _args(kind, job))


def test_the_owner_downloads_the_file(client, users, job):
    client.force_login(users["evaluator"])
    response = client.get(reverse("jobs:download", args=[job.id]))
    assert b"".join(response.streaming_content) == b"%PDF-1.7 uji"
    assert 'filename="evaluasi.pdf"' in response["Content-Disposition"]
