"""Follow-up pages: an office's agreed actions (the province records them, the office reports
progress), a province's actions checked against an evaluation period, and the reminders page."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.evaluation.selectors import get_scope_for_user
from bakohumas.followup.forms import ActionForm, ActionUpdateForm
from bakohumas.followup.selectors import actions_for_evaluation, actions_for_office, get_action_for_user
from bakohumas.followup.services import action_create, action_update, can_agree_actions, can_update_actions_of
from bakohumas.offices.models import Office
from bakohumas.reports.models import Period
from bakohumas.reports.selectors import get_regency_for_user



def _office_page(request: AuthenticatedHttpRequest, office: Office, form: ActionForm | None = None,
                 status: int = 200) -> HttpResponse:
    can_agree = can_agree_actions(request.user, office)
    actions = actions_for_office(office)
    latest = Period.objects.first()
    if form is None and can_agree:
        form = ActionForm(initial={"due_period": latest.code if latest else None})
    return render(request, "followup/office_actions.html", {
        "office": office, "actions": actions, "can_agree": can_agree, "form": form,
        "can_update": can_update_actions_of(request.user, office),
        "update_form": ActionUpdateForm(), "latest_period": latest,
    }, status=status)


@login_required
def office_actions(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    return _office_page(request, get_regency_for_user(request.user, office_code))


@login_required
@require_POST
def action_add(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office = get_regency_for_user(request.user, office_code)
    if not can_agree_actions(request.user, office):
        raise PermissionDenied
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            action_create(office=office, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Tindak lanjut untuk %(office)s tercatat.") % {"office": office.name})
            return redirect("followup:office_actions", office_code=office.code)
    return _office_page(request, office, form=form, status=400)


@login_required
@require_POST
def action_progress(request: AuthenticatedHttpRequest, action_id: UUID) -> HttpResponse:
    action, can_update = get_action_for_user(request.user, action_id)
    if not can_update:
        raise PermissionDenied
    form = ActionUpdateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih status tindak lanjut."))
        return _office_page(request, action.office, status=400)
    try:
        action_update(action=action, actor=request.user, status=form.cleaned_data["status"],
                      note=form.cleaned_data["note"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _office_page(request, action.office, status=400)
    messages.success(request, _("Kemajuan tindak lanjut tersimpan."))
    return redirect("followup:office_actions", office_code=action.office.code)


@login_required
def region_actions(request: AuthenticatedHttpRequest, region_code: str, period_code: str) -> HttpResponse:
    region, period = get_scope_for_user(request.user, region_code, period_code)
    return render(request, "followup/region_actions.html", {
        "region": region, "period": period, "followup_actions": actions_for_evaluation(region=region, period=period),
        "periods": Period.objects.all()[:8],
    })
