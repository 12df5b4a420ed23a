"""Reads for the quarterly report, all scoped to what the user may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from bakohumas.core.periods import InvalidPeriod, Quarter
from bakohumas.offices.models import Office
from bakohumas.reports.models import Element, Period, ReportValue, ReviewComment, Submission, SubmissionVersion
from bakohumas.reports.services import PeriodNotStarted, period_get_or_create_started

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise  # choice labels are lazy translations


def get_submission_for_user(user, submission_id: UUID) -> tuple[Submission, bool]:
    """The submission if the user may see it (404 otherwise), and whether they may edit it."""
    submission = get_object_or_404(
        Submission.objects.visible_to(user).select_related("office", "office__parent", "period", "form", "updated_by"),
        id=submission_id,
    )
    editable = (
        user.can_edit_report_of(submission.office)
        and submission.status in (Submission.Status.DRAFT, Submission.Status.RETURNED)
        and not submission.period.entry_closed
    )
    return submission, editable


def get_evidence_for_user(user, submission_id: UUID, code: str) -> ReportValue:
    """The answer `code` of a report the user may see, if it has an evidence file (404 otherwise)."""
    submission, _editable = get_submission_for_user(user, submission_id)
    value = get_object_or_404(submission.values.exclude(evidence_file=""), code=code)
    value.submission = submission  # its office and period, already loaded
    return value


def get_office_for_user(user, code: str) -> Office:
    return get_object_or_404(Office.objects.visible_to(user).select_related("parent"), code=code)


def get_regency_for_user(user, code: str) -> Office:
    """A kab/kota office the user may see (its reports, scorecard, follow-up): anything else is 404."""
    office = get_office_for_user(user, code)
    if not office.is_regency:
        raise Http404("Hanya untuk KPU Kabupaten/Kota.")
    return office


def get_region_for_user(user, code: str) -> Office:
    """A province or KPU RI the user oversees (evaluations, maps, reminders): a kab/kota is 404."""
    region = get_office_for_user(user, code)
    if region.is_regency:
        raise Http404("Hanya untuk KPU Provinsi atau KPU RI.")
    return region


def submission_detail(submission: Submission) -> Submission:
    """The submission with everything its page shows, in a fixed number of queries."""
    return (
        Submission.objects.select_related("office", "office__parent", "period", "form", "updated_by")
        .prefetch_related(
            Prefetch("values", queryset=ReportValue.objects.select_related("entered_by")),
            "form__elements",
            "form__rules",
            Prefetch("versions", queryset=SubmissionVersion.objects.select_related("created_by")),
            Prefetch("comments", queryset=ReviewComment.objects.select_related("author")),
        )
        .get(pk=submission.pk)
    )


def current_period_code(today: dt.date | None = None) -> str:
    return Quarter.containing(today or timezone.localdate()).code


def periods_for_office(office: Office, *, today: dt.date | None = None, count: int = 6) -> list[dict]:
    """The office's recent periods (current quarter first) with their reports, for its home page."""
    today = today or timezone.localdate()
    quarter = Quarter.containing(today)
    codes = []
    for _ in range(count):
        codes.append(quarter.code)
        quarter = quarter.previous()
    periods = {p.code: p for p in Period.objects.filter(code__in=codes)}
    submissions = {s.period_id: s for s in Submission.objects.filter(office=office, period_id__in=codes)
                   .select_related("period")}  # is_late reads the deadline
    rows = []
    for code in codes:
        q = Quarter.parse(code)
        period = periods.get(code)
        deadline = period.deadline if period else q.default_deadline
        submission = submissions.get(code)
        rows.append({
            "code": code, "label": q.label, "deadline": deadline, "submission": submission,
            "overdue": (submission is None or not submission.is_reported) and today > deadline,
            "is_current": code == Quarter.containing(today).code,
        })
    return rows


@dataclass(frozen=True)
class CompletenessRow:
    office: Office
    submission_id: UUID | None
    status: str | None
    reported_on: dt.date | None
    late: bool

    @property
    def reported(self) -> bool:
        return self.status in Submission.REPORTED_STATUSES

    @property
    def status_label(self) -> StrOrPromise:
        if self.status is None:
            return "Belum ada laporan"
        return Submission.Status(self.status).label


def completeness(*, region: Office, period: Period) -> list[CompletenessRow]:
    """Every kab/kota in the region with its report status for the period: one query."""
    this_period = Submission.objects.filter(office=OuterRef("pk"), period=period)
    offices = (
        Office.objects.in_region(region)
        .annotate(
            submission_id=Subquery(this_period.values("id")[:1]),
            submission_status=Subquery(this_period.values("status")[:1]),
            submission_reported_on=Subquery(this_period.values("reported_on")[:1]),
        )
        .order_by("code")
    )
    return [
        CompletenessRow(
            office=office, submission_id=office.submission_id, status=office.submission_status,
            reported_on=office.submission_reported_on,
            late=office.submission_reported_on is not None and office.submission_reported_on > period.deadline,
        )
        for office in offices
    ]


def get_region_period_for_user(user, region_code: str, period_code: str) -> tuple[Office, Period]:
    """A province or the nation the user oversees, and the period: outsiders and kab/kota get 404.
    The evaluation pages use it too (as `evaluation.selectors.get_scope_for_user`)."""
    return get_region_for_user(user, region_code), get_started_period(period_code)


def get_started_period(period_code: str) -> Period:
    """The period of a quarter that has begun, even when nobody has reported for it yet (its row is
    made with the default deadline); a quarter that has not begun has nothing to show: 404."""
    period = Period.objects.filter(code=period_code).first()
    if period is None:
        try:
            period = period_get_or_create_started(period_code)
        except (PeriodNotStarted, InvalidPeriod):
            raise Http404 from None
    if not period.has_started:
        raise Http404
    return period


@dataclass(frozen=True)
class OverrideRow:
    value: ReportValue
    element: Element | None

    @property
    def submission(self) -> Submission:
        return self.value.submission

    @property
    def label(self) -> str:
        return self.element.label if self.element else self.value.code

    @property
    def is_boolean(self) -> bool:
        return self.element is not None and self.element.kind == Element.Kind.BOOLEAN


@dataclass(frozen=True)
class OverridesOverview:
    rows: list[OverrideRow]
    with_suggestion: int  # answers in scope that had a suggestion
    accepted: int  # ... and kept it
    offices: int  # offices with at least one changed answer


def overridden_values(*, region: Office, period: Period) -> OverridesOverview:
    """Answers in the region's reported reports (sent, returned or verified; not drafts) for the
    period that differ from the suggestion recorded with them, by office code and form order: three queries whatever the size of the region."""
    in_scope = ReportValue.objects.filter(
        submission__period=period, submission__office__in=Office.objects.in_region(region),
        submission__status__in=Submission.REPORTED_STATUSES,  # a draft's answers may still change
        suggested_number__isnull=False, number__isnull=False,
    )
    values = list(
        in_scope.exclude(number=F("suggested_number"))
        .select_related("submission", "submission__office")
        .order_by("submission__office__code", "id")
    )
    counts = in_scope.aggregate(total=Count("id"), accepted=Count("id", filter=Q(number=F("suggested_number"))))
    form_ids = {value.submission.form_id for value in values}
    elements = {(e.form_id, e.code): e for e in Element.objects.filter(form_id__in=form_ids)} if form_ids else {}
    rows = [OverrideRow(value, elements.get((value.submission.form_id, value.code))) for value in values]
    rows.sort(key=lambda row: (row.submission.office.code, row.element.order if row.element else 0))
    return OverridesOverview(rows=rows, with_suggestion=counts["total"], accepted=counts["accepted"],
                             offices=len({row.submission.office_id for row in rows}))
