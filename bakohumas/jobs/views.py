from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from bakohumas.core.files import serve_file
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.jobs.models import Job
from bakohumas.jobs.selectors import get_job_for_user, recent_jobs_for_user
from bakohumas.jobs.services import job_recover_if_stale


def _state(job: Job) -> dict[str, object]:
    return {
        "status": job.status, "status_label": str(job.get_status_display()), "progress": job.progress,
        # Runners store their step in Indonesian (marked with gettext_noop); shown in the user's language.
        "message": _(job.message) if job.message else "", "finished": job.is_finished,
        "download_url": reverse("jobs:download", args=[job.id]) if job.status == Job.Status.DONE else None,
        "download_label": _("Unduh %(filename)s") % {"filename": job.filename} if job.filename else "",
    }


@login_required
def job_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    jobs = [job_recover_if_stale(job) for job in recent_jobs_for_user(request.user)]
    return render(request, "jobs/list.html", {"jobs": jobs})


@login_required
def job_detail(request: AuthenticatedHttpRequest, job_id: UUID) -> HttpResponse:
    """The page that waits for a job: a progress bar that static/js/app.js keeps current
    (and a meta refresh when scripts are off), then the download link."""
    job = job_recover_if_stale(get_job_for_user(request.user, job_id))
    return render(request, "jobs/detail.html", {"job": job, "state": _state(job)})


@login_required
def job_status(request: AuthenticatedHttpRequest, job_id: UUID) -> JsonResponse:
    return JsonResponse(_state(job_recover_if_stale(get_job_for_user(request.user, job_id))))


@login_required
def job_download(request: AuthenticatedHttpRequest, job_id: UUID) -> FileResponse:
    job = get_job_for_user(request.user, job_id)
    if job.status != Job.Status.DONE:
        raise Http404("Berkas belum siap.")
    return serve_file(request, job.file, filename=job.filename, content_type=job.content_type, attachment=True)
