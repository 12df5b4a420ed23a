"""The reminders page of a province or KPU RI for one period: who owes a report, the WhatsApp texts
and links, one button to e-mail them all, and the log of reminders sent."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.evaluation.selectors import get_scope_for_user
from bakohumas.followup.models import Reminder
from bakohumas.followup.reminders import owing_offices, reminder_log_whatsapp, reminders_send_email
from bakohumas.followup.whatsapp import wa_link
from bakohumas.offices.models import Office, User
from bakohumas.reports.models import Period

LOG_ROWS = 100


def _may_send(user: User, region: Office, period: Period) -> bool:
    """The province's own evaluators for their province, KPU RI's humas for any scope; nobody once
    the period's entry is closed (no office can send the report any more)."""
    if period.entry_closed or user.office is None:
        return False
    if user.role == User.Role.EVALUATOR:
        return region.is_province and user.office_id == region.pk
    return user.role == User.Role.HUMAS_RI and user.office.is_national


def _scope(region: Office) -> Office | None:
    return None if region.is_national else region


@login_required
def reminders_page(request: AuthenticatedHttpRequest, region_code: str, period_code: str) -> HttpResponse:
    region, period = get_scope_for_user(request.user, region_code, period_code)
    owing = owing_offices(period=period, region=_scope(region))
    log = (Reminder.objects.filter(period=period, office__in=Office.objects.in_region(_scope(region)))
           .select_related("office", "sent_by")[:LOG_ROWS])
    return render(request, "followup/reminders.html", {
        "region": region, "period": period, "owing": owing, "log": log, "can_send": _may_send(request.user, region, period),
        "with_email": sum(1 for o in owing if o.emails), "periods": Period.objects.all()[:8],
    })


@login_required
@require_POST
def reminders_send(request: AuthenticatedHttpRequest, region_code: str, period_code: str) -> HttpResponse:
    region, period = get_scope_for_user(request.user, region_code, period_code)
    if not _may_send(request.user, region, period):
        raise PermissionDenied
    sent = reminders_send_email(period=period, region=_scope(region), actor=request.user)
    if sent:
        messages.success(request, _("E-mail pengingat dikirim ke %(n)s kantor.") % {"n": sent})
    else:
        messages.info(request, _("Tidak ada e-mail pengingat baru: semua kantor yang belum mengirim sudah "
                                 "diingatkan hari ini atau belum mencatat alamat e-mail."))
    return redirect("followup:reminders", region_code=region.code, period_code=period.code)


@login_required
@require_POST
def reminder_whatsapp(request: AuthenticatedHttpRequest, region_code: str, period_code: str,
                      office_code: str) -> HttpResponse:
    """Log a WhatsApp reminder. The page's wa.me link opens WhatsApp with the text (the user sends it
    from their own phone) and a small script posts here on the click: a form redirecting to wa.me
    would be blocked by the Content-Security-Policy (`form-action 'self'`)."""
    region, period = get_scope_for_user(request.user, region_code, period_code)
    if not _may_send(request.user, region, period):
        raise PermissionDenied
    owing = next((o for o in owing_offices(period=period, region=_scope(region)) if o.office.code == office_code), None)
    number = request.POST.get("nomor", "")
    contact = next((c for c in owing.contacts if c.phone == number), None) if owing else None
    if owing is None or contact is None:
        return HttpResponseBadRequest(_("Kantor itu tidak sedang berutang laporan, atau nomor WhatsApp tidak dikenal."))
    logged = reminder_log_whatsapp(owing=owing, number=number, actor=request.user)
    return JsonResponse({"logged": logged, "link": wa_link(number, owing.whatsapp_text)})
