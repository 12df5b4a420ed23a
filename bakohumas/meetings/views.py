"""Meeting pages: the list, scheduling and changing a Rakor, its detail page (agenda, invitations,
attendance recap), the invitation (e-mail, .ics, letter, WhatsApp text) and the agenda materials."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.files import serve_file
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.evaluation.documents import render_document
from bakohumas.evaluation.engine import EvaluationError
from bakohumas.meetings import selectors as s
from bakohumas.meetings.calendar import meeting_ics
from bakohumas.meetings.documents import PDF, filename, invitation_pdf
from bakohumas.meetings.forms import AgendaItemForm, CancelForm, MeetingForm
from bakohumas.meetings.invitations import invitation_text, invited_offices
from bakohumas.meetings.services import (
    agenda_item_add,
    meeting_cancel,
    meeting_invite,
    meeting_schedule,
    meeting_update,
)
from bakohumas.reports.models import Period


def _download(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def meeting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    office = request.user.office
    return render(request, "meetings/list.html", {
        "meetings": s.meetings_for_user(request.user),
        "can_schedule": office is not None and s.may_organise(request.user, office)})


@login_required
def meeting_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organiser = request.user.office
    if organiser is None or not s.may_organise(request.user, organiser):
        raise PermissionDenied
    latest = Period.objects.first()
    form = MeetingForm(request.POST or None, organiser=organiser,
                       initial={"period": latest.code if latest else None})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_schedule(organiser=organiser, actor=request.user, data=form.meeting_data(),
                                       offices=form.cleaned_data["offices"] or None)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Rakor dijadwalkan. Susun acaranya, lalu kirim undangan."))
            return redirect("meetings:detail", meeting_id=meeting.id)
    return render(request, "meetings/form.html", {"form": form, "organiser": organiser},
                  status=400 if form.is_bound else 200)


@login_required
def meeting_edit(request: AuthenticatedHttpRequest, meeting_id: UUID) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    if not s.may_manage(request.user, meeting):
        raise PermissionDenied
    fields = ("title", "starts_at", "ends_at", "mode", "link", "place", "period", "chair_name")
    form = MeetingForm(request.POST or None, with_offices=False,
                       initial={name: getattr(meeting, name) for name in fields})
    if request.method == "POST" and form.is_valid():
        sent_before = meeting.invited_at
        try:
            meeting_update(meeting=meeting, actor=request.user, data=form.meeting_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            resent = sent_before is not None and meeting.invited_at != sent_before
            messages.success(request, _("Perubahan tersimpan.") + (
                " " + _("Undangan perubahan dikirim ulang ke kantor yang diundang.") if resent else ""))
            return redirect("meetings:detail", meeting_id=meeting.id)
    return render(request, "meetings/form.html", {"form": form, "meeting": meeting, "organiser": meeting.organiser},
                  status=400 if form.is_bound else 200)


@login_required
def meeting_detail(request: AuthenticatedHttpRequest, meeting_id: UUID) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    can_manage = s.may_manage(request.user, meeting)
    recap = s.attendance_recap(meeting)
    mine = next((i for i in recap.invitees if i.office_id == request.user.office_id), None)
    text = invitation_text(meeting) if can_manage else ""
    return render(request, "meetings/detail.html", {
        "meeting": meeting, "agenda": s.meeting_agenda(meeting), "recap": recap, "mine": mine,
        "can_manage": can_manage, "is_over": meeting.ends_at <= timezone.now(), "may_chair": s.may_chair(request.user, meeting),
        "may_record": mine is not None and s.may_record_attendance(request.user, mine),
        "may_see_minutes": s.may_see_minutes(request.user, meeting),
        "invited": [(o, o.whatsapp(text)) for o in invited_offices(meeting, recap.invitees)] if can_manage else [], "whatsapp_text": text,
        "item_form": AgendaItemForm() if can_manage else None, "cancel_form": CancelForm() if can_manage else None,
    })


@login_required
@require_POST
def meeting_invite_send(request: AuthenticatedHttpRequest, meeting_id: UUID) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    if not s.may_manage(request.user, meeting):
        raise PermissionDenied
    try:
        sent = meeting_invite(meeting=meeting, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Undangan dikirim ke %(n)s satuan kerja.") % {"n": sent})
    return redirect("meetings:detail", meeting_id=meeting.id)


@login_required
@require_POST
def meeting_cancel_view(request: AuthenticatedHttpRequest, meeting_id: UUID) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    if not s.may_manage(request.user, meeting):
        raise PermissionDenied
    form = CancelForm(request.POST)
    form.is_valid()
    try:
        meeting_cancel(meeting=meeting, actor=request.user, reason=form.cleaned_data.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Rakor dibatalkan."))
    return redirect("meetings:detail", meeting_id=meeting.id)


@login_required
@require_POST
def agenda_add(request: AuthenticatedHttpRequest, meeting_id: UUID) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    if not s.may_manage(request.user, meeting):
        raise PermissionDenied
    form = AgendaItemForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            agenda_item_add(meeting=meeting, actor=request.user, data=form.item_data(),
                            material=form.cleaned_data["material"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Acara ditambahkan."))
            return redirect("meetings:detail", meeting_id=meeting.id)
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("meetings:detail", meeting_id=meeting.id)


@login_required
def material(request: AuthenticatedHttpRequest, meeting_id: UUID, item_id: UUID) -> FileResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    item = s.get_item(meeting, item_id)
    return serve_file(request, item.material, filename=item.material_name or "bahan-rakor")


@login_required
def material_evaluation(request: AuthenticatedHttpRequest, meeting_id: UUID, item_id: UUID) -> HttpResponse:
    """The system's evaluation document for the meeting's period, made now from the current data."""
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    item = s.get_item(meeting, item_id)
    if not item.evaluation_document:
        raise Http404
    region = None if meeting.organiser.is_national else meeting.organiser
    try:
        content, name, content_type = render_document(item.evaluation_document, region=region, period=meeting.period)
    except EvaluationError as exc:
        messages.error(request, str(exc))
        return redirect("meetings:detail", meeting_id=meeting.id)
    return _download(content, name, content_type)


@login_required
def meeting_calendar(request: AuthenticatedHttpRequest, meeting_id: UUID) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    return _download(meeting_ics(meeting), filename(meeting, "undangan", "ics"), "text/calendar; charset=utf-8")


@login_required
def invitation_letter(request: AuthenticatedHttpRequest, meeting_id: UUID) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    return _download(invitation_pdf(meeting), filename(meeting, "undangan", "pdf"), PDF)


@login_required
def national(request: AuthenticatedHttpRequest) -> HttpResponse:
    office = request.user.office
    if office is None or not office.is_national:
        raise Http404
    return render(request, "meetings/national.html", {"rows": s.national_overview()})
