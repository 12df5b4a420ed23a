from __future__ import annotations

import datetime as dt
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from bakohumas.faketime_testing import needs_timed_waits
from bakohumas.jobs.models import Job
from bakohumas.jobs.registry import JobOutput, register_runner
from bakohumas.jobs.services import job_recover_if_stale, job_request, job_run, jobs_prune

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
    assert state["message"] == "Tidak ada pekerja latar belakang yang mengerjakannya dalam satu jam."


# --- a worker that died: heartbeats ---------------------------------------------------------------

def _as_if_its_worker_died(job: Job, *, attempts: int = 1, minutes_ago: int = 5) -> None:
    """The state a killed worker leaves: claimed (running), then no heartbeat since."""
    last = timezone.now() - dt.timedelta(minutes=minutes_ago)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=attempts, started_at=last,
                                         heartbeat_at=last, progress=30, message="Menggambar grafik")


def test_a_job_whose_worker_died_is_queued_again_and_the_page_says_so(
        client, users, django_capture_on_commit_callbacks):
    job = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 9})
    _as_if_its_worker_died(job)
    client.force_login(users["evaluator"])
    with django_capture_on_commit_callbacks(execute=True) as queued:
        state = client.get(reverse("jobs:status", args=[job.id])).json()
    assert state["status"] == "queued" and not state["finished"] and len(queued) == 1
    assert state["message"] == ("Pekerja latar belakang berhenti di tengah jalan; pekerjaan ini diulang dari "
                                "awal.")
    job.refresh_from_db()  # the retry ran (the tests' backend runs a job when it is queued)
    assert job.status == Job.Status.DONE and job.attempts == 2 and job.file.read() == b"isi 9"


def test_a_job_whose_worker_died_twice_is_failed_with_a_message(client, users, django_capture_on_commit_callbacks):
    job = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 10})
    _as_if_its_worker_died(job, attempts=2)
    client.force_login(users["evaluator"])
    with django_capture_on_commit_callbacks(execute=True) as queued:
        page = client.get(reverse("jobs:detail", args=[job.id])).content.decode()
    assert not queued and "berhenti di tengah jalan dua kali" in page and "Pembuatan berkas gagal" in page
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.finished_at and "stale" in job.error


def test_a_long_job_that_still_beats_keeps_running(client, users):
    job = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 11})
    _as_if_its_worker_died(job, minutes_ago=1)  # a beat a minute ago: alive
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - dt.timedelta(hours=2),
                                         started_at=timezone.now() - dt.timedelta(hours=2))
    client.force_login(users["evaluator"])
    assert client.get(reverse("jobs:status", args=[job.id])).json()["status"] == "running"
    assert client.get(reverse("jobs:list")).status_code == 200
    assert Job.objects.get(pk=job.pk).status == Job.Status.RUNNING


def test_the_download_list_and_the_daily_sweep_recover_a_dead_job(client, users, django_capture_on_commit_callbacks):
    seen = job_request(user=users["evaluator"], kind="test_echo", title="Uji", params={"n": 12})
    unseen = job_request(user=users["national"], kind="test_echo", title="Uji", params={"n": 13})
    _as_if_its_worker_died(seen)
    _as_if_its_worker_died(unseen, attempts=2)
    client.force_login(users["evaluator"])
    with django_capture_on_commit_callbacks(execute=False) as queued:
        assert "Menunggu giliran" in client.get(reverse("jobs:list")).content.decode()
    assert Job.objects.get(pk=seen.pk).status == Job.Status.QUEUED and len(queued) == 1
    assert Job.objects.get(pk=unseen.pk).status == Job.Status.RUNNING  # another user's
    jobs_prune(older_than_days=7)
    assert Job.objects.get(pk=unseen.pk).status == Job.Status.FAILED


def _frozen_runner(params, progress):
    """A worker that stalls past HEARTBEAT_STALE: taken for lost and retried, then it wakes up."""
    job = Job.objects.get(params=params)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - dt.timedelta(minutes=5))
    job_recover_if_stale(Job.objects.get(pk=job.pk))
    progress(90, "Hampir selesai")
    return JobOutput(b"terlambat", "hasil.txt", "text/plain")


register_runner("test_frozen", _frozen_runner)


def test_a_run_taken_for_lost_changes_nothing_when_it_wakes_up(users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    job = job_request(user=users["evaluator"], kind="test_frozen", title="Uji", params={"frozen": 1})
    job_run(str(job.pk))
    job.refresh_from_db()
    assert (job.status, job.progress, job.file.name) == (Job.Status.QUEUED, 0, "")
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]  # its file was removed


def _slow_runner(params, progress):
    job = Job.objects.get(params=params)
    first = Job.objects.get(pk=job.pk).heartbeat_at
    time.sleep(0.5)  # one long step, no progress reported
    beats.append((first, Job.objects.get(pk=job.pk).heartbeat_at))
    return JobOutput(b"lambat", "hasil.txt", "text/plain")


beats: list = []
register_runner("test_slow", _slow_runner)


@pytest.mark.django_db(transaction=True)  # the heartbeat thread writes through its own connection
@needs_timed_waits  # the heartbeat thread waits with a timeout
def test_a_running_job_beats_while_a_long_step_runs(users, monkeypatch):
    from bakohumas.jobs import services

    monkeypatch.setattr(services, "HEARTBEAT_EVERY", 0.05)
    job = Job.objects.create(kind="test_slow", title="Uji", params={"slow": 1}, requested_by=users["evaluator"])
    job_run(str(job.pk))
    first, later = beats[-1]
    assert first is not None and later > first
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.heartbeat_at >= later


def test_the_download_list_has_a_fixed_number_of_queries(client, users, django_assert_max_num_queries):
    for n in range(15):
        Job.objects.create(kind="test_echo", title=f"Uji {n}", requested_by=users["evaluator"])
    client.force_login(users["evaluator"])
    with django_assert_max_num_queries(5):  # + the 2FA device (django-otp)
        assert client.get(reverse("jobs:list")).status_code == 200
    job = Job.objects.first()
    with django_assert_max_num_queries(5):
        assert client.get(reverse("jobs:detail", args=[job.id])).status_code == 200
