"""Minutes pages: the notulen per agenda item and its directions, directions made follow-up actions,
the chair's approval, and the minutes as DOCX/PDF."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.meetings import selectors as s
from bakohumas.meetings.documents import DOCX, PDF, filename, minutes_docx, minutes_pdf
from bakohumas.meetings.forms import DirectionActionsForm, DirectionForm, MinutesForm
from bakohumas.meetings.services import direction_add, direction_to_actions, item_minutes_save, minutes_approve
from bakohumas.meetings.views import _download
from bakohumas.reports.models import Period


@login_required
def minutes(request: AuthenticatedHttpRequest, meeting_id: UUID) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    if not s.may_see_minutes(request.user, meeting):
        raise PermissionDenied
    can_edit = s.may_manage(request.user, meeting) and not meeting.minutes_approved and not meeting.is_cancelled
    later = Period.objects.filter(code__gt=meeting.period_id).order_by("code").first()
    return render(request, "meetings/minutes.html", {
        "meeting": meeting, "agenda": s.meeting_agenda(meeting), "can_edit": can_edit,
        "can_make_actions": s.may_manage(request.user, meeting), "may_chair": s.may_chair(request.user, meeting),
        "direction_form": DirectionForm(), "invited_count": meeting.invitees.count(),
        "actions_form": DirectionActionsForm(meeting=meeting, initial={"due_period": later or meeting.period}),
    })


def _manager_post(request: AuthenticatedHttpRequest, meeting_id: UUID):
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    if not s.may_manage(request.user, meeting):
        raise PermissionDenied
    return meeting


@login_required
@require_POST
def item_minutes(request: AuthenticatedHttpRequest, meeting_id: UUID, item_id: UUID) -> HttpResponse:
    meeting = _manager_post(request, meeting_id)
    item = s.get_item(meeting, item_id)
    form = MinutesForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Notulen terlalu panjang."), status=400)
    try:
        item_minutes_save(item=item, actor=request.user, minutes=form.cleaned_data["minutes"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Notulen “%(item)s” tersimpan.") % {"item": item.title})
    return redirect("meetings:minutes", meeting_id=meeting.id)


@login_required
@require_POST
def direction_create(request: AuthenticatedHttpRequest, meeting_id: UUID, item_id: UUID) -> HttpResponse:
    meeting = _manager_post(request, meeting_id)
    item = s.get_item(meeting, item_id)
    form = DirectionForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Tulis arahannya."), status=400)
    try:
        direction_add(item=item, actor=request.user, text=form.cleaned_data["text"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Arahan tercatat."))
    return redirect("meetings:minutes", meeting_id=meeting.id)


@login_required
@require_POST
def direction_actions(request: AuthenticatedHttpRequest, meeting_id: UUID, direction_id: UUID) -> HttpResponse:
    meeting = _manager_post(request, meeting_id)
    direction = s.get_direction(meeting, direction_id)
    form = DirectionActionsForm(request.POST, meeting=meeting)
    if not form.is_valid():
        return HttpResponse(_("Pilih tenggat triwulan."), status=400)
    try:
        created = direction_to_actions(direction=direction, actor=request.user,
                                       due_period=form.cleaned_data["due_period"],
                                       offices=list(form.cleaned_data["offices"]) or None)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(n)s tindak lanjut dibuat dari arahan ini.") % {"n": len(created)})
    return redirect("meetings:minutes", meeting_id=meeting.id)


@login_required
@require_POST
def approve(request: AuthenticatedHttpRequest, meeting_id: UUID) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    if not s.may_chair(request.user, meeting):
        raise PermissionDenied
    try:
        minutes_approve(meeting=meeting, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Notulen disetujui dan dapat dibaca kantor yang diundang."))
    return redirect("meetings:minutes", meeting_id=meeting.id)


@login_required
def minutes_document(request: AuthenticatedHttpRequest, meeting_id: UUID, fmt: str) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    if not s.may_see_minutes(request.user, meeting):
        raise PermissionDenied
    if fmt == "docx":
        return _download(minutes_docx(meeting), filename(meeting, "notulen", "docx"), DOCX)
    if fmt == "pdf":
        return _download(minutes_pdf(meeting), filename(meeting, "notulen", "pdf"), PDF)
    raise Http404
