"""Governance pages: an office's own publishing, a province's or KPU RI's offices worst first, the
network of KPU accounts, and the content calendar with planned posts. Thin views over selectors."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.core.periods import Quarter
from bakohumas.core.views import form_page
from bakohumas.governance import content_calendar as cal
from bakohumas.governance import selectors as s
from bakohumas.governance import services
from bakohumas.governance.forms import PlannedPostForm, planned_post_initial
from bakohumas.governance.models import PlannedPost
from bakohumas.governance.network import build_network
from bakohumas.offices.models import Office
from bakohumas.posts.models import Platform
from bakohumas.reports.selectors import get_office_for_user, get_region_for_user


def _quarter_choices(chosen: Quarter, count: int = 8) -> list[Quarter]:
    """The last `count` quarters up to the current one, and the chosen one if older."""
    quarter = Quarter.containing(timezone.localdate())
    out = []
    for _i in range(count):
        out.append(quarter)
        quarter = quarter.previous()
    if chosen not in out:
        out.append(chosen)
    return out


def _period_context(quarter: Quarter) -> dict[str, Any]:
    return {"quarter": quarter, "quarters": _quarter_choices(quarter)}


@login_required
def office_overview(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    quarter = s.choose_quarter(request.GET.get("periode"), Office.objects.filter(pk=office.pk))
    return render(request, "governance/office.html", {
        "office": office, "data": s.office_governance(office, quarter), **_period_context(quarter)})


@login_required
def region_overview(request: AuthenticatedHttpRequest, region_code: str) -> HttpResponse:
    region = get_region_for_user(request.user, region_code)
    quarter = s.choose_quarter(request.GET.get("periode"), s.scope_offices(region))
    return render(request, "governance/region.html", {
        "region": region, "data": s.region_governance(region, quarter), **_period_context(quarter)})


@login_required
def network(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    platform = request.GET.get("platform") or None
    if platform and platform not in s.SOCIAL_PLATFORMS:
        raise Http404("Platform tidak dikenal.")
    quarter = s.choose_quarter(request.GET.get("periode"), s.scope_offices(office))
    platforms = [(value, label) for value, label in Platform.choices if value in s.SOCIAL_PLATFORMS]
    return render(request, "governance/network.html", {
        "office": office, "net": build_network(office, quarter, platform=platform), "platform": platform,
        "platforms": platforms, **_period_context(quarter)})


@login_required
def content_calendar(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    today = timezone.localdate()
    status = 200
    try:
        month = cal.parse_month(request.GET.get("bulan"), today)
    except cal.InvalidMonth as exc:  # this month instead, with the reason
        messages.error(request, _("%(reason)s Ditampilkan bulan ini.") % {"reason": exc})
        month, status = today.replace(day=1), 400
    return render(request, "governance/calendar.html", {
        "office": office, "cal": cal.month_calendar(office, month), "may_plan": s.may_plan(request.user, office)},
        status=status)


def _plan_form_page(request: AuthenticatedHttpRequest, form: PlannedPostForm, save, context: dict[str, Any],
                    office_code: str) -> HttpResponse:
    return form_page(request, form, save, context, lambda plan: redirect(
        f"{reverse('governance:calendar', args=[office_code])}?bulan={plan.planned_on:%Y-%m}"),
        template="governance/plan_form.html")


@login_required
def plan_create(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    if not s.may_plan(request.user, office):
        raise PermissionDenied
    initial = {"planned_on": request.GET.get("tanggal") or None}
    form = PlannedPostForm(request.POST or None, initial=initial)
    return _plan_form_page(request, form,
                           lambda data: services.planned_post_create(office=office, actor=request.user, data=data),
                           {"office": office, "title": _("Rencanakan unggahan informasi")}, office.code)


@login_required
def plan_edit(request: AuthenticatedHttpRequest, plan_id: UUID) -> HttpResponse:
    plan = get_object_or_404(PlannedPost.objects.visible_to(request.user).select_related("office"), id=plan_id)
    if not s.may_plan(request.user, plan.office):
        raise PermissionDenied
    form = PlannedPostForm(request.POST or None, initial=planned_post_initial(plan))
    return _plan_form_page(request, form,
                           lambda data: services.planned_post_update(plan=plan, actor=request.user, data=data),
                           {"office": plan.office, "title": _("Ubah rencana unggahan"), "plan": plan},
                           plan.office.code)
