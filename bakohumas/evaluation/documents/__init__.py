"""Documents of an evaluation: one `EvaluationReport` (bakohumas/evaluation/report.py), one renderer
per format. `render_document()` is the one entry point for the download view, the `evaluate`
command and the background job."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable

from django.utils import translation
from django.utils.translation import gettext_lazy, gettext_noop

from bakohumas.evaluation.engine import CARRY_FORWARD, EvaluationError
from bakohumas.evaluation.report import EvaluationReport, Progress, build_report
from bakohumas.offices.models import Office
from bakohumas.core.periods import InvalidPeriod
from bakohumas.reports.models import Period
from bakohumas.reports.services import PeriodNotStarted, period_get_or_create_started

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
DOCUMENT_FORMATS: tuple[str, ...] = tuple(CONTENT_TYPES)
LABELS = {"pdf": gettext_lazy("Laporan (PDF)"), "docx": gettext_lazy("Laporan yang dapat diubah (DOCX)"),
          "pptx": gettext_lazy("Bahan Rakor (PPTX)"), "xlsx": gettext_lazy("Data dan evaluasi (XLSX)")}


def filename(fmt: str, report: EvaluationReport) -> str:
    """evaluasi-bakohumas-35-2025Q2.pdf, evaluasi-bakohumas-nasional-2025Q2.pptx."""
    scope = "nasional" if report.result.is_national else report.result.region_code
    return f"evaluasi-bakohumas-{scope}-{report.result.period.code}.{fmt}"


def _renderer(fmt: str) -> Callable[[EvaluationReport, Progress], bytes]:
    module = importlib.import_module(f"bakohumas.evaluation.documents.{fmt}")
    return module.render


def _resolve(region: Office | str | None, period: Period | str) -> tuple[Office | None, Period]:
    if isinstance(region, str):
        found = Office.objects.filter(code=region).first()
        if found is None:
            raise EvaluationError(f"Kode wilayah {region!r} tidak dikenal.")
        region = found
    if region is not None and region.is_national:
        region = None
    if isinstance(period, str):
        try:
            period = period_get_or_create_started(period)
        except (PeriodNotStarted, InvalidPeriod) as exc:
            raise EvaluationError(exc.messages[0] if isinstance(exc, PeriodNotStarted) else str(exc)) from None
    return region, period


def render_document(fmt: str, *, region: Office | str | None, period: Period | str,
                    missing_rule: str = CARRY_FORWARD, progress: Progress | None = None,
                    as_of: dt.date | None = None, meeting_date: dt.date | None = None) -> tuple[bytes, str, str]:
    """(content, file name, content type) of one evaluation document. `region` is a province (an
    Office or its code) or None/"ID" for the nation; `progress(percent, message)` is called at
    each step, for a background job to show. `as_of`: the evaluation as it stood on that day;
    `meeting_date`: the Rakor's day for the cover (else the one the evaluator saved)."""
    if fmt not in CONTENT_TYPES:
        raise EvaluationError(f"Format {fmt!r} tidak dikenal; pilih salah satu: {', '.join(DOCUMENT_FORMATS)}.")
    step = progress or (lambda percent, message: None)
    scope, period_obj = _resolve(region, period)
    with translation.override("id"):  # the documents are Indonesian whatever the user's language
        report = build_report(scope, period_obj, missing_rule, step, as_of=as_of, meeting_date=meeting_date)
        step(35, gettext_noop("Menggambar grafik"))
        report.charts  # noqa: B018 - drawn once here, so the progress is truthful
        content = _renderer(fmt)(report, step)
    step(100, gettext_noop("Selesai"))
    return content, filename(fmt, report), CONTENT_TYPES[fmt]
