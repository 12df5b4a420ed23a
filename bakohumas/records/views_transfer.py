"""Import of existing lists: upload, preview what will be written, confirm. The checked file waits
in the session between the two steps and is checked again on confirmation."""

from __future__ import annotations

import base64
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.records.forms import ImportForm
from bakohumas.records.selectors import get_office_for_user
from bakohumas.records.transfer import parse_records_file, records_import

SESSION_KEY = "pending_records_import"


@login_required
def import_records(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = get_office_for_user(request.user, office_code)
    if not may_edit:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None, initial={"kind": request.GET.get("jenis")})
    context = {"office": office, "form": form, "tab": "import"}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        parsed = parse_records_file(content, kind=form.cleaned_data["kind"], office=office)
        if parsed.ok:
            token = secrets.token_urlsafe(16)
            request.session[SESSION_KEY] = {"token": token, "office": office.code, "kind": parsed.kind,
                                            "name": upload.name, "content": base64.b64encode(content).decode()}
            return render(request, "records/import.html", {**context, "parsed": parsed, "token": token})
        return render(request, "records/import.html", {**context, "parsed": parsed}, status=400)
    return render(request, "records/import.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def confirm_import(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = get_office_for_user(request.user, office_code)
    if not may_edit:
        raise PermissionDenied
    pending = request.session.get(SESSION_KEY)
    if not pending or pending["token"] != request.POST.get("token") or pending["office"] != office.code:
        messages.error(request, _("Pratinjau impor sudah kedaluwarsa. Unggah berkasnya sekali lagi."))
        return redirect("records:import", office_code=office.code)
    # Checked again: the office's records may have changed since the preview.
    parsed = parse_records_file(base64.b64decode(pending["content"]), kind=pending["kind"], office=office)
    context = {"office": office, "form": ImportForm(initial={"kind": pending["kind"]}), "tab": "import"}
    if not parsed.ok:
        return render(request, "records/import.html", {**context, "parsed": parsed}, status=400)
    try:
        counts = records_import(parsed, office=office, actor=request.user, source=pending["name"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("records:import", office_code=office.code)
    del request.session[SESSION_KEY]
    messages.success(request, _("Impor selesai: %(baru)s baru, %(diperbarui)s diperbarui, %(sama)s tidak berubah.")
                     % counts)
    target = "records:channel_list" if parsed.kind == "channels" else "records:partnership_list"
    return redirect(target, office_code=office.code)
