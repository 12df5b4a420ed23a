"""The scorecard ("rapor") of one kab/kota office: which indicators it meets in a period and with
which values, its trend over the last quarters, its report history, the recommendations that follow
from what it does not meet, and its agreed follow-up actions. Built in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.evaluation.engine import meets_threshold
from bakohumas.evaluation.models import Indicator
from bakohumas.evaluation.recommendations import (
    CEREMONIAL_SHARE_LIMIT,
    Recommendation,
    default_contact,
    office_recommendations,
)
from bakohumas.followup.selectors import EvaluatedAction, actions_for_office, evaluate_action
from bakohumas.offices.models import Office, PositionTerm, User
from bakohumas.reports.models import Period, ReportValue, Submission

TREND_PERIODS = 6
HISTORY_PERIODS = 8


@dataclass
class IndicatorStatus:
    indicator: Indicator
    value: int | None = None  # the element's value (share indicators)
    numerator: int | None = None  # ratio indicators
    denominator: int | None = None
    ok: bool | None = None  # meets a positive indicator / is free of a constraint; None: unknown

    @property
    def percent(self) -> float | None:
        from bakohumas.core.formatting import percent

        if self.numerator is None or self.denominator is None:
            return None
        return percent(self.numerator, self.denominator)

    @property
    def is_constraint(self) -> bool:
        return self.indicator.kind == Indicator.Kind.SHARE and self.indicator.polarity == Indicator.Polarity.LOWER_IS_BETTER


@dataclass
class TrendRow:
    indicator: Indicator
    cells: list[bool | None]


@dataclass
class HistoryRow:
    period: Period
    submission: Submission | None
    late: bool
    overdue: bool

    @property
    def reported(self) -> bool:
        return self.submission is not None and self.submission.is_reported


@dataclass
class Scorecard:
    office: Office
    period: Period
    submission: Submission | None
    late: bool
    indicators: list[IndicatorStatus]
    trend_periods: list[Period]
    trend: list[TrendRow]
    history: list[HistoryRow]
    contact: str
    recommendations: list[Recommendation] = field(default_factory=list)
    actions: list[EvaluatedAction] = field(default_factory=list)
    rakor: list[Any] = field(default_factory=list)  # meetings.Invitee: the Rakor of the period, attended or not

    @property
    def reported(self) -> bool:
        return self.submission is not None and self.submission.is_reported

    @property
    def met_count(self) -> int:
        return sum(1 for s in self.indicators if s.ok and not s.is_constraint and s.indicator.kind == "share")

    @property
    def share_count(self) -> int:
        return sum(1 for s in self.indicators if s.indicator.kind == "share" and not s.is_constraint)

    @property
    def constraint_count(self) -> int:
        """Rows of the table that are constraints (Ada/Tidak ada): shown, not counted in met_count."""
        return sum(1 for s in self.indicators if s.is_constraint)

    @property
    def ratio_count(self) -> int:
        """Rows that are ratios (0/2, 43%): shown with their own mark, not counted in met_count."""
        return sum(1 for s in self.indicators if s.indicator.kind != "share" and not s.is_constraint)


def indicator_status(indicator: Indicator, values: dict[str, int | None] | None) -> IndicatorStatus:
    """How one office stands on one indicator, from its report values (None: no report)."""
    status = IndicatorStatus(indicator)
    if values is None:
        return status
    if indicator.kind == Indicator.Kind.SHARE:
        status.value = values.get(indicator.element)
        met = meets_threshold(indicator, status.value)  # the engine's own rule, so page and rapor agree
        status.ok = met if indicator.polarity == Indicator.Polarity.HIGHER_IS_BETTER else not met
        return status
    # The engine only sums a ratio's two elements over a region; it does not judge a ratio. One
    # office's ratio is judged here with the limits the advice uses (recommendations: all requests
    # answered on time; ceremonial posts at most CEREMONIAL_SHARE_LIMIT of all posts), exactly rather
    # than on the rounded whole percentage the regional advice shows.
    status.numerator = values.get(indicator.numerator) or 0
    status.denominator = values.get(indicator.denominator) or 0
    if status.denominator:
        share = status.numerator / status.denominator
        status.ok = (share >= 1 if indicator.polarity == Indicator.Polarity.HIGHER_IS_BETTER
                     else share <= CEREMONIAL_SHARE_LIMIT)
    return status


def province_contact(office: Office) -> str:
    """Whom an office contacts about its report: its province's evaluators (name, phone, e-mail),
    else the province's Ketua Bakohumas as recorded, else a general description."""
    province = office.parent
    if province is None:
        return default_contact()
    evaluators = list(User.objects.filter(office=province, role=User.Role.EVALUATOR, is_active=True)
                      .order_by("last_name", "username")[:2])
    if evaluators:
        people = []
        for user in evaluators:
            reach = ", ".join(x for x in (user.phone, user.email) if x)
            people.append(f"{user} ({reach})" if reach else str(user))
        return _("evaluator %(province)s: %(people)s") % {"province": province.name, "people": "; ".join(people)}
    ketua = PositionTerm.objects.filter(office=province, position=PositionTerm.Position.KETUA_BAKOHUMAS,
                                        ended_on__isnull=True).first()
    if ketua:
        reach = f" ({ketua.contact})" if ketua.contact else ""
        return _("Ketua Bakohumas %(province)s, %(name)s%(reach)s") % {
            "province": province.name, "name": ketua.holder_name, "reach": reach}
    return default_contact()


def office_scorecard(*, office: Office, period: Period, today: dt.date | None = None) -> Scorecard:
    today = today or timezone.localdate()
    indicators = list(Indicator.objects.filter(is_active=True))
    window = list(Period.objects.filter(code__lte=period.code).order_by("-code")[:HISTORY_PERIODS])
    window.reverse()  # oldest first
    submissions = {s.period_id: s for s in Submission.objects.filter(office=office, period__in=window).select_related("period")}
    values: dict[Any, dict[str, int | None]] = {s.id: {} for s in submissions.values() if s.is_reported}
    for submission_id, code, number in ReportValue.objects.filter(
            submission_id__in=list(values), number__isnull=False).values_list("submission_id", "code", "number"):
        values[submission_id][code] = number

    def values_for(p: Period) -> dict[str, int | None] | None:
        s = submissions.get(p.code)
        return values.get(s.id) if s is not None and s.is_reported else None

    trend_periods = window[-TREND_PERIODS:]
    trend = [TrendRow(i, [indicator_status(i, values_for(p)).ok for p in trend_periods]) for i in indicators]
    history = []
    for p in reversed(window):  # most recent first
        s = submissions.get(p.code)
        history.append(HistoryRow(period=p, submission=s, late=bool(s and s.is_late),
                                  overdue=(s is None or not s.is_reported) and today > p.deadline))
    current = submissions.get(period.code)
    reported = current is not None and current.is_reported
    late = bool(current and current.is_late) or (not reported and today > period.deadline)
    contact = province_contact(office)
    current_values = values_for(period)
    card = Scorecard(
        office=office, period=period, submission=current, late=late,
        indicators=[indicator_status(i, current_values) for i in indicators],
        trend_periods=trend_periods, trend=trend, history=history, contact=contact,
    )
    card.recommendations = office_recommendations(values=current_values or {}, late=late, reported=reported,
                                                  contact=contact)
    card.actions = [evaluate_action(a, period) for a in actions_for_office(office)]
    from bakohumas.meetings.selectors import office_rakor  # meetings builds on evaluation, not the other way

    card.rakor = office_rakor(office, period)
    return card
