"""What the DOCX, PPTX and XLSX say about themselves (File > Properties): the office that made them,
the title and the moment they were made, in Indonesian. Without this, python-pptx and python-docx
leave their own template's author and a date in 2013."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from bakohumas.evaluation.report import EvaluationReport

FONT = "Arial"  # on every Windows and Mac; LibreOffice substitutes the metric-compatible Liberation Sans
LANGUAGE = "id-ID"


def office_name(report: EvaluationReport) -> str:
    """The office that presents the evaluation: "KPU Provinsi Jawa Timur", or "KPU RI" for the nation."""
    return "KPU RI" if report.result.is_national else f"KPU Provinsi {report.result.region_name}"


def set_core_properties(properties: Any, report: EvaluationReport) -> None:
    """Fill the core properties of a python-docx or python-pptx document (same attribute names)."""
    now = timezone.now().astimezone(dt.UTC).replace(microsecond=0)  # both write it with "Z"
    properties.author = properties.last_modified_by = office_name(report)
    properties.title = f"{report.title} — {report.subtitle}"
    properties.subject = report.subtitle
    properties.keywords = "Bakohumas; evaluasi; KPU"
    properties.comments = ""
    properties.category = "Evaluasi"
    properties.language = LANGUAGE
    properties.created = properties.modified = now
    properties.revision = 1
