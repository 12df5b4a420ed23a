from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.http import AuthenticatedHttpRequest

from bakohumas.evaluation.documents import LABELS as DOCUMENT_LABELS
from bakohumas.evaluation.engine import CARRY_FORWARD, RULE_LABELS, evaluate
from bakohumas.evaluation.forms import AsOfForm, EvaluationEditForm
from bakohumas.evaluation.recommendations import scope_recommendations
from bakohumas.evaluation.report import build_summary, evaluation_edit_for, indicator_bars
from bakohumas.evaluation.services import can_edit_evaluation, clean_recommendations, evaluation_edit_save
from bakohumas.offices.models import Office
from bakohumas.evaluation.selectors import get_scope_for_user
from bakohumas.followup.selectors import actions_for_evaluation
from bakohumas.reports.models import Period
from bakohumas.reports.selectors import completeness



def rule_from_request(request: HttpRequest) -> str:
    """The missing-data rule chosen with `aturan` (query string, or the form of a POST), the default
    when absent or unknown."""
    rule = (request.POST if request.method == "POST" else request.GET).get("aturan", CARRY_FORWARD)
    return rule if rule in RULE_LABELS else CARRY_FORWARD


def as_of_from_request(request: HttpRequest) -> tuple[AsOfForm, dt.date | None]:
    """The `per` day (query string, or the form of a POST) and its form, bound for its error message."""
    data = request.POST if request.method == "POST" else request.GET
    form = AsOfForm({"per": data.get("per", "")})
    return form, (form.cleaned_data["per"] if form.is_valid() else None)


def _page(request: HttpRequest, region: Office, period: Period, edit_form: EvaluationEditForm | None = None,
          status: int = 200) -> HttpResponse:
    rule = rule_from_request(request)
    as_of_form, as_of = as_of_from_request(request)
    result = evaluate(period=period, region=region, missing_rule=rule, as_of=as_of)
    summary = build_summary(result, region)
    edit = evaluation_edit_for(region, period)
    generated = scope_recommendations(result)
    recommendations = edit.recommendations if edit and edit.recommendations is not None else generated
    may_edit = can_edit_evaluation(request.user, region)
    if may_edit and edit_form is None:
        edit_form = EvaluationEditForm(initial={"recommendations": "\n".join(recommendations),
                                                "note": edit.note if edit else "",
                                                "meeting_date": edit.meeting_date if edit else None})
    return render(request, "evaluation/evaluation.html", {
        "region": region, "period": period, "result": result, "summary": summary, "rule": rule,
        "rule_labels": RULE_LABELS, "show_reported": 0 < result.evaluated_count < result.expected,
        "chart": indicator_bars(summary), "periods": Period.objects.all()[:12],
        "document_formats": DOCUMENT_LABELS, "as_of_form": as_of_form, "as_of": as_of,
        "followup_actions": actions_for_evaluation(region=region, period=period),
        "recommendations": recommendations, "edit": edit, "edited": bool(edit and edit.recommendations is not None),
        "generated": generated, "edit_form": edit_form if may_edit else None,
    }, status=status)


@login_required
def evaluation_page(request: HttpRequest, region_code: str, period_code: str) -> HttpResponse:
    region, period = get_scope_for_user(request.user, region_code, period_code)
    return _page(request, region, period)


@login_required
@require_POST
def edit_evaluation(request: AuthenticatedHttpRequest, region_code: str, period_code: str) -> HttpResponse:
    """Save the evaluator's recommendations, note and Rakor date; back to the page's recommendations."""
    region, period = get_scope_for_user(request.user, region_code, period_code)
    if not can_edit_evaluation(request.user, region):
        raise PermissionDenied
    form = EvaluationEditForm(request.POST)
    if not form.is_valid():
        return _page(request, region, period, edit_form=form, status=400)
    data = form.cleaned_data
    evaluation_edit_save(region=region, period=period, actor=request.user, note=data["note"],
                         meeting_date=data["meeting_date"],
                         recommendations=None if data["reset"] else clean_recommendations(data["recommendations"]))
    messages.success(request, _("Rekomendasi dan catatan disimpan; dokumen berikutnya memakainya."))
    query = urlencode({"aturan": rule_from_request(request), "per": request.POST.get("per", "")})
    return redirect(reverse("evaluation:evaluation", args=[region.code, period.code]) + f"?{query}#rekomendasi")


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

