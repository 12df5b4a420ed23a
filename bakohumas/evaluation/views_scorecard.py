"""The per-office scorecard page. An office sees only its own (others 404), a province its kab/kota,
KPU RI every office."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from bakohumas.evaluation.scorecard import office_scorecard
from bakohumas.followup.services import can_agree_actions, can_update_actions_of
from bakohumas.reports.models import Period, Submission
from bakohumas.reports.selectors import get_regency_for_user, get_started_period


@login_required
def scorecard_page(request: HttpRequest, office_code: str, period_code: str) -> HttpResponse:
    office = get_regency_for_user(request.user, office_code)
    period = get_started_period(period_code)
    card = office_scorecard(office=office, period=period)
    return render(request, "evaluation/scorecard.html", {
        "office": office, "period": period, "card": card,
        "can_agree": can_agree_actions(request.user, office),  # type: ignore[arg-type]
        "can_update_actions": can_update_actions_of(request.user, office),  # type: ignore[arg-type]
        "periods": Period.objects.all()[:8],
    })


@login_required
def scorecard_latest(request: HttpRequest, office_code: str) -> HttpResponse:
    """The scorecard of the office's most recent report (or of the latest period when it has none),
    so the office home page can link to it without knowing which periods exist."""
    office = get_regency_for_user(request.user, office_code)
    latest = (Submission.objects.filter(office=office, status__in=Submission.REPORTED_STATUSES)
              .order_by("-period_id").values_list("period_id", flat=True).first()
              or Period.objects.values_list("code", flat=True).first())
    if latest is None:
        raise Http404("Belum ada periode laporan.")
    return redirect("evaluation:scorecard", office_code=office.code, period_code=latest)
