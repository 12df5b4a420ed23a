from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from bakohumas.audit.services import audit_record
from bakohumas.jobs.models import Job
from bakohumas.jobs.registry import JobOutput, runner_for

logger = logging.getLogger(__name__)


# A job still queued or running after this long is taken for lost (a worker crashed or none runs).
STALE_AFTER = dt.timedelta(hours=1)
UNFINISHED = (Job.Status.QUEUED, Job.Status.RUNNING)


@transaction.atomic
def job_request(*, user: Any, kind: str, title: str, params: dict[str, Any]) -> Job:
    """Queue a job for `user`; the worker picks it up once the row is committed. Asking again for
    the same thing while it is still being made (a second click) returns the same job."""
    runner_for(kind)  # refuse a kind nobody can run before anything is queued
    pending = Job.objects.filter(requested_by=user, kind=kind, params=params, status__in=UNFINISHED,
                                 created_at__gte=timezone.now() - STALE_AFTER).first()
    if pending is not None:
        return pending
    job = Job(kind=kind, title=title, params=params, requested_by=user)
    job.full_clean()
    job.save()
    audit_record(actor=user, action="job.request", target=job, office=getattr(user, "office", None),
                 data={"kind": kind, **params})
    from bakohumas.jobs.tasks import run_job

    transaction.on_commit(lambda: run_job.enqueue(str(job.id)))
    return job


def job_run(job_id: str) -> Job:
    """Run a queued job to the end, recording progress as the runner reports it. A failure is
    kept on the job (with a message for the user) and re-raised for the worker's log."""
    # Claim it: only one worker moves it from queued to running (a queue may deliver a job twice).
    if not Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING, started_at=timezone.now(), progress=0):
        return Job.objects.get(pk=job_id)
    job = Job.objects.get(pk=job_id)

    def progress(percent: int, message: str) -> None:
        Job.objects.filter(pk=job.pk).update(progress=max(0, min(100, percent)), message=message[:200])

    try:
        return _job_finish(job, runner_for(job.kind)(job.params, progress))
    except Exception as exc:
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000],
                                             finished_at=timezone.now())
        raise


def _job_finish(job: Job, output: JobOutput) -> Job:
    """Store the result, then mark the job done. The file is copied before the (short) transaction:
    on SQLite a transaction holds the write lock, and a large ZIP would keep everyone else waiting."""
    field = job.file
    content = ContentFile(output.content) if isinstance(output.content, bytes) else File(output.content)
    try:
        name = field.storage.save(field.field.generate_filename(job, output.filename), content,
                                  max_length=field.field.max_length)
    finally:
        if not isinstance(output.content, bytes):
            output.content.close()
    try:
        with transaction.atomic():
            Job.objects.filter(pk=job.pk).update(
                file=name, filename=output.filename, content_type=output.content_type, status=Job.Status.DONE,
                progress=100, message="", finished_at=timezone.now())
    except Exception:
        field.storage.delete(name)
        raise
    job.refresh_from_db()
    return job


def job_expire_if_stale(job: Job) -> Job:
    """A job left queued or running for more than an hour has lost its worker: say so (failed) to
    the user who is looking at it, instead of a page that waits for ever."""
    if job.status in UNFINISHED and job.created_at < timezone.now() - STALE_AFTER:
        Job.objects.filter(pk=job.pk, status__in=UNFINISHED).update(
            status=Job.Status.FAILED, error="stale: no worker finished it within an hour", finished_at=timezone.now())
        job.refresh_from_db()
    return job


def jobs_prune(*, older_than_days: int) -> int:
    """Delete finished jobs and their files after a while (documents can always be made again), and
    mark as failed the jobs that have waited or run for more than an hour: their worker is gone, and
    the user should see that rather than a page that waits for ever."""
    now = timezone.now()
    for job in Job.objects.filter(status__in=UNFINISHED, created_at__lt=now - STALE_AFTER):
        job_expire_if_stale(job)
    cutoff = now - dt.timedelta(days=older_than_days)
    count = 0
    for job in Job.objects.filter(created_at__lt=cutoff, status__in=[Job.Status.DONE, Job.Status.FAILED]).iterator():
        if job.file:
            job.file.delete(save=False)
        job.delete()
        count += 1
    return count
