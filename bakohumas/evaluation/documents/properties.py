"""What the DOCX, PPTX and XLSX say about themselves (File > Properties): the office that made them,
the title and the moment they were made, in Indonesian. Without this, python-pptx and python-docx
leave their own template's author and a date in 2013."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.html import escape

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


def set_app_properties(package: Any, report: EvaluationReport, **counts: int | str) -> None:
    """Replace the template's docProps/app.xml ("Microsoft Macintosh PowerPoint", "On-screen Show
    (4:3)", 0 slides) with what is true of this file: the application, the office and, for slides,
    the format and counts (`Slides=18, Notes=18`)."""
    extra = "".join(f"<{name}>{escape(str(value))}</{name}>" for name, value in counts.items())
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           f"<Application>Aplikasi Bakohumas</Application><Company>{escape(office_name(report))}</Company>"
           f"{extra}</Properties>")
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = xml.encode("utf-8")
