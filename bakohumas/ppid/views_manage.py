"""Monitoring, the service report, documents, information lists and the calendar."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.periods import Quarter
from bakohumas.offices.models import Office
from bakohumas.ppid import documents, letters
from bakohumas.ppid.forms import DipEntryForm, ExemptEntryForm, LetterNumberForm, NonWorkingDayForm, PeriodForm
from bakohumas.ppid.letters import LetterNotReady
from bakohumas.ppid.models import DeadlineRecomputation, DipEntry, ExemptEntry, NonWorkingDay, RuleSet
from bakohumas.ppid.selectors import (
    get_objection_for_user,
    get_office_for_user,
    get_request_for_user,
    is_national_admin,
    is_ppid_staff,
    may_see_requester,
    monitoring,
    request_rows,
    service_report,
)
from bakohumas.ppid.services import dip_entry_create, exempt_entry_create, letter_number_assign, non_working_day_add


@login_required
def monitoring_page(request: HttpRequest, region_code: str) -> HttpResponse:
    region = get_office_for_user(request.user, region_code)
    if region.is_regency:
        return redirect("ppid:request_list", office_code=region.code)
    rows = monitoring(region)
    late = [r for r in request_rows(region, only_open=True) if r.overdue or r.due_soon]
    return render(request, "ppid/monitoring.html", {"region": region, "rows": rows, "late": late})


def _report_range(request: HttpRequest) -> tuple[PeriodForm, dt.date, dt.date]:
    quarter = Quarter.containing(timezone.localdate())
    form = PeriodForm(request.GET or {"start": quarter.start, "end": quarter.end})
    if form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, quarter.start, quarter.end


@login_required
def report_page(request: HttpRequest, region_code: str) -> HttpResponse:
    region = get_office_for_user(request.user, region_code)
    form, start, end = _report_range(request)
    report = service_report(region, start, end)
    return render(request, "ppid/report.html", {"region": region, "form": form, "report": report,
                                                "query": request.GET.urlencode()},
                  status=200 if form.is_valid() else 400)


RENDERERS = {"xlsx": (documents.report_xlsx, documents.XLSX), "docx": (documents.report_docx, documents.DOCX),
             "pdf": (documents.report_pdf, documents.PDF)}


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def report_export(request: HttpRequest, region_code: str, fmt: str) -> HttpResponse:
    region = get_office_for_user(request.user, region_code)
    if fmt not in RENDERERS:
        raise Http404
    _form, start, end = _report_range(request)
    render_document, content_type = RENDERERS[fmt]
    return _download(render_document(service_report(region, start, end)), content_type,
                     f"layanan-ppid-{region.code}-{start}-{end}.{fmt}")


def _letter_download(request: HttpRequest, info, fmt: str, build, name: str) -> HttpResponse:
    """A PPID letter as DOCX or PDF, for those who may see the requester (it carries the name and
    address). A letter without a real Nomor is not printed: back to the request with the reason."""
    if fmt not in ("docx", "pdf"):
        raise Http404
    if not may_see_requester(request.user, info.office):
        raise PermissionDenied
    try:
        letter = build()
    except LetterNotReady as exc:
        messages.error(request, str(exc))
        return redirect("ppid:request_detail", request_id=info.id)
    content = letters.letter_docx(letter) if fmt == "docx" else letters.letter_pdf(letter)
    filename = f"{name}-{info.registration_number.replace('/', '-')}.{fmt}"
    return _download(content, documents.DOCX if fmt == "docx" else documents.PDF, filename)


@login_required
def notice_document(request: HttpRequest, request_id: UUID, fmt: str) -> HttpResponse:
    info, _editable = get_request_for_user(request.user, request_id)
    if not hasattr(info, "decision"):
        raise Http404(_("Belum ada pemberitahuan tertulis."))
    return _letter_download(request, info, fmt, lambda: letters.notice_letter(info), "pemberitahuan")


@login_required
def extension_document(request: HttpRequest, request_id: UUID, fmt: str) -> HttpResponse:
    info, _editable = get_request_for_user(request.user, request_id)
    if not info.has_extension:
        raise Http404(_("Permohonan ini tidak diperpanjang."))
    return _letter_download(request, info, fmt, lambda: letters.extension_letter(info), "perpanjangan")


@login_required
def objection_document(request: HttpRequest, objection_id: UUID, fmt: str) -> HttpResponse:
    objection, _editable = get_objection_for_user(request.user, objection_id)
    if objection.answered_on is None:
        raise Http404(_("Keberatan ini belum ditanggapi."))
    return _letter_download(request, objection.request, fmt, lambda: letters.objection_letter(objection),
                            "tanggapan-keberatan")


@login_required
@require_POST
def letter_number_set(request: HttpRequest, request_id: UUID) -> HttpResponse:
    """Give a letter recorded without a number (before numbering was required) its Nomor: the typed
    one or the office's next."""
    info, editable = get_request_for_user(request.user, request_id)
    if not editable:
        raise PermissionDenied
    form = LetterNumberForm(request.POST)
    if form.is_valid():
        try:
            letter_number_assign(request=info, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Nomor surat tersimpan."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("ppid:request_detail", request_id=info.id)


@login_required
def dip_manage(request: HttpRequest, office_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    if not is_ppid_staff(request.user, office):
        raise PermissionDenied
    form, status = DipEntryForm(), 200
    if request.method == "POST":
        form, status = DipEntryForm(request.POST), 400
        if form.is_valid():
            try:
                dip_entry_create(office=office, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, " ".join(exc.messages))
            else:
                messages.success(request, _("Entri DIP tersimpan."))
                return redirect("ppid:dip_manage", office_code=office.code)
    entries = DipEntry.objects.filter(office=office)
    return render(request, "ppid/dip_manage.html", {"office": office, "form": form, "entries": entries},
                  status=status)


def _exempt_page(request: HttpRequest, form: ExemptEntryForm | None, status: int = 200) -> HttpResponse:
    today = timezone.localdate()
    entries = [(entry, entry.in_force_on(today)) for entry in ExemptEntry.objects.all()]
    return render(request, "ppid/exempt_list.html", {"entries": entries, "form": form}, status=status)


@login_required
def exempt_list(request: HttpRequest) -> HttpResponse:
    return _exempt_page(request, ExemptEntryForm() if is_national_admin(request.user) else None)


@login_required
@require_POST
def exempt_add(request: HttpRequest) -> HttpResponse:
    if not is_national_admin(request.user):
        raise PermissionDenied
    form = ExemptEntryForm(request.POST)
    if form.is_valid():
        try:
            exempt_entry_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, _("Entri DIK tersimpan."))
            return redirect("ppid:exempt_list")
    return _exempt_page(request, form, status=400)


def _calendar_page(request: HttpRequest, form: NonWorkingDayForm | None, status: int = 200) -> HttpResponse:
    return render(request, "ppid/non_working_days.html", {
        "days": NonWorkingDay.objects.select_related("office")[:200], "form": form,
        "log": DeadlineRecomputation.objects.filter(request__office__in=Office.objects.visible_to(request.user))
        .select_related("request")[:100],
        "rule_sets": RuleSet.objects.all()}, status=status)


@login_required
def non_working_days(request: HttpRequest) -> HttpResponse:
    return _calendar_page(request, NonWorkingDayForm() if is_national_admin(request.user) else None)


@login_required
@require_POST
def non_working_day_create(request: HttpRequest) -> HttpResponse:
    if not is_national_admin(request.user):
        raise PermissionDenied
    form = NonWorkingDayForm(request.POST)
    if form.is_valid():
        code = form.cleaned_data["office_code"].strip()
        office = get_object_or_404(Office, code=code) if code else None
        try:
            day = non_working_day_add(date=form.cleaned_data["date"], reason=form.cleaned_data["reason"],
                                      office=office, actor=request.user)
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            moved = day.recomputations.count()
            messages.success(request, _("Hari tidak bekerja ditambahkan; %(n)s tenggat permohonan dihitung ulang.")
                             % {"n": moved})
            return redirect("ppid:non_working_days")
    return _calendar_page(request, form, status=400)
