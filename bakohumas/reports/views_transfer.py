"""CSV import (with a preview before anything is written) and export."""

from __future__ import annotations

import secrets
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.core.periods import InvalidPeriod, Quarter
from bakohumas.offices.models import User
from bakohumas.reports.csv_io import export_reports_csv, parse_reports_csv, reports_import
from bakohumas.reports.forms import ImportUploadForm
from bakohumas.reports.import_rules import ImportMode, import_policy_for
from bakohumas.reports.selectors import get_office_for_user

IMPORT_ROLES = (User.Role.OPERATOR, User.Role.KETUA, User.Role.EVALUATOR, User.Role.HUMAS_RI)
SESSION_KEY = "pending_report_import"


def _require_import_role(user: User) -> None:
    if user.role not in IMPORT_ROLES:
        raise PermissionDenied


def _page(request: AuthenticatedHttpRequest, context: dict, status: int = 200) -> HttpResponse:
    office_import = import_policy_for(request.user).mode is ImportMode.OFFICE
    return render(request, "reports/import.html", {"office_import": office_import, **context}, status=status)


@login_required
def import_reports(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_import_role(request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        text, submit = form.cleaned_data["file"], form.cleaned_data["submit"]
        parsed = parse_reports_csv(text, policy=import_policy_for(request.user, submit=submit))
        if parsed.ok:
            token = secrets.token_urlsafe(16)
            upload = cast(UploadedFile, request.FILES["file"])  # the valid form holds exactly one file
            request.session[SESSION_KEY] = {"token": token, "text": text, "name": upload.name, "submit": submit}
            return _page(request, {"form": form, "parsed": parsed, "token": token})
        return _page(request, {"form": form, "parsed": parsed}, status=400)
    return _page(request, {"form": form}, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def confirm_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_import_role(request.user)
    pending = request.session.get(SESSION_KEY)
    if not pending or pending["token"] != request.POST.get("token"):
        messages.error(request, _("Pratinjau impor sudah kedaluwarsa. Unggah berkasnya sekali lagi."))
        return redirect("reports:import")
    # Checked again: something may have changed since the preview was shown.
    policy = import_policy_for(request.user, submit=bool(pending.get("submit")))
    parsed = parse_reports_csv(pending["text"], policy=policy)
    if not parsed.ok:
        return _page(request, {"form": ImportUploadForm(), "parsed": parsed}, status=400)
    try:
        counts = reports_import(parsed, actor=request.user, source=pending["name"])
    except ValidationError as exc:  # the services' own check, should a report have changed meanwhile
        messages.error(request, _("Impor dibatalkan, tidak ada data yang disimpan: %(reason)s")
                       % {"reason": " ".join(exc.messages)})
        return redirect("reports:import")
    del request.session[SESSION_KEY]
    messages.success(request, _("Impor selesai: %(baru)s laporan baru, %(diganti)s diganti, %(sama)s tidak berubah.")
                     % counts)
    return redirect("reports:import")


@login_required
def export_reports(request: AuthenticatedHttpRequest, region_code: str, period_code: str) -> HttpResponse:
    region = get_office_for_user(request.user, region_code)
    try:
        quarter = Quarter.parse(period_code)
    except InvalidPeriod as exc:
        raise Http404(str(exc)) from exc
    body = export_reports_csv(region=region, period_code=quarter.code)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="laporan-{region.code}-{quarter.code}.csv"'
    return response
