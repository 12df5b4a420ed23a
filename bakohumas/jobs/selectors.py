from __future__ import annotations

from uuid import UUID

from django.shortcuts import get_object_or_404

from bakohumas.jobs.models import Job


def get_job_for_user(user, job_id: UUID) -> Job:
    """A job is its requester's alone: anyone else gets 404."""
    return get_object_or_404(Job.objects.filter(requested_by=user), pk=job_id)


def recent_jobs_for_user(user, limit: int = 20) -> list[Job]:
    return list(Job.objects.filter(requested_by=user)[:limit])
