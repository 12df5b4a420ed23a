"""Jobs: queue, run, finish, and notice a job whose worker is gone.

A running job writes a heartbeat (Job.heartbeat_at) every HEARTBEAT_EVERY seconds from a thread
beside its runner, and with each progress step. A worker that is killed (out of memory, a restart,
`kill -9`) stops beating; HEARTBEAT_STALE later the job is taken for lost. Whoever reads it then
(the job's page, which polls its status while the user waits; the download list; the daily
`prune-jobs`) queues it again once through the task backend in use (database or Redis), or, when
it was already retried, marks it failed, both with a message the page shows. The worker is not
asked: it works the same for both backends, and a dead worker cannot answer anyway."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import connections, transaction
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_noop

from bakohumas.audit.services import audit_record
from bakohumas.jobs.models import Job
from bakohumas.jobs.registry import JobOutput, runner_for

logger = logging.getLogger(__name__)


# A job still queued after this long has no worker at all (none runs, or the queue was lost).
STALE_AFTER = dt.timedelta(hours=1)
UNFINISHED = (Job.Status.QUEUED, Job.Status.RUNNING)
HEARTBEAT_EVERY = 30  # seconds
# A running job without a heartbeat for this long has lost its worker: several beats missed, so a
# busy database or a slow step does not count as dead.
HEARTBEAT_STALE = dt.timedelta(minutes=3)
MAX_ATTEMPTS = 2  # the first run and one retry
# Shown on the job's page (Job.message, in the user's language).
RETRIED = gettext_noop("Pekerja latar belakang berhenti di tengah jalan; pekerjaan ini diulang dari awal.")
LOST = gettext_noop("Pekerja latar belakang berhenti di tengah jalan dua kali; pekerjaan dihentikan.")
NO_WORKER = gettext_noop("Tidak ada pekerja latar belakang yang mengerjakannya dalam satu jam.")


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
    now = timezone.now()
    if not Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING, started_at=now, heartbeat_at=now, progress=0, attempts=F("attempts") + 1):
        return Job.objects.get(pk=job_id)
    job = Job.objects.get(pk=job_id)
    # This run's writes, while the job is still this run's: a run taken for lost and retried
    # (a worker that was only frozen, not dead) changes nothing when it wakes up.
    run = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, attempts=job.attempts)

    def progress(percent: int, message: str) -> None:
        run.update(progress=max(0, min(100, percent)), message=message[:200], heartbeat_at=timezone.now())

    with _heartbeat(run):
        try:
            return _job_finish(job, runner_for(job.kind)(job.params, progress), run)
        except Exception as exc:
            logger.exception("job %s (%s) failed", job.pk, job.kind)
            run.update(status=Job.Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000],
                       finished_at=timezone.now())
            raise


@contextmanager
def _heartbeat(run: QuerySet[Job]) -> Iterator[None]:
    """Beat every HEARTBEAT_EVERY seconds from a thread (with its own database connection) while
    the block runs: a runner may spend minutes in one step without reporting progress."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(HEARTBEAT_EVERY):
                try:
                    run.update(heartbeat_at=timezone.now())
                except Exception:  # a busy or unreachable database: the next beat tries again
                    logger.warning("job heartbeat not written", exc_info=True)
        finally:
            connections.close_all()  # this thread's connections only

    thread = threading.Thread(target=beat, name="job-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def _job_finish(job: Job, output: JobOutput, run: QuerySet[Job]) -> Job:
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
            finished = run.update(
                file=name, filename=output.filename, content_type=output.content_type, status=Job.Status.DONE,
                progress=100, message="", finished_at=timezone.now())
    except Exception:
        field.storage.delete(name)
        raise
    if not finished:  # taken for lost meanwhile and retried: the retry's file counts
        field.storage.delete(name)
    job.refresh_from_db()
    return job


def _is_stale(job: Job, now: dt.datetime) -> bool:
    if job.status == Job.Status.RUNNING:
        return (job.heartbeat_at or job.started_at or job.created_at) < now - HEARTBEAT_STALE
    return job.status == Job.Status.QUEUED and (job.heartbeat_at or job.created_at) < now - STALE_AFTER


def job_recover_if_stale(job: Job) -> Job:
    """A running job without a heartbeat for HEARTBEAT_STALE has lost its worker: queue it again
    (once), or mark it failed when it was already retried. A job queued for STALE_AFTER has no
    worker at all: failed. Each with a message for its page. Cheap when nothing is stale (no query)."""
    now = timezone.now()
    if not _is_stale(job, now):
        return job
    with transaction.atomic():
        # Only if it is still as it was read: another page, or the worker, may have moved it since.
        lost = Job.objects.filter(pk=job.pk, status=job.status, attempts=job.attempts,
                                  heartbeat_at=job.heartbeat_at)
        if job.status == Job.Status.RUNNING and job.attempts < MAX_ATTEMPTS:
            if lost.update(status=Job.Status.QUEUED, progress=0, message=RETRIED, heartbeat_at=now):
                logger.warning("job %s (%s) lost its worker; queued again", job.pk, job.kind)
                from bakohumas.jobs.tasks import run_job

                transaction.on_commit(lambda: run_job.enqueue(str(job.pk)))
        elif job.status == Job.Status.RUNNING:
            lost.update(status=Job.Status.FAILED, message=LOST, finished_at=now,
                        error=f"stale: no heartbeat since {job.heartbeat_at or job.started_at}, "
                              f"{job.attempts} attempts")
        else:
            lost.update(status=Job.Status.FAILED, message=NO_WORKER, finished_at=now,
                        error="stale: no worker took it within an hour")
    job.refresh_from_db()
    return job


def jobs_recover_stale() -> int:
    """job_recover_if_stale for every job that needs it (the daily sweep); how many there were."""
    now = timezone.now()
    stale = Job.objects.alias(alive=Coalesce("heartbeat_at", "started_at", "created_at")).filter(
        Q(status=Job.Status.RUNNING, alive__lt=now - HEARTBEAT_STALE)
        | Q(status=Job.Status.QUEUED, alive__lt=now - STALE_AFTER))
    jobs = list(stale)
    for job in jobs:
        job_recover_if_stale(job)
    return len(jobs)


def jobs_prune(*, older_than_days: int) -> int:
    """Delete finished jobs and their files after a while (documents can always be made again), and
    recover the jobs whose worker is gone (jobs_recover_stale), so that nobody's page waits for ever."""
    now = timezone.now()
    jobs_recover_stale()
    cutoff = now - dt.timedelta(days=older_than_days)
    count = 0
    for job in Job.objects.filter(created_at__lt=cutoff, status__in=[Job.Status.DONE, Job.Status.FAILED]).iterator():
        if job.file:
            job.file.delete(save=False)
        job.delete()
        count += 1
    return count
