"""The national dashboard for KPU RI: provinces x indicators heat table, completeness per province,
national totals and advice, with drill-down province -> province evaluation -> office scorecard.
One national pass of the engine (`evaluate_provinces`, share and ratio indicators); the totals are
summed from the provinces, so the number of queries does not depend on how many provinces or offices
there are."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bakohumas.core.formatting import percent
from bakohumas.evaluation.engine import EvaluationResult, IndicatorResult, evaluate_provinces
from bakohumas.evaluation.recommendations import scope_recommendations
from bakohumas.evaluation.selectors import require_national
from bakohumas.evaluation.views import RULE_LABELS, rule_from_request
from bakohumas.offices.models import Office
from bakohumas.reports.models import Period
from bakohumas.reports.selectors import get_started_period


@dataclass
class ProvinceRow:
    province: Office
    result: EvaluationResult

    @property
    def reported(self) -> int:
        return len(self.result.reported)

    @property
    def completeness(self) -> float | None:
        return percent(self.reported, self.result.expected)

    @property
    def missing(self) -> int:
        return self.result.expected - self.reported


def national_totals(rows: list[ProvinceRow], period: Period, rule: str) -> EvaluationResult:
    """The nation as one result, summed from the provinces: offices meeting a share indicator, and
    a ratio indicator's numerator and denominator (each kab/kota belongs to one province)."""
    units = [u for row in rows for u in row.result.offices]
    indicators: list[IndicatorResult] = []
    if rows:
        for position, first in enumerate(rows[0].result.indicators):
            items = [row.result.indicators[position] for row in rows]
            indicators.append(IndicatorResult(
                first.code, first.name, first.kind, first.polarity, first.group, first.phrase, first.short_label,
                first.term, numerator=sum(i.numerator for i in items), denominator=sum(i.denominator for i in items),
                units=None, reported_denominator=(sum(i.reported_denominator or 0 for i in items)
                                                  if first.kind == "share" else None)))
    return EvaluationResult(Office.NATIONAL_CODE, "Indonesia", period, rule, units, indicators)


@login_required
def national_page(request: HttpRequest, period_code: str) -> HttpResponse:
    require_national(request.user)
    period = get_started_period(period_code)
    rule = rule_from_request(request)
    rows = [ProvinceRow(p, r) for p, r in evaluate_provinces(period=period, missing_rule=rule)]
    national = national_totals(rows, period, rule)
    return render(request, "evaluation/national.html", {
        "period": period, "rule": rule, "rule_labels": RULE_LABELS, "national": national, "provinces": rows,
        "indicators": national.indicators, "advice": scope_recommendations(national),
        "complete_provinces": sum(1 for r in rows if r.result.expected and not r.missing),
        "completeness": percent(len(national.reported), national.expected),
        "periods": Period.objects.all()[:12],
    })
