"""Reads for PPID, all scoped to what the user may see."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from uuid import UUID

from django.db.models import Case, Count, DateField, F, Q, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from bakohumas.offices.models import Office, User
from bakohumas.ppid.calendar import WorkingCalendar
from bakohumas.ppid.deadlines import calendar_for
from bakohumas.ppid.models import Decision, Dispute, InformationRequest, Objection

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise  # choice labels are lazy translations

DUE_SOON_WORKING_DAYS = 3


# --- who may do what -------------------------------------------------------------------------

def is_ppid_staff(user, office: Office) -> bool:
    """The office's operator and ketua act as its PPID staff: they edit and see the NIK."""
    return (getattr(user, "is_authenticated", False) and user.office_id == office.pk
            and user.role in (User.Role.OPERATOR, User.Role.KETUA))


def may_see_requester(user, office: Office) -> bool:
    """Name and contact: the office's own staff and leadership; the province and KPU RI monitor
    without personal data."""
    return is_ppid_staff(user, office) or (user.office_id == office.pk and user.role == User.Role.PIMPINAN)


def is_national_admin(user) -> bool:
    return (getattr(user, "is_authenticated", False) and user.role == User.Role.HUMAS_RI
            and user.office is not None and user.office.is_national)


# --- scoped lookups ----------------------------------------------------------------------------

def get_office_for_user(user, code: str) -> Office:
    return get_object_or_404(Office.objects.visible_to(user).select_related("parent"), code=code)


def get_request_for_user(user, request_id: UUID) -> tuple[InformationRequest, bool]:
    """The request if the user may see it (404 otherwise), and whether they may act on it."""
    request = get_object_or_404(
        InformationRequest.objects.visible_to(user).select_related("office", "office__parent", "rule_set"),
        id=request_id)
    return request, is_ppid_staff(user, request.office)


def get_objection_for_user(user, objection_id: UUID) -> tuple[Objection, bool]:
    objection = get_object_or_404(
        Objection.objects.filter(request__in=InformationRequest.objects.visible_to(user))
        .select_related("request", "request__office"), id=objection_id)
    return objection, is_ppid_staff(user, objection.request.office)


def get_dispute_for_user(user, dispute_id: UUID) -> tuple[Dispute, bool]:
    dispute = get_object_or_404(
        Dispute.objects.filter(request__in=InformationRequest.objects.visible_to(user))
        .select_related("request", "request__office"), id=dispute_id)
    return dispute, is_ppid_staff(user, dispute.request.office)


def request_detail(request: InformationRequest) -> InformationRequest:
    return (InformationRequest.objects.select_related("office", "office__parent", "rule_set", "decision", "extension")
            .prefetch_related("objections", "disputes", "recomputations").get(pk=request.pk))


# --- lists and monitoring --------------------------------------------------------------------

def offices_in(region: Office):
    """The region's offices that take requests: a kab/kota itself; a province and its kab/kota."""
    if region.is_national:
        return Office.objects.all()
    if region.is_province:
        return Office.objects.filter(Q(pk=region.pk) | Q(parent=region))
    return Office.objects.filter(pk=region.pk)


def with_effective_due(queryset):
    return queryset.annotate(due=Case(When(extension__isnull=False, then=F("extended_due")),
                                      default=F("notice_due"), output_field=DateField()))


def due_soon_limit(today: dt.date) -> dt.date:
    return WorkingCalendar().add_working_days(today, DUE_SOON_WORKING_DAYS)[0]


@dataclass
class RequestRow:
    request: InformationRequest
    due: dt.date
    overdue: bool
    due_soon: bool


def request_rows(region: Office, *, today: dt.date | None = None, only_open: bool = False) -> list[RequestRow]:
    today = today or timezone.localdate()
    soon = due_soon_limit(today)
    queryset = with_effective_due(InformationRequest.objects.filter(office__in=offices_in(region))
                                   .select_related("office", "decision"))
    if only_open:
        queryset = queryset.open()
    rows = []
    for request in queryset.order_by("due", "registration_number"):
        waiting = request.status in (InformationRequest.Status.RECEIVED, InformationRequest.Status.EXTENDED)
        rows.append(RequestRow(request=request, due=request.due, overdue=waiting and today > request.due,
                               due_soon=waiting and today <= request.due <= soon))
    return rows


@dataclass
class MonitoringRow:
    office: Office
    open: int
    overdue: int
    due_soon: int
    objections_open: int


def monitoring(region: Office, *, today: dt.date | None = None) -> list[MonitoringRow]:
    """Per office: open requests, overdue, due within 3 working days, unanswered objections. SQL counts."""
    today = today or timezone.localdate()
    soon = due_soon_limit(today)
    waiting = Q(information_requests__status__in=[InformationRequest.Status.RECEIVED,
                                                  InformationRequest.Status.EXTENDED])
    not_extended = Q(information_requests__extension__isnull=True)
    extended = Q(information_requests__extension__isnull=False)
    overdue = waiting & ((not_extended & Q(information_requests__notice_due__lt=today))
                         | (extended & Q(information_requests__extended_due__lt=today)))
    due_soon = waiting & ((not_extended & Q(information_requests__notice_due__range=(today, soon)))
                          | (extended & Q(information_requests__extended_due__range=(today, soon))))
    offices = (offices_in(region).annotate(
        n_open=Count("information_requests", filter=Q(information_requests__status__in=InformationRequest.OPEN_STATUSES),
                     distinct=True),
        n_overdue=Count("information_requests", filter=overdue, distinct=True),
        n_due_soon=Count("information_requests", filter=due_soon, distinct=True),
        n_objections=Count("information_requests__objections",
                           filter=Q(information_requests__objections__answered_on__isnull=True), distinct=True),
    ).order_by("code"))
    return [MonitoringRow(office=o, open=o.n_open, overdue=o.n_overdue, due_soon=o.n_due_soon,
                          objections_open=o.n_objections) for o in offices]


# --- the service report ------------------------------------------------------------------------

@dataclass
class ServiceReport:
    region: Office
    start: dt.date
    end: dt.date
    total: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)
    answered: int = 0
    on_time: int = 0
    late: int = 0
    open: int = 0
    open_overdue: int = 0
    closed: int = 0
    days_to_respond: list[int] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=dict)
    refused_by_ground: dict[StrOrPromise, int] = field(default_factory=dict)
    extended: int = 0
    incomplete: int = 0
    objections: int = 0
    objections_by_ground: dict[StrOrPromise, int] = field(default_factory=dict)
    objections_answered: int = 0
    objections_upheld: int = 0
    objections_on_time: int = 0
    disputes: int = 0
    disputes_by_stage: dict[StrOrPromise, int] = field(default_factory=dict)
    disputes_ended: int = 0

    @property
    def median_days(self) -> float | None:
        return float(statistics.median(self.days_to_respond)) if self.days_to_respond else None

    @property
    def average_days(self) -> float | None:
        return round(statistics.fmean(self.days_to_respond), 1) if self.days_to_respond else None

    def rows(self) -> list[tuple[str, str, object]]:
        """(section, label, value): one list that every renderer (HTML, XLSX, DOCX, PDF) prints."""
        rows: list[tuple[StrOrPromise, StrOrPromise, object]] = [
            ("Permohonan", "Permohonan diterima", self.total),
            *[("Permohonan", f"Melalui {label}", self.by_channel.get(code, 0))
              for code, label in InformationRequest.Channel.choices],
            ("Permohonan", "Sudah dijawab", self.answered),
            ("Permohonan", "Dijawab tepat waktu", self.on_time),
            ("Permohonan", "Dijawab terlambat", self.late),
            ("Permohonan", "Masih diproses", self.open),
            ("Permohonan", "Masih diproses dan melewati batas waktu", self.open_overdue),
            ("Permohonan", "Ditutup tanpa jawaban", self.closed),
            ("Waktu layanan", "Median hari kerja sampai dijawab", self.median_days if self.median_days is not None else "–"),
            ("Waktu layanan", "Rata-rata hari kerja sampai dijawab", self.average_days if self.average_days is not None else "–"),
            *[("Keputusan", label, self.outcomes.get(code, 0)) for code, label in Decision.Outcome.choices],
            ("Keputusan", "Informasi dikuasai badan publik lain", self.outcomes.get("badan_lain", 0)),
            *[("Penolakan menurut alasan", label, count) for label, count in self.refused_by_ground.items()],
            ("Kendala", "Permohonan diminta dilengkapi", self.incomplete),
            ("Kendala", "Permohonan diperpanjang", self.extended),
            ("Keberatan", "Keberatan diajukan", self.objections),
            *[("Keberatan", f"Alasan {label}", count) for label, count in self.objections_by_ground.items()],
            ("Keberatan", "Sudah ditanggapi atasan PPID", self.objections_answered),
            ("Keberatan", "Ditanggapi tepat waktu", self.objections_on_time),
            ("Keberatan", "Diterima (seluruh/sebagian)", self.objections_upheld),
            ("Sengketa", "Sengketa di Komisi Informasi", self.disputes),
            *[("Sengketa", f"Tahap {label}", count) for label, count in self.disputes_by_stage.items()],
            ("Sengketa", "Sudah selesai", self.disputes_ended),
        ]
        return [(str(section), str(label), value) for section, label, value in rows]


def service_report(region: Office, start: dt.date, end: dt.date, *, today: dt.date | None = None) -> ServiceReport:
    """Figures for requests received between `start` and `end` (inclusive) in the region."""
    today = today or timezone.localdate()
    report = ServiceReport(region=region, start=start, end=end)
    requests = with_effective_due(InformationRequest.objects.filter(
        office__in=offices_in(region), received_on__range=(start, end)))
    Status = InformationRequest.Status
    counts = requests.aggregate(
        total=Count("id"),
        answered=Count("id", filter=Q(status=Status.ANSWERED)),
        on_time=Count("id", filter=Q(status=Status.ANSWERED, responded_on__lte=F("due"))),
        open=Count("id", filter=Q(status__in=InformationRequest.OPEN_STATUSES)),
        open_overdue=Count("id", filter=Q(status__in=[Status.RECEIVED, Status.EXTENDED], due__lt=today)),
        closed=Count("id", filter=Q(status=Status.CLOSED)),
        extended=Count("extension"),
        incomplete=Count("id", filter=Q(completion_requested_on__isnull=False)),
    )
    report.total, report.answered, report.on_time = counts["total"], counts["answered"], counts["on_time"]
    report.late = report.answered - report.on_time
    report.open, report.open_overdue, report.closed = counts["open"], counts["open_overdue"], counts["closed"]
    report.extended, report.incomplete = counts["extended"], counts["incomplete"]
    report.by_channel = dict(requests.values_list("channel").annotate(n=Count("id")).order_by())
    calendars: dict[int, WorkingCalendar] = {}
    for office_id, started, responded in (requests.filter(status=Status.ANSWERED)
                                          .values_list("office_id", "deadline_start", "responded_on")):
        if office_id not in calendars:
            calendars[office_id] = calendar_for(Office.objects.get(pk=office_id))
        report.days_to_respond.append(calendars[office_id].working_days_between(started, responded))
    report.days_to_respond.sort()
    decisions = Decision.objects.filter(request__in=requests.values("id"))
    report.outcomes = dict(decisions.values_list("outcome").annotate(n=Count("id")).order_by())
    report.outcomes["badan_lain"] = decisions.filter(availability=Decision.Availability.ELSEWHERE).count()
    grounds = dict(Decision.Ground.choices)
    report.refused_by_ground = {
        grounds[code]: n for code, n in decisions.exclude(exemption_ground="").values_list("exemption_ground")
        .annotate(n=Count("id")).order_by("exemption_ground")}
    objections = Objection.objects.filter(request__in=requests.values("id"))
    ocounts = objections.aggregate(
        total=Count("id"), answered=Count("id", filter=Q(answered_on__isnull=False)),
        upheld=Count("id", filter=Q(answer__in=[Objection.Answer.UPHELD, Objection.Answer.PARTLY])),
        on_time=Count("id", filter=Q(answered_on__lte=F("answer_due"))))
    report.objections, report.objections_answered = ocounts["total"], ocounts["answered"]
    report.objections_upheld, report.objections_on_time = ocounts["upheld"], ocounts["on_time"]
    ogrounds = dict(Objection.Ground.choices)
    report.objections_by_ground = {ogrounds[code]: n for code, n in objections.values_list("ground")
                                   .annotate(n=Count("id")).order_by("ground")}
    disputes = Dispute.objects.filter(request__in=requests.values("id"))
    report.disputes = disputes.count()
    stages = dict(Dispute.Stage.choices)
    report.disputes_by_stage = {stages[code]: n for code, n in disputes.values_list("stage")
                                .annotate(n=Count("id")).order_by("stage")}
    report.disputes_ended = disputes.filter(ended_on__isnull=False).count()
    return report


def ppid_quarter_counts(office: Office, period) -> dict[str, int]:
    """Suggestions for the quarterly form: requests received in the quarter and those answered
    by their due date (the extended one when extended). Nothing for an office that keeps no PPID
    register here: an empty register is no evidence that no request came."""
    if not InformationRequest.objects.filter(office=office).exists():
        return {}
    requests = with_effective_due(InformationRequest.objects.filter(
        office=office, received_on__range=(period.start, period.end)))
    counts = requests.aggregate(
        total=Count("id"),
        on_time=Count("id", filter=Q(status=InformationRequest.Status.ANSWERED, responded_on__lte=F("due"))))
    return {"permohonan_informasi": counts["total"], "permohonan_tepat_waktu": counts["on_time"]}


@dataclass(frozen=True)
class OfficeServiceRow:
    office: Office
    total: int
    answered: int
    on_time: int
    open: int
    objections: int

    @property
    def late(self) -> int:
        return self.answered - self.on_time


def service_report_by_office(region: Office, start: dt.date, end: dt.date) -> list[OfficeServiceRow]:
    """The service report's per-office table (one query): every office of a province, the province's
    own office first, with zeros where no request came; for KPU RI only the offices that had requests."""
    received = Q(information_requests__received_on__range=(start, end))
    answered = received & Q(information_requests__status=InformationRequest.Status.ANSWERED)
    on_time = answered & (
        Q(information_requests__extension__isnull=True,
          information_requests__responded_on__lte=F("information_requests__notice_due"))
        | Q(information_requests__extension__isnull=False,
            information_requests__responded_on__lte=F("information_requests__extended_due")))
    offices = (offices_in(region).annotate(
        total=Count("information_requests", filter=received, distinct=True),
        answered=Count("information_requests", filter=answered, distinct=True),
        on_time=Count("information_requests", filter=on_time, distinct=True),
        open=Count("information_requests", filter=received & Q(
            information_requests__status__in=InformationRequest.OPEN_STATUSES), distinct=True),
        objections=Count("information_requests__objections", filter=received, distinct=True),
    ).order_by("parent_id", "code"))
    rows = [OfficeServiceRow(o, o.total, o.answered, o.on_time, o.open, o.objections) for o in offices]
    if region.is_national:
        rows = [r for r in rows if r.total]
    return sorted(rows, key=lambda r: (r.office.pk != region.pk, r.office.code))
