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


def test_a_second_click_returns_the_job_already_queued(users):
    first = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 3})
    again = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 3})
    other = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 4})
    assert again.pk == first.pk and other.pk != first.pk
    assert Job.objects.count() == 2


def test_a_job_delivered_twice_runs_once(users):
    from bakohumas.jobs.services import job_run

    job = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 5})
    runs = len(steps)
    job_run(str(job.pk))
    job_run(str(job.pk))
    assert len(steps) == runs + 1
    job.refresh_from_db()
    assert job.status == Job.Status.DONE


def test_prune_spares_unfinished_jobs_but_fails_those_left_for_an_hour(users):
    from django.utils import timezone

    queued = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 6})
    assert jobs_prune(older_than_days=7) == 0 and Job.objects.get(pk=queued.pk).status == Job.Status.QUEUED
    Job.objects.filter(pk=queued.pk).update(created_at=timezone.now() - timezone.timedelta(hours=2))
    jobs_prune(older_than_days=7)
    assert Job.objects.get(pk=queued.pk).status == Job.Status.FAILED


def test_the_page_of_a_job_left_for_an_hour_says_it_failed(client, users):
    from django.utils import timezone

    job = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 8})
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timezone.timedelta(hours=2))
    client.force_login(users["evaluator"])
    state = client.get(reverse("jobs:status", args=[job.id])).json()
    assert state["status"] == "failed" and state["finished"]


def test_the_download_list_has_a_fixed_number_of_queries(client, users, django_assert_max_num_queries):
    for n in range(15):
        Job.objects.create(kind="test_echo", title=f"Uji {n}", requested_by=users["evaluator"])
    client.force_login(users["evaluator"])
    with django_assert_max_num_queries(5):  # + the 2FA device (django-otp)
        assert client.get(reverse("jobs:list")).status_code == 200
    job = Job.objects.first()
    with django_assert_max_num_queries(5):
        assert client.get(reverse("jobs:detail", args=[job.id])).status_code == 200
