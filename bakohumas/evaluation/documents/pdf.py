"""The evaluation report as PDF: WeasyPrint from `templates/evaluation/documents/report.html`, which
includes the same partials as the evaluation page (findings, change, constraints)."""

from __future__ import annotations

import base64

from django.template.loader import render_to_string
from django.utils.translation import gettext_noop

from bakohumas.evaluation.report import EvaluationReport, Progress


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def render_html(report: EvaluationReport) -> str:
    codes = [i.code for i in report.met_columns]
    province_rows = [
        {"name": p.name, "expected": p.expected, "reported": p.reported, "not_updated": p.not_updated,
         "late": p.late, "percents": p.percents(codes)}
        for p in report.provinces
    ]
    result = report.result
    return render_to_string("evaluation/documents/report.html", {
        "report": report, "charts": {name: _data_uri(png) for name, png in report.charts.items()},
        "province_rows": province_rows, "show_reported": 0 < result.evaluated_count < result.expected,
    })


def render(report: EvaluationReport, progress: Progress) -> bytes:
    from weasyprint import HTML

    progress(45, gettext_noop("Menyusun halaman laporan"))
    html = render_html(report)
    progress(60, gettext_noop("Membuat PDF"))
    return HTML(string=html).write_pdf()
