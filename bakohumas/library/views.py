"""Staff pages of the election library: the office's catalogue, copies, files and import/export."""

from __future__ import annotations

import uuid
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.audit.models import AuditEntry
from bakohumas.core.conflicts import apply_choices, merge_after_conflict, read_basis, shown_values, sign_basis
from bakohumas.core.files import serve_file
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.library import marc, transfer
from bakohumas.library.forms import ImportForm, ItemForm, RecordFileForm, RecordForm
from bakohumas.library.models import EDITOR_ROLES, CatalogueRecord
from bakohumas.library.selectors import get_record_for_user, records_for_user
from bakohumas.library.services import (
    ConflictError,
    item_add,
    record_add_file,
    record_create,
    record_delete,
    record_update,
)
from bakohumas.offices.models import Office

EXPORTS = {"csv": ("text/csv; charset=utf-8", "csv"), "xlsx": (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "marcxml": ("application/marcxml+xml", "xml"), "mrc": ("application/marc", "mrc")}


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _own_office(request: AuthenticatedHttpRequest) -> Office:
    """Creating and importing happen for the user's own office, by its operator or ketua."""
    if request.user.role not in EDITOR_ROLES or request.user.office is None:
        raise PermissionDenied
    return request.user.office


@login_required
def record_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    office_code, query = request.GET.get("kantor", ""), request.GET.get("q", "").strip()
    records = records_for_user(request.user, office_code=office_code, query=query)
    offices = Office.objects.visible_to(request.user).filter(catalogue_records__deleted_at__isnull=True).distinct()
    return render(request, "library/record_list.html", {
        "records": records[:500], "offices": offices, "office_code": office_code, "query": query,
        "may_add": request.user.role in EDITOR_ROLES and request.user.office is not None,
    })


def _form_token(request: AuthenticatedHttpRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get("form_token", ""))
    except ValueError:
        return None


@login_required
def record_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    office = _own_office(request)
    form = RecordForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = record_create(office=office, actor=request.user, data=form.record_data(),
                                   form_token=_form_token(request))
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
        else:
            messages.success(request, _("Katalog tersimpan."))
            return redirect("library:record_detail", record_id=record.id)
    status = 400 if request.method == "POST" else 200
    # A double click posts the same token twice: one record (see record_create).
    token = str(_form_token(request) or uuid.uuid4())
    return render(request, "library/record_form.html", {"form": form, "office": office, "form_token": token},
                  status=status)


@login_required
def record_detail(request: AuthenticatedHttpRequest, record_id: UUID) -> HttpResponse:
    record, editable = get_record_for_user(request.user, record_id)
    log = AuditEntry.objects.filter(target_type="library.cataloguerecord", target_id=str(record.id)
                                    ).select_related("actor")[:20]
    return render(request, "library/record_detail.html", {
        "record": record, "editable": editable, "item_form": ItemForm(), "file_form": RecordFileForm(),
        "applications": record.isbn_applications.all(), "log": log,
    })


@login_required
def record_edit(request: AuthenticatedHttpRequest, record_id: UUID) -> HttpResponse:
    """Edit with no lost updates: a save on an older revision gets the merge page (docs/concurrency.md)."""
    record, editable = get_record_for_user(request.user, record_id)
    if not editable:
        raise PermissionDenied
    stored = RecordForm.for_record(record)
    context = {"record": record, "office": record.office, "revision": record.revision,
               "basis": sign_basis(revision=record.revision, values=shown_values(stored))}
    if request.method != "POST":
        return render(request, "library/record_form.html", {**context, "form": stored})
    basis = read_basis(request.POST.get("basis"))
    data, missing = apply_choices(request.POST, stored.fields, basis, shown_values(stored))
    form = RecordForm.for_record(record, data=data, files=request.FILES or None)
    if not missing and form.is_valid():
        try:
            record_update(record=record, actor=request.user, data=form.record_data(), revision=_revision(request))
        except ConflictError:
            return _merge(request, record, form, basis)
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
        else:
            messages.success(request, _("Perubahan katalog tersimpan."))
            return redirect("library:record_detail", record_id=record.id)
    if missing:
        return _merge(request, record, form, basis, missing_choice=True)
    context.update(form=form, revision=_revision(request), basis=request.POST.get("basis", ""))
    return render(request, "library/record_form.html", context, status=400)


def _revision(request: AuthenticatedHttpRequest) -> int:
    raw = request.POST.get("revision", "")
    return int(raw) if raw.isdigit() else -1


def _merge(request: AuthenticatedHttpRequest, record, posted: RecordForm, basis, *,
           missing_choice: bool = False) -> HttpResponse:
    """Someone saved the record since this page was loaded: the merge page (409), nothing typed lost."""
    fresh = CatalogueRecord.objects.select_related("office", "updated_by").get(pk=record.pk)
    initial, conflict, new_basis = merge_after_conflict(
        posted=posted, stored=RecordForm.for_record(fresh), basis=basis, revision=fresh.revision,
        who=fresh.updated_by, when=fresh.updated_at, files_dropped=bool(request.FILES), missing_choice=missing_choice)
    return render(request, "library/record_form.html", {
        "form": RecordForm(initial=initial), "record": fresh, "office": fresh.office, "revision": fresh.revision,
        "basis": new_basis, "conflict": conflict}, status=409)


def _editable_record(request: AuthenticatedHttpRequest, record_id: UUID):
    record, editable = get_record_for_user(request.user, record_id)
    if not editable:
        raise PermissionDenied
    return record


@login_required
@require_POST
def record_delete_view(request: AuthenticatedHttpRequest, record_id: UUID) -> HttpResponse:
    record = _editable_record(request, record_id)
    record_delete(record=record, actor=request.user)
    messages.success(request, _("Katalog %(title)s dihapus.") % {"title": record.title})
    return redirect("library:record_list")


@login_required
@require_POST
def item_add_view(request: AuthenticatedHttpRequest, record_id: UUID) -> HttpResponse:
    record = _editable_record(request, record_id)
    form = ItemForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        item_add(record=record, actor=request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, _("Eksemplar tidak tersimpan: %(errors)s") % {"errors": _errors(exc)})
    else:
        messages.success(request, _("Eksemplar ditambahkan."))
    return redirect("library:record_detail", record_id=record.id)


@login_required
@require_POST
def file_add_view(request: AuthenticatedHttpRequest, record_id: UUID) -> HttpResponse:
    record = _editable_record(request, record_id)
    form = RecordFileForm(request.POST, request.FILES)
    if form.is_valid():
        record_add_file(record=record, actor=request.user, upload=form.cleaned_data["file"],
                        label=form.cleaned_data["label"])
        messages.success(request, _("Berkas diunggah."))
    else:
        messages.error(request, _("Berkas tidak tersimpan: %(errors)s")
                       % {"errors": " ".join(str(e) for errors in form.errors.values() for e in errors)})
    return redirect("library:record_detail", record_id=record.id)


@login_required
def file_download(request: AuthenticatedHttpRequest, record_id: UUID, file_id: UUID) -> FileResponse:
    record, _editable = get_record_for_user(request.user, record_id)
    attached = get_object_or_404(record.files.all(), id=file_id)
    return serve_file(request, attached.file, filename=attached.download_name, attachment=True)


@login_required
def catalogue_export(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponse:
    if fmt not in EXPORTS:
        raise Http404
    records = records_for_user(request.user, office_code=request.GET.get("kantor", "")).prefetch_related("items")
    content_type, extension = EXPORTS[fmt]
    body = {"csv": transfer.export_csv, "xlsx": transfer.export_xlsx, "marcxml": marc.export_marcxml,
            "mrc": marc.export_iso2709}[fmt](records)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="katalog.{extension}"'
    return response


@login_required
def catalogue_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    office = _own_office(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = transfer.import_records(content=upload.read(), name=upload.name, office=office, actor=request.user)
        if result.ok:
            messages.success(request, _("%(n)s katalog diimpor.") % {"n": result.created})
            return redirect("library:record_list")
    status = 400 if request.method == "POST" else 200
    return render(request, "library/import.html", {"form": form, "result": result, "office": office,
                                                   "columns": list(transfer.COLUMNS)}, status=status)


