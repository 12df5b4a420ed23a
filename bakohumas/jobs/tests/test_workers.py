"""The two production paths run a job through a real worker: the database queue with
`db_worker`, and RQ on the Redis server (required under CI, skipped with a reason elsewhere)."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from bakohumas.jobs.models import Job
from bakohumas.jobs.registry import JobOutput, register_runner
from bakohumas.jobs.services import job_request

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("BAKOHUMAS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _runner(params, progress):
    progress(60, "Hampir selesai")
    return JobOutput(b"dari pekerja", "hasil.txt", "text/plain")


register_runner("test_worker", _runner)


def _queue_job(user, capture) -> Job:
    with capture(execute=True):
        job = job_request(user=user, kind="test_worker", title="Uji pekerja", params={})
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED  # nothing runs it inside the request
    return job


# db_worker closes the database connection after each task, as a long-running worker should; in a
# test that needs real transactions (on PostgreSQL the test's own transaction would be closed).
@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_a_queued_job(settings, users, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": settings.TASK_BACKENDS["database"]}}
    job = _queue_job(users["evaluator"], django_capture_on_commit_callbacks)
    call_command("worker", "--burst", verbosity=0)  # what `bakohumas worker` runs: db_worker
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.file.read() == b"dari pekerja"


@pytest.fixture
def redis_queue(settings):
    import redis

    connection = redis.Redis.from_url(REDIS_URL)
    try:
        connection.ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"CI requires Redis at {REDIS_URL}")
        pytest.skip(f"no Redis server at {REDIS_URL}")
    connection.flushdb()
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": settings.TASK_BACKENDS["rq"], "QUEUES": ["default"]}}
    yield connection
    connection.flushdb()


def test_an_rq_worker_on_redis_runs_a_queued_job(redis_queue, users, django_capture_on_commit_callbacks):
    import django_rq
    from django_tasks_rq import Job as RQJob
    from rq import SimpleWorker

    job = _queue_job(users["evaluator"], django_capture_on_commit_callbacks)
    queue = django_rq.get_queue("default")
    assert queue.count == 1
    # The worker `bakohumas rqworker --job-class django_tasks_rq.Job` runs, in this process so it
    # sees the test database.
    SimpleWorker([queue], connection=queue.connection, job_class=RQJob).work(burst=True)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.file.read() == b"dari pekerja"


def _kill_its_worker(job: Job) -> None:
    """What `kill -9` of the worker running the job leaves: the job running, no heartbeat since."""
    last = timezone.now() - dt.timedelta(minutes=10)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=1, started_at=last, heartbeat_at=last)


def _page_sees(client, job: Job) -> dict:
    client.force_login(job.requested_by)
    return client.get(reverse("jobs:status", args=[job.id])).json()


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_again_a_job_whose_worker_was_killed(client, settings, users,
                                                                       django_capture_on_commit_callbacks):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": settings.TASK_BACKENDS["database"]}}
    job = _queue_job(users["evaluator"], django_capture_on_commit_callbacks)
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING)  # taken by the worker that died
    _kill_its_worker(job)
    assert _page_sees(client, job)["status"] == "queued"
    call_command("worker", "--burst", verbosity=0)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.attempts == 2 and job.file.read() == b"dari pekerja"


def test_an_rq_worker_runs_again_a_job_whose_worker_was_killed(client, redis_queue, users,
                                                               django_capture_on_commit_callbacks):
    import django_rq
    from django_tasks_rq import Job as RQJob
    from rq import SimpleWorker

    job = _queue_job(users["evaluator"], django_capture_on_commit_callbacks)
    queue = django_rq.get_queue("default")
    queue.empty()  # taken by the worker that died
    _kill_its_worker(job)
    with django_capture_on_commit_callbacks(execute=True):
        assert _page_sees(client, job)["status"] == "queued"
    assert queue.count == 1
    SimpleWorker([queue], connection=queue.connection, job_class=RQJob).work(burst=True)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.attempts == 2 and job.file.read() == b"dari pekerja"


def test_the_worker_command_refuses_the_immediate_backend():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="tidak perlu pekerja"):
        call_command("worker")
