"""ISBN application pages: the office prepares and submits, KPU RI reviews, returns, forwards to
Perpusnas and records the ISBN and KDT; the office records the legal deposit."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.files import serve_file
from bakohumas.library.forms import AssignForm, CommentForm, DepositForm, PartForm
from bakohumas.library.models import IsbnApplication, PartKind
from bakohumas.library.selectors import applications_for_user, get_application_for_user, get_record_for_user
from bakohumas.library.services import (
    application_assign,
    application_attach_part,
    application_create,
    application_forward,
    application_missing_parts,
    application_record_deposit,
    application_return,
    application_submit,
)


def _form_errors(form) -> str:
    return " ".join(e for errors in form.errors.values() for e in errors)


@login_required
def application_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    return render(request, "library/application_list.html", {
        "applications": applications_for_user(request.user, status=status)[:500], "status": status,
        "statuses": IsbnApplication.Status.choices,
    })


@login_required
@require_POST
def application_create_view(request: HttpRequest, record_id: UUID) -> HttpResponse:
    record, editable = get_record_for_user(request.user, record_id)
    if not editable:
        raise PermissionDenied
    try:
        application = application_create(record=record, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("library:record_detail", record_id=record.id)
    return redirect("library:application_detail", application_id=application.id)


@login_required
def application_detail(request: HttpRequest, application_id: UUID) -> HttpResponse:
    application, office_may_act, reviewer = get_application_for_user(request.user, application_id)
    form = PartForm()
    if request.method == "POST":
        if not office_may_act:
            raise PermissionDenied
        form = PartForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                application_attach_part(application=application, actor=request.user, kind=form.cleaned_data["kind"],
                                        upload=form.cleaned_data["file"])
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Berkas %(part)s tersimpan.")
                                 % {"part": PartKind(form.cleaned_data["kind"]).label})
            return redirect("library:application_detail", application_id=application.id)
    parts = {part.kind: part for part in application.parts.all()}
    checklist = [{"kind": kind, "part": parts.get(kind.value)} for kind in PartKind]
    return render(request, "library/application_detail.html", {
        "application": application, "checklist": checklist, "missing": application_missing_parts(application),
        "office_may_act": office_may_act, "reviewer": reviewer, "part_form": form, "comment_form": CommentForm(),
        "assign_form": AssignForm(), "deposit_form": DepositForm(),
    }, status=400 if request.method == "POST" else 200)


def _act(request: HttpRequest, application_id: UUID, *, reviewer_only: bool,
         action: Callable[[IsbnApplication], str]) -> HttpResponse:
    application, office_may_act, reviewer = get_application_for_user(request.user, application_id)
    if not (reviewer if reviewer_only else office_may_act):
        raise PermissionDenied
    try:
        message = action(application)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, message)
    return redirect("library:application_detail", application_id=application.id)


@login_required
@require_POST
def application_submit_view(request: HttpRequest, application_id: UUID) -> HttpResponse:
    def act(application):
        application_submit(application=application, actor=request.user)
        return _("Pengajuan ISBN dikirim ke KPU RI.")
    return _act(request, application_id, reviewer_only=False, action=act)


@login_required
@require_POST
def application_return_view(request: HttpRequest, application_id: UUID) -> HttpResponse:
    def act(application):
        application_return(application=application, actor=request.user, comment=request.POST.get("comment", ""))
        return _("Pengajuan dikembalikan ke %(office)s.") % {"office": application.office}
    return _act(request, application_id, reviewer_only=True, action=act)


@login_required
@require_POST
def application_forward_view(request: HttpRequest, application_id: UUID) -> HttpResponse:
    def act(application):
        application_forward(application=application, actor=request.user, comment=request.POST.get("comment", ""))
        return _("Pengajuan diteruskan ke Perpusnas.")
    return _act(request, application_id, reviewer_only=True, action=act)


@login_required
@require_POST
def application_assign_view(request: HttpRequest, application_id: UUID) -> HttpResponse:
    def act(application):
        form = AssignForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_form_errors(form))
        application_assign(application=application, actor=request.user, **form.cleaned_data)
        return _("ISBN %(isbn)s dicatat.") % {"isbn": application.isbn}
    return _act(request, application_id, reviewer_only=True, action=act)


@login_required
@require_POST
def application_deposit_view(request: HttpRequest, application_id: UUID) -> HttpResponse:
    def act(application):
        form = DepositForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_form_errors(form))
        application_record_deposit(application=application, actor=request.user, **form.cleaned_data)
        return _("Serah simpan karya cetak dicatat.")
    return _act(request, application_id, reviewer_only=False, action=act)


@login_required
def part_download(request: HttpRequest, application_id: UUID, kind: str) -> FileResponse:
    application, _office, _reviewer = get_application_for_user(request.user, application_id)
    part = get_object_or_404(application.parts.all(), kind=kind)
    return serve_file(request, part.file, filename=f"isbn-{application.record.id}-{part.kind}", attachment=True)
