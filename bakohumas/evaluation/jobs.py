"""Evaluation documents as background jobs: the page asks, a worker renders, the page shows
progress and then the download (a national PPTX takes seconds, longer than a request should)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from bakohumas.jobs.models import Job
from bakohumas.jobs.registry import JobOutput, Progress
from bakohumas.jobs.services import job_request
from bakohumas.offices.models import Office
from bakohumas.reports.models import Period

DOCUMENT_JOB = "evaluation_document"
FORMAT_LABELS = {"pdf": "PDF", "docx": "Word", "pptx": "PowerPoint", "xlsx": "Excel"}


def evaluation_document_request(*, user: Any, region: Office, period: Period, missing_rule: str, fmt: str,
                                as_of: dt.date | None = None) -> Job:
    if fmt not in FORMAT_LABELS:
        raise ValueError(f"unknown document format {fmt!r}")
    title = _("Evaluasi %(scope)s %(period)s (%(format)s)") % {
        "scope": region.region_name if not region.is_national else _("Nasional"),
        "period": period.label, "format": FORMAT_LABELS[fmt],
    }
    return job_request(user=user, kind=DOCUMENT_JOB, title=title, params={
        "region": region.code, "period": period.code, "missing_rule": missing_rule, "format": fmt,
        "as_of": as_of.isoformat() if as_of else None,
    })


def run_evaluation_document(params: dict[str, Any], progress: Progress) -> JobOutput:
    from bakohumas.evaluation.documents import render_document

    region = Office.objects.get(code=params["region"])
    period = Period.objects.get(code=params["period"])
    as_of = params.get("as_of")
    content, filename, content_type = render_document(
        params["format"], region=region, period=period, missing_rule=params["missing_rule"], progress=progress,
        as_of=dt.date.fromisoformat(as_of) if as_of else None,
    )
    return JobOutput(content, filename, content_type)
