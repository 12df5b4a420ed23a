from __future__ import annotations

import pytest
from django.urls import reverse

from bakohumas.jobs.models import Job
from bakohumas.jobs.registry import JobOutput, register_runner
from bakohumas.jobs.services import job_request, jobs_prune

pytestmark = pytest.mark.django_db

steps: list[tuple[int, str]] = []


def _runner(params, progress):
    if params.get("fail"):
        raise RuntimeError("rusak")
    progress(50, "Menggambar grafik")
    steps.append((50, "Menggambar grafik"))
    return JobOutput(f"isi {params['n']}".encode(), "hasil.txt", "text/plain")


register_runner("test_echo", _runner)


def test_it_runs_a_job_after_commit_and_keeps_the_file(users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 7})
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.progress == 100
    assert job.file.read() == b"isi 7" and job.filename == "hasil.txt"
    assert steps[-1] == (50, "Menggambar grafik")


def test_a_failed_job_says_so_and_keeps_the_error(users, django_capture_on_commit_callbacks):
    # The task backend records the exception for the worker's log; the user sees the job's state.
    with django_capture_on_commit_callbacks(execute=True):
        job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"fail": True})
    job = Job.objects.get(requested_by=users["evaluator"])
    assert job.status == Job.Status.FAILED and "rusak" in job.error and not job.file


def test_an_unknown_kind_is_refused_before_anything_is_queued(users):
    with pytest.raises(LookupError):
        job_request(user=users["evaluator"], kind="nothing", title="Uji", params={})
    assert not Job.objects.exists()


def test_the_status_endpoint_reports_progress_then_the_download(client, users):
    job = Job.objects.create(kind="test_echo", title="Uji", requested_by=users["evaluator"],
                             status=Job.Status.RUNNING, progress=40, message="Menyusun tabel")
    client.force_login(users["evaluator"])
    state = client.get(reverse("jobs:status", args=[job.id])).json()
    assert state == {"status": "running", "status_label": "Sedang dikerjakan", "progress": 40,
                     "message": "Menyusun tabel", "finished": False, "download_url": None,
                     "download_label": ""}
    page = client.get(reverse("jobs:detail", args=[job.id])).content.decode()
    assert 'http-equiv="refresh"' in page and "Menyusun tabel" in page


def test_prune_removes_old_jobs_and_their_files(users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 1})
    job.refresh_from_db()
    storage, name = job.file.storage, job.file.name
    assert jobs_prune(older_than_days=7) == 0
    Job.objects.filter(pk=job.pk).update(created_at=job.created_at.replace(year=2020))
    assert jobs_prune(older_than_days=7) == 1
    assert not storage.exists(name) and not Job.objects.exists()
