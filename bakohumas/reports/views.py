from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bakohumas.core.conflicts import Basis, user_name
from bakohumas.core.files import serve_file
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.core.periods import InvalidPeriod
from bakohumas.reports.entry import (
    build_entry_form,
    entry_context,
    evidence_from,
    fill_empty_with_suggestions,
    merge_form,
    posted_with_choices,
)
from bakohumas.reports.forms import CommentForm, ReportValuesForm, VerifyForm
from bakohumas.reports.models import Period, Submission
from bakohumas.reports.selectors import (
    get_evidence_for_user,
    get_office_for_user,
    get_region_period_for_user,
    get_submission_for_user,
    overridden_values,
    submission_detail,
)
from bakohumas.reports.sending import posted_choices, send_summary
from bakohumas.reports.services import (
    ConflictError,
    SubmitRefused,
    period_for_office_start,
    submission_return,
    submission_save_draft,
    submission_start,
    submission_submit,
    submission_verify,
)


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _revision(request: HttpRequest) -> int:
    """The revision the user loaded; anything unreadable counts as stale, never as a crash."""
    raw = request.POST.get("revision", "")
    return int(raw) if raw.isdigit() else -1


@login_required
@require_POST
def start_report(request: AuthenticatedHttpRequest, office_code: str, period_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    if not request.user.can_edit_report_of(office):
        raise PermissionDenied
    try:
        period = period_for_office_start(period_code)
        submission = submission_start(office=office, period=period, actor=request.user,
                                      copy_previous=request.POST.get("salin") == "1")
    except InvalidPeriod as exc:
        raise Http404(str(exc)) from exc
    except ValidationError as exc:
        messages.error(request, _errors(exc))
        return redirect("home")
    return redirect("reports:detail", submission_id=submission.id)


@login_required
def report_detail(request: AuthenticatedHttpRequest, submission_id: UUID) -> HttpResponse:
    """The entry page while the office may edit; otherwise the read-only report with review."""
    submission, editable = get_submission_for_user(request.user, submission_id)
    submission = submission_detail(submission)
    if request.method == "POST":
        if not editable:
            return _locked(request, submission)
        form = build_entry_form(submission, editable=True, data=request.POST, files=request.FILES)
        if request.POST.get("aksi") == "pakai_saran":
            return _use_suggestions(request, submission, form)
        form, basis, missing = posted_with_choices(form, request.POST)
        if missing:
            return _merge(request, submission, form, basis, missing_choice=True)
        if form.is_valid():
            try:
                submission = submission_save_draft(
                    submission=submission, actor=request.user, values=form.element_values(),
                    evidence=evidence_from(form), revision=_revision(request),
                    suggestions=form.suggestions, reasons=form.reasons(),
                )
            except ConflictError:
                return _merge(request, submission, form, basis)
            except ValidationError as exc:
                form.add_error(None, _errors(exc))
            else:
                if request.POST.get("aksi") == "kirim":
                    return _to_confirmation(request, submission)
                messages.success(request, _("Draf laporan tersimpan."))
                return redirect("reports:detail", submission_id=submission.id)
        context = entry_context(request, submission, form, editable)
        # Keep what the page was loaded with, so fixing a typo cannot overwrite someone else's save.
        context.update(revision=_revision(request), basis=request.POST.get("basis", ""))
        return render(request, "reports/detail.html", context, status=400)
    form = build_entry_form(submission, editable=editable)
    return render(request, "reports/detail.html", entry_context(request, submission, form, editable))


def _merge(request: AuthenticatedHttpRequest, submission: Submission, posted: ReportValuesForm, basis: Basis | None,
           *, missing_choice: bool = False) -> HttpResponse:
    """Someone saved since this page was loaded: the merge page (409), nothing the user typed lost."""
    fresh = submission_detail(submission)
    form, conflict, new_basis = merge_form(fresh, posted, basis, missing_choice=missing_choice,
                                           files_dropped=any(name.endswith("__bukti_berkas") for name in request.FILES))
    context = entry_context(request, fresh, form, True)
    context.update(conflict=conflict, basis=new_basis)
    return render(request, "reports/detail.html", context, status=409)


def _locked(request: AuthenticatedHttpRequest, submission: Submission) -> HttpResponse:
    """A save on a report that was sent (an old tab, a double click): say so plainly."""
    if not request.user.can_edit_report_of(submission.office) or submission.status not in (
            Submission.Status.SUBMITTED, Submission.Status.VERIFIED):
        raise PermissionDenied
    messages.warning(request, _("Laporan ini sudah %(status)s oleh %(who)s pukul %(time)s, sehingga tidak dapat "
                                "diubah lagi dari halaman ini.") % {
        "status": submission.get_status_display().lower(), "who": user_name(submission.updated_by),
        "time": timezone.localtime(submission.updated_at).strftime("%H:%M")})
    return redirect("reports:detail", submission_id=submission.id)


def _use_suggestions(request: AuthenticatedHttpRequest, submission: Submission, posted: ReportValuesForm) -> HttpResponse:
    """"Pakai semua saran" without JavaScript: fill the empty answers, save nothing yet."""
    form, filled = fill_empty_with_suggestions(submission, posted, request.POST)
    if filled:
        messages.info(request, _("%(count)s isian kosong diisi dengan nilai saran. Periksa, lalu simpan draf.")
                      % {"count": filled})
    else:
        messages.info(request, _("Tidak ada isian kosong yang punya saran."))
    context = entry_context(request, submission, form, True)
    # Keep the revision and basis the operator loaded: no lost updates.
    context.update(revision=_revision(request), basis=request.POST.get("basis", ""))
    return render(request, "reports/detail.html", context)


def _to_confirmation(request: AuthenticatedHttpRequest, submission: Submission) -> HttpResponse:
    """"Simpan & periksa untuk dikirim": the draft is saved; the sender checks the summary next."""
    if not request.user.can_submit_report_of(submission.office):
        messages.warning(request, _("Draf tersimpan. Laporan dikirim oleh Ketua Bakohumas kantor Anda."))
        return redirect("reports:detail", submission_id=submission.id)
    messages.success(request, _("Draf tersimpan. Periksa ringkasan ini, lalu kirim."))
    return redirect("reports:submit", submission_id=submission.id)


@login_required
def submit_report(request: AuthenticatedHttpRequest, submission_id: UUID) -> HttpResponse:
    """The send confirmation (GET): what goes to the province, what is missing, which answers differ
    from the office's records and why. Sending (POST) checks completeness and reasons."""
    submission, _editable = get_submission_for_user(request.user, submission_id)
    if not request.user.can_submit_report_of(submission.office):
        raise PermissionDenied
    if submission.status not in (Submission.Status.DRAFT, Submission.Status.RETURNED):
        if request.method == "POST" and submission.status == Submission.Status.SUBMITTED:
            messages.info(request, _("Laporan ini sudah terkirim."))  # a double click, an old tab
        return redirect("reports:detail", submission_id=submission.id)
    submission = submission_detail(submission)
    if request.method != "POST":
        return _confirmation(request, submission, send_summary(submission))
    codes = [element.code for element in submission.form.elements.all()]
    reasons, use = posted_choices(request.POST, codes)
    raw_revision = request.POST.get("revision", "")
    try:
        submission_submit(submission=submission, actor=request.user, reasons=reasons, use_suggestion=use,
                          revision=int(raw_revision) if raw_revision.isdigit() else None)
    except SubmitRefused as exc:
        summary = send_summary(submission, posted=request.POST, needs_reason=exc.needs_reason)
        return _confirmation(request, submission, summary, error=_errors(exc), status=400)
    except ConflictError as exc:
        fresh = submission_detail(submission)
        return _confirmation(request, fresh, send_summary(fresh, posted=request.POST), error=_errors(exc), status=409)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
        return redirect("reports:detail", submission_id=submission.id)
    messages.success(request, _("Laporan %(period)s terkirim ke KPU Provinsi.") % {"period": submission.period})
    return redirect("reports:detail", submission_id=submission.id)


def _confirmation(request: AuthenticatedHttpRequest, submission: Submission, summary, *, error: str = "",
                  status: int = 200) -> HttpResponse:
    return render(request, "reports/confirm.html", {
        "submission": submission, "office": submission.office, "summary": summary, "error": error,
        "revision": submission.revision, "province": submission.office.parent,
    }, status=status)


def _reviewable(request: AuthenticatedHttpRequest, submission_id: UUID) -> Submission:
    submission, _editable = get_submission_for_user(request.user, submission_id)
    if not request.user.can_verify_report_of(submission.office):
        raise PermissionDenied
    return submission


def _act(request: AuthenticatedHttpRequest, submission: Submission, action, success: str, **kwargs) -> HttpResponse:
    try:
        action(submission=submission, actor=request.user, **kwargs)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, success % {"office": submission.office})
    return redirect("reports:detail", submission_id=submission.id)


@login_required
@require_POST
def return_report(request: AuthenticatedHttpRequest, submission_id: UUID) -> HttpResponse:
    submission = _reviewable(request, submission_id)
    form = CommentForm(request.POST)
    if not form.is_valid():
        # ErrorList subclasses list at runtime; django-stubs declares only its UserList base.
        messages.error(request, _errors(ValidationError(form.errors["comment"])))  # type: ignore[arg-type]
        return redirect("reports:detail", submission_id=submission.id)
    codes = set(submission.form.elements.values_list("code", flat=True))
    item_comments = {code: request.POST.get(f"catatan__{code}", "") for code in codes}
    return _act(request, submission, submission_return, _("Laporan dikembalikan ke %(office)s."),
                comment=form.cleaned_data["comment"], item_comments=item_comments)


@login_required
@require_POST
def verify_report(request: AuthenticatedHttpRequest, submission_id: UUID) -> HttpResponse:
    submission = _reviewable(request, submission_id)
    form = VerifyForm(request.POST)
    form.is_valid()
    return _act(request, submission, submission_verify, _("Laporan %(office)s terverifikasi dan terkunci."),
                comment=form.cleaned_data.get("comment", ""))


@login_required
def report_version(request: AuthenticatedHttpRequest, submission_id: UUID, number: int) -> HttpResponse:
    submission, _editable = get_submission_for_user(request.user, submission_id)
    version = get_object_or_404(submission.versions.select_related("created_by"), number=number)
    elements = list(submission.form.elements.all())
    suggestions = version.suggestions or {}
    rows = [_version_row(element, version.values.get(element.code), suggestions.get(element.code))
            for element in elements]
    return render(request, "reports/version.html", {"submission": submission, "version": version, "rows": rows})


def _version_row(element, value, suggestion: dict | None) -> dict:
    """One answer of a frozen version, with the suggestion it was saved against (if any)."""
    suggested = suggestion.get("value") if suggestion is not None else None
    return {
        "element": element, "value": value, "suggestion": suggestion,
        "overridden": suggested is not None and isinstance(value, int) and value != suggested,
        "accepted": suggested is not None and value == suggested,
    }


@login_required
def report_overrides(request: AuthenticatedHttpRequest, region_code: str, period_code: str) -> HttpResponse:
    """For the province and KPU RI: every answer of the region's reports that differs from the
    value suggested by the office's records, with the office's reason."""
    region, period = get_region_period_for_user(request.user, region_code, period_code)
    overview = overridden_values(region=region, period=period)
    return render(request, "reports/overrides.html", {
        "region": region, "period": period, "overview": overview, "periods": Period.objects.all()[:12],
    })


@login_required
@require_GET
def evidence_file(request: AuthenticatedHttpRequest, submission_id: UUID, code: str) -> FileResponse:
    """An answer's evidence file, for everyone who may see the report (the province reviewing it
    included); outsiders get 404 like for the report itself."""
    value = get_evidence_for_user(request.user, submission_id, code)
    submission = value.submission
    return serve_file(request, value.evidence_file,
                      filename=f"bukti-{submission.office.code}-{submission.period_id}-{code}")
