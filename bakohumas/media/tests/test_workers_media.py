"""Derivatives and channel ZIPs through the real task backends: the database queue run by
`bakohumas worker` (db_worker), and RQ on the Redis server (required under CI)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from bakohumas.jobs.models import Job
from bakohumas.jobs.tests.test_workers import redis_queue  # noqa: F401 (fixture)
from bakohumas.media.models import Derivative
from bakohumas.media.services import channel_zip_request, media_add_batch
from bakohumas.media.tests.conftest import jpeg_bytes


def _upload(activity, operator, capture) -> list:
    with capture(execute=True):
        results = media_add_batch(activity=activity, actor=operator, files=[
            SimpleUploadedFile("satu.jpg", jpeg_bytes(seed=1)), SimpleUploadedFile("dua.jpg", jpeg_bytes(seed=2))])
    assert all(r.ok for r in results)
    job = Job.objects.get()
    assert job.status == Job.Status.QUEUED and not Derivative.objects.exists()  # nothing ran in the request
    return results


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_makes_derivatives_and_a_zip(settings, kediri, operator, make_activity,
                                                          django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": settings.TASK_BACKENDS["database"]}}
    activity = make_activity(kediri, dt.date(2025, 8, 19))
    _upload(activity, operator, django_capture_on_commit_callbacks)
    call_command("worker", "--burst", verbosity=0)
    assert Derivative.objects.count() == 2 * 7
    with django_capture_on_commit_callbacks(execute=True):
        job = channel_zip_request(user=operator, activity=activity, channel="website")
    call_command("worker", "--burst", verbosity=0)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    names = zipfile.ZipFile(io.BytesIO(job.file.read())).namelist()
    assert len([n for n in names if n.endswith(".jpg")]) == 2 * 2  # 1200x675 and the thumbnail per photo


@pytest.mark.django_db
def test_an_rq_worker_makes_derivatives(redis_queue, kediri, operator, make_activity,  # noqa: F811
                                        django_capture_on_commit_callbacks):
    import django_rq
    from django_tasks_rq import Job as RQJob
    from rq import SimpleWorker

    activity = make_activity(kediri, dt.date(2025, 8, 19))
    _upload(activity, operator, django_capture_on_commit_callbacks)
    queue = django_rq.get_queue("default")
    SimpleWorker([queue], connection=queue.connection, job_class=RQJob).work(burst=True)
    job = Job.objects.get()
    assert job.status == Job.Status.DONE and Derivative.objects.count() == 2 * 7
