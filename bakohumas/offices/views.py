from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.accounts.selectors_manage import new_holders_to_invite, previous_holders_to_deactivate
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.offices.forms import HandoverForm
from bakohumas.offices.models import PositionTerm, User
from bakohumas.offices.selectors import handover_overview, recent_handover
from bakohumas.offices.services import position_handover
from bakohumas.records.selectors import home_summary
from bakohumas.reports.models import Period, Submission
from bakohumas.reports.selectors import completeness, get_office_for_user, periods_for_office


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    office = request.user.office
    if office is None:
        return render(request, "offices/no_office.html")
    context: dict[str, Any] = {"office": office, "handover_notice": recent_handover(request.user)}
    if office.is_regency:
        context["periods"] = periods_for_office(office)
        context["ketua"] = PositionTerm.objects.filter(
            office=office, position=PositionTerm.Position.KETUA_BAKOHUMAS, ended_on__isnull=True).first()
        context["records_summary"] = home_summary(office, user=request.user)
        return render(request, "offices/home_regency.html", context)
    period = (Period.objects.filter(submissions__status__in=Submission.REPORTED_STATUSES).distinct().first()
              or Period.objects.first())
    context["period"] = period
    context["periods"] = Period.objects.exclude(pk=period.pk)[:8] if period else []
    # Who verifies the kab/kota reports (User.can_verify_report_of); the pimpinan only reads.
    context["may_verify"] = request.user.role in (User.Role.EVALUATOR, User.Role.HUMAS_RI)
    if office.is_province and period:
        rows = completeness(region=office, period=period)
        context.update(
            expected=len(rows), reported=sum(r.reported for r in rows), late=sum(r.late for r in rows),
            waiting=Submission.objects.filter(office__parent=office, status=Submission.Status.SUBMITTED).count(),
            missing=[r for r in rows if not r.reported],
        )
    return render(request, "offices/home_oversight.html", context)


@login_required
def office_detail(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    terms = list(office.position_terms.select_related("user__office").order_by("position", "-started_on"))
    submissions = office.submissions.select_related("period").order_by("-period__start")[:12]
    can_manage = request.user.can_manage_positions_of(office)
    return render(request, "offices/detail.html", {
        "office": office, "terms": terms, "submissions": submissions, "can_manage": can_manage,
        "deactivate_offers": previous_holders_to_deactivate(request.user, office, terms),
        "invite_offers": new_holders_to_invite(request.user, office, terms),
        "form": HandoverForm() if can_manage else None,
    })


@login_required
def handover_page(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    """For a new position holder: what the office keeps, what is open, and the notes left behind.
    The office's own users, its province and KPU RI may read it; everyone else gets 404."""
    office = get_office_for_user(request.user, office_code)
    return render(request, "offices/handover.html", {
        "office": office, "overview": handover_overview(office),
        "can_manage": request.user.can_manage_positions_of(office),
    })


@login_required
@require_POST
def handover(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    if not request.user.can_manage_positions_of(office):
        raise PermissionDenied
    form = HandoverForm(request.POST)
    if form.is_valid():
        try:
            position_handover(office=office, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Serah terima jabatan tercatat."))
            return redirect("offices:detail", office_code=office.code)
    terms = list(office.position_terms.select_related("user").order_by("position", "-started_on"))
    return render(request, "offices/detail.html", {
        "office": office, "terms": terms, "submissions": [], "can_manage": True, "form": form,
    }, status=400)
