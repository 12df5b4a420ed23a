"""JSON API for other KPU systems, scoped exactly like the pages (session login)."""


import datetime as dt
from typing import Any, Literal
from uuid import UUID

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import Throttled
from ninja.pagination import LimitOffsetPagination, paginate

from bakohumas.core.converters import OfficeCodeConverter, PeriodCodeConverter
from bakohumas.core.throttling import ApiAnonThrottle, ApiUserThrottle, ThrottledSessionAuth
from bakohumas.evaluation.engine import evaluate
from bakohumas.evaluation.selectors import get_scope_for_user
from bakohumas.offices.models import Office
from bakohumas.reports.models import Period, Submission
from bakohumas.reports.selectors import get_office_for_user, get_submission_for_user

OFFICE_CODE = f"^({OfficeCodeConverter.regex})$"
PERIOD_CODE = f"^{PeriodCodeConverter.regex}$"

api = NinjaAPI(
    title="Bakohumas API",
    version="1",
    description="Laporan Bakohumas triwulan dan evaluasinya. Masuk dulu lewat halaman login (sesi).",
    auth=ThrottledSessionAuth(),
    urls_namespace="api",
    throttle=[ApiAnonThrottle(), ApiUserThrottle()],
)


@api.exception_handler(Throttled)
def too_many_requests(request: HttpRequest, exc: Throttled):
    response = api.create_response(request, {"detail": _("Terlalu banyak permintaan. Coba lagi sebentar lagi.")},
                                   status=429)
    if exc.wait is not None:  # ninja sets it again for its own throttles; ThrottledSessionAuth relies on this
        response["Retry-After"] = str(exc.wait)
    return response


class PeriodOut(Schema):
    code: str
    label: str
    start: dt.date
    end: dt.date
    deadline: dt.date
    entry_closed: bool


class SuggestionOut(Schema):
    """The value suggested from the office's records when the answer was saved (docs/suggestions.md)."""

    suggested: int
    source: str
    overridden: bool
    reason: str


class ReportOut(Schema):
    id: UUID
    office_code: str
    office_name: str
    period: str
    status: str
    reported_on: dt.date | None
    late: bool
    values: dict[str, Any]
    suggestions: dict[str, SuggestionOut] = {}


class RegionOut(Schema):
    code: str
    name: str


class UnitsOut(Schema):
    expected: int
    reported: int
    not_updated: list[str]
    carried_forward: list[str]
    late: list[str]


class IndicatorOut(Schema):
    code: str
    name: str
    kind: Literal["share", "ratio"]
    numerator: int
    denominator: int
    percent: float | None
    units: list[str] | None
    percent_of_reported: float | None = None


class EvaluationOut(Schema):
    region: RegionOut
    period: str
    missing_rule: Literal["carry_forward", "count_as_not_met"]
    units: UnitsOut
    indicators: list[IndicatorOut]
    findings: list[str]


class EvaluationQuery(Schema):
    period: str = Field(pattern=PERIOD_CODE)
    region: str = Field(Office.NATIONAL_CODE, pattern=OFFICE_CODE)
    missing_rule: Literal["carry_forward", "count_as_not_met"] = "carry_forward"


class ReportsQuery(Schema):
    period: str | None = Field(None, pattern=PERIOD_CODE)
    region: str | None = Field(None, pattern=OFFICE_CODE)


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    detail: list[dict[str, Any]]


# Besides 200, what an operation may answer (documented so clients and the schema fuzz test know them):
# 401 without a session, 404 outside the user's scope, 422 for parameters of the wrong shape, 429 over
# the rate limit (settings API_RATE_USER / API_RATE_ANON).
ERRORS: dict[int, Any] = {401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut}


def _report_out(submission: Submission) -> dict[str, Any]:
    return {
        "id": submission.id, "office_code": submission.office.code, "office_name": submission.office.name,
        "period": submission.period_id, "status": submission.status, "reported_on": submission.reported_on,
        "late": submission.is_late, "values": submission.value_map(),
        "suggestions": {
            value.code: {"suggested": value.suggested_number, "source": value.suggestion_source,
                         "overridden": value.overridden, "reason": value.override_reason}
            for value in submission.values.all() if value.suggested_number is not None
        },
    }


@api.get("/periods", response={200: list[PeriodOut], 401: ErrorOut, 429: ErrorOut}, summary="Periode laporan")
def list_periods(request: HttpRequest):
    return [{"code": p.code, "label": p.label, "start": p.start, "end": p.end, "deadline": p.deadline,
             "entry_closed": p.entry_closed} for p in Period.objects.all()]


@api.get("/reports", response={200: list[ReportOut], **ERRORS}, summary="Laporan yang boleh dilihat pengguna")
@paginate(LimitOffsetPagination)
def list_reports(request: HttpRequest, filters: Query[ReportsQuery]):
    submissions = Submission.objects.visible_to(request.user).select_related("office", "period")
    if filters.region:
        region = get_office_for_user(request.user, filters.region)
        submissions = submissions.filter(office__in=Office.objects.in_region(region))
    if filters.period:
        submissions = submissions.filter(period_id=filters.period)
    return [_report_out(s) for s in submissions.prefetch_related("values").order_by("period_id", "office__code")]


@api.get("/reports/{report_id}", response={200: ReportOut, **ERRORS}, summary="Satu laporan")
def get_report(request: HttpRequest, report_id: UUID):
    submission, _editable = get_submission_for_user(request.user, report_id)
    return _report_out(submission)


@api.get("/evaluation", response={200: EvaluationOut, **ERRORS}, summary="Evaluasi provinsi atau nasional",
         description="Bentuk JSON sesuai bagian 5 formats/laporan-bakohumas-triwulan.md.")
def get_evaluation(request: HttpRequest, query: Query[EvaluationQuery]):
    region, period = get_scope_for_user(request.user, query.region, query.period)
    return evaluate(period=period, region=region, missing_rule=query.missing_rule).as_json()
