from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from bakohumas.evaluation.documents import LABELS as DOCUMENT_LABELS
from bakohumas.evaluation.engine import CARRY_FORWARD, COUNT_AS_NOT_MET, evaluate
from bakohumas.evaluation.report import build_summary, indicator_bars
from bakohumas.evaluation.selectors import get_scope_for_user
from bakohumas.followup.selectors import actions_for_evaluation
from bakohumas.reports.models import Period
from bakohumas.reports.selectors import completeness

RULE_LABELS = {
    CARRY_FORWARD: gettext_lazy("Pakai laporan terakhir"),
    COUNT_AS_NOT_MET: gettext_lazy("Dianggap tidak memenuhi"),
}


def rule_from_request(request: HttpRequest) -> str:
    """The missing-data rule chosen with `aturan` (query string, or the form of a POST), the default
    when absent or unknown."""
    rule = (request.POST if request.method == "POST" else request.GET).get("aturan", CARRY_FORWARD)
    return rule if rule in RULE_LABELS else CARRY_FORWARD


@login_required
def evaluation_page(request: HttpRequest, region_code: str, period_code: str) -> HttpResponse:
    region, period = get_scope_for_user(request.user, region_code, period_code)
    rule = rule_from_request(request)
    result = evaluate(period=period, region=region, missing_rule=rule)
    summary = build_summary(result, region)
    return render(request, "evaluation/evaluation.html", {
        "region": region, "period": period, "result": result, "summary": summary, "rule": rule,
        "rule_labels": RULE_LABELS, "show_reported": 0 < result.evaluated_count < result.expected,
        "chart": indicator_bars(summary), "periods": Period.objects.all()[:12],
        "document_formats": DOCUMENT_LABELS,
        "followup_actions": actions_for_evaluation(region=region, period=period),
    })


@login_required
def completeness_page(request: HttpRequest, region_code: str, period_code: str) -> HttpResponse:
    region, period = get_scope_for_user(request.user, region_code, period_code)
    rows = completeness(region=region, period=period)
    reported = [r for r in rows if r.reported]
    return render(request, "evaluation/completeness.html", {
        "region": region, "period": period, "rows": rows,
        "reported_count": len(reported), "late_count": sum(r.late for r in rows),
        "missing": [r for r in rows if not r.reported],
        "periods": Period.objects.all()[:12],
    })

