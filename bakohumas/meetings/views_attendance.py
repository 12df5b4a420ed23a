"""Attendance pages: an office records who attended (only its own), the organiser marks offices
present or absent, the attendance list (PDF, XLSX), and the office's news item about the meeting."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.meetings import selectors as s
from bakohumas.meetings.documents import PDF, XLSX, attendance_pdf, attendance_xlsx, filename
from bakohumas.meetings.forms import AttendeeForm, PresenceForm
from bakohumas.meetings.news import news_draft_create
from bakohumas.meetings.services import attendee_add, attendee_remove, invitee_mark
from bakohumas.meetings.views import _download


@login_required
def attendance(request: AuthenticatedHttpRequest, meeting_id: UUID, office_code: str) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    invitee = s.get_invitee_for_user(request.user, meeting, office_code)
    may_record = s.may_record_attendance(request.user, invitee)
    form = AttendeeForm(request.POST or None)
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied
        if form.is_valid():
            try:
                attendee_add(invitee=invitee, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Kehadiran %(name)s tercatat.") % {"name": form.cleaned_data["name"]})
                return redirect("meetings:attendance", meeting_id=meeting.id, office_code=invitee.office.code)
    return render(request, "meetings/attendance.html", {
        "meeting": meeting, "invitee": invitee, "attendees": list(invitee.attendees.all()), "form": form,
        "may_record": may_record, "can_manage": s.may_manage(request.user, meeting),
    }, status=400 if form.is_bound else 200)


@login_required
@require_POST
def attendee_delete(request: AuthenticatedHttpRequest, meeting_id: UUID, office_code: str,
                    attendee_id: UUID) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    invitee = s.get_invitee_for_user(request.user, meeting, office_code)
    attendee = get_object_or_404(invitee.attendees.all(), id=attendee_id)
    attendee_remove(attendee=attendee, actor=request.user)
    messages.success(request, _("Nama dihapus dari daftar hadir."))
    return redirect("meetings:attendance", meeting_id=meeting.id, office_code=invitee.office.code)


@login_required
@require_POST
def presence(request: AuthenticatedHttpRequest, meeting_id: UUID, office_code: str) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    invitee = s.get_invitee_for_user(request.user, meeting, office_code)
    if not s.may_manage(request.user, meeting):
        raise PermissionDenied
    form = PresenceForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Pilihan kehadiran tidak dikenal."), status=400)
    invitee_mark(invitee=invitee, actor=request.user, presence=form.cleaned_data["presence"])
    messages.success(request, _("Kehadiran %(office)s: %(presence)s.") % {
        "office": invitee.office.name, "presence": invitee.get_presence_display()})
    return redirect("meetings:detail", meeting_id=meeting.id)


@login_required
def attendance_list(request: AuthenticatedHttpRequest, meeting_id: UUID, fmt: str) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    if not (s.may_manage(request.user, meeting) or s.may_chair(request.user, meeting)
            or request.user.office_id == meeting.organiser_id
            or (request.user.office is not None and request.user.office.is_national)):
        raise PermissionDenied
    if fmt == "pdf":
        return _download(attendance_pdf(meeting), filename(meeting, "daftar-hadir", "pdf"), PDF)
    if fmt == "xlsx":
        return _download(attendance_xlsx(meeting), filename(meeting, "daftar-hadir", "xlsx"), XLSX)
    raise Http404


@login_required
@require_POST
def news_draft(request: AuthenticatedHttpRequest, meeting_id: UUID, office_code: str) -> HttpResponse:
    meeting = s.get_meeting_for_user(request.user, meeting_id)
    invitee = s.get_invitee_for_user(request.user, meeting, office_code)
    if not s.may_record_attendance(request.user, invitee):
        raise PermissionDenied
    try:
        output = news_draft_create(invitee=invitee, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("meetings:attendance", meeting_id=meeting.id, office_code=invitee.office.code)
    messages.success(request, _("Draf berita dibuat dari rakor; periksa dan sunting sebelum diajukan."))
    return redirect("publications:output_edit", output_id=output.id)
