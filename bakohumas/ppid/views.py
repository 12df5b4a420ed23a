"""Staff pages of PPID: requests, decisions, objections, disputes. Thin views over services."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bakohumas.core.conflicts import Basis, apply_choices, merge_after_conflict, read_basis, shown_values
from bakohumas.core.files import serve_file
from bakohumas.ppid import forms as f
from bakohumas.ppid import services
from bakohumas.ppid.models import Dispute, InformationRequest
from bakohumas.ppid.selectors import (
    get_dispute_for_user,
    get_objection_for_user,
    get_office_for_user,
    get_request_for_user,
    is_ppid_staff,
    may_see_requester,
    request_detail,
    request_rows,
)

ACTION_FORMS = {"incomplete": f.IncompleteForm, "completed": f.CompletedForm, "extension": f.ExtensionForm,
                "decision": f.DecisionForm, "objection": f.ObjectionForm, "dispute": f.DisputeForm}


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@login_required
def request_list(request: HttpRequest, office_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    rows = request_rows(office)
    return render(request, "ppid/request_list.html", {
        "office": office, "rows": rows, "may_edit": is_ppid_staff(request.user, office),
        "overdue": sum(r.overdue for r in rows), "due_soon": sum(r.due_soon for r in rows),
        "show_names": may_see_requester(request.user, office)})


@login_required
def request_new(request: HttpRequest, office_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    if not is_ppid_staff(request.user, office):
        raise PermissionDenied
    form, status = f.StaffRequestForm(), 200
    if request.method == "POST":
        form, status = f.StaffRequestForm(request.POST, request.FILES), 400
        if form.is_valid():
            try:
                created = services.request_register(
                    office=office, channel=form.cleaned_data["channel"], received_on=form.cleaned_data["received_on"],
                    actor=request.user, is_election_information=form.cleaned_data["is_election_information"],
                    **form.requester_data())
            except ValidationError as exc:
                form.add_error(None, _errors(exc))
            else:
                messages.success(request, _("Permohonan %(number)s terdaftar.") % {"number": created.registration_number})
                return redirect("ppid:request_detail", request_id=created.id)
    return render(request, "ppid/request_new.html", {"office": office, "form": form}, status=status)


def _detail(request: HttpRequest, info: InformationRequest, editable: bool, *, status: int = 200,
            bound: dict | None = None, dispute_edit: dict | None = None) -> HttpResponse:
    info = request_detail(info)
    action_forms = {name: form_class() for name, form_class in ACTION_FORMS.items()} if editable else {}
    action_forms.update(bound or {})
    return render(request, "ppid/request_detail.html", {
        "info": info, "editable": editable, "forms": action_forms,
        "show_requester": may_see_requester(request.user, info.office),
        "show_nik": is_ppid_staff(request.user, info.office),
        "objection_answer_form": f.ObjectionAnswerForm() if editable else None,
        "dispute_update_form": f.DisputeUpdateForm() if editable else None,
        "dispute_edit": dispute_edit,  # a refused stale update: the merge box for that dispute
    }, status=status)


@login_required
def request_detail_page(request: HttpRequest, request_id: UUID) -> HttpResponse:
    info, editable = get_request_for_user(request.user, request_id)
    return _detail(request, info, editable)


@login_required
@require_GET
def power_of_attorney(request: HttpRequest, request_id: UUID) -> FileResponse:
    """The requester's power of attorney (personal data): for the office's PPID staff only; others
    who may see the request get 403, outsiders 404. Never kept in a shared cache or the browser's."""
    info, is_staff = get_request_for_user(request.user, request_id)
    if not is_staff:
        raise PermissionDenied
    return serve_file(request, info.power_of_attorney, attachment=True, cache_control="private, no-store",
                      filename=f"surat-kuasa-{info.registration_number.replace('/', '-')}")


def _blank_as_empty(data: dict[str, Any]) -> dict[str, Any]:
    """The decision service takes "" for a field left blank, never None."""
    return {k: (v if v is not None else "") for k, v in data.items()}


def _run(request: HttpRequest, info, editable: bool, form, action, success: str, *, bound: str = "") -> HttpResponse:
    """Validate a form, run the service on its data, and come back to the request page; on errors
    show the page again with the form bound (or the errors as a message when the form is elsewhere)."""
    if not editable:
        raise PermissionDenied
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except (services.StaleTransition, services.ConflictError) as exc:
            # Already done (a double click, a colleague at the same time): say so, change nothing.
            messages.warning(request, _errors(exc))
            return redirect("ppid:request_detail", request_id=info.id)
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
        else:
            messages.success(request, success)
            return redirect("ppid:request_detail", request_id=info.id)
    if bound:
        return _detail(request, info, editable, status=400, bound={bound: form})
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return _detail(request, info, editable, status=400)


def _act(request: HttpRequest, request_id: UUID, name: str, action) -> HttpResponse:
    info, editable = get_request_for_user(request.user, request_id)
    return _run(request, info, editable, ACTION_FORMS[name](request.POST), lambda data: action(info, data),
                _("Tersimpan."), bound=name)


@login_required
@require_POST
def flag_incomplete(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(request, request_id, "incomplete", lambda info, data: services.request_flag_incomplete(
        request=info, actor=request.user, **data))


@login_required
@require_POST
def mark_completed(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(request, request_id, "completed", lambda info, data: services.request_mark_completed(
        request=info, actor=request.user, **data))


@login_required
@require_POST
def extend(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(request, request_id, "extension", lambda info, data: services.request_extend(
        request=info, actor=request.user, **data))


@login_required
@require_POST
def decide(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(request, request_id, "decision", lambda info, data: services.request_decide(
        request=info, actor=request.user, **_blank_as_empty(data)))


@login_required
@require_POST
def objection_add(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(request, request_id, "objection", lambda info, data: services.objection_file(
        request=info, actor=request.user, **data))


@login_required
@require_POST
def dispute_add(request: HttpRequest, request_id: UUID) -> HttpResponse:
    return _act(request, request_id, "dispute", lambda info, data: services.dispute_register(
        request=info, actor=request.user, **data))


@login_required
@require_POST
def objection_answer(request: HttpRequest, objection_id: UUID) -> HttpResponse:
    objection, editable = get_objection_for_user(request.user, objection_id)
    return _run(request, objection.request, editable, f.ObjectionAnswerForm(request.POST),
                lambda data: services.objection_answer(objection=objection, actor=request.user, **data),
                _("Tanggapan atasan PPID tersimpan."))


@login_required
@require_POST
def dispute_update(request: HttpRequest, dispute_id: UUID) -> HttpResponse:
    """A stale update (a colleague updated the dispute since the page was loaded) gets the page again
    with what was typed and the stored values side by side (docs/concurrency.md)."""
    dispute, editable = get_dispute_for_user(request.user, dispute_id)
    if not editable:
        raise PermissionDenied
    basis = read_basis(request.POST.get("basis"))
    stored = f.DisputeUpdateForm.for_dispute(dispute)
    data, missing = apply_choices(request.POST, stored.fields, basis, shown_values(stored))
    form = f.DisputeUpdateForm(data)
    if missing:
        return _dispute_merge(request, dispute, form, basis, missing_choice=True)
    revision = request.POST.get("revision", "")
    if form.is_valid():
        try:
            services.dispute_update(dispute=dispute, actor=request.user,
                                    revision=int(revision) if revision.isdigit() else -1, **form.cleaned_data)
        except services.ConflictError:
            return _dispute_merge(request, dispute, form, basis)
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
        else:
            messages.success(request, _("Perkembangan sengketa tersimpan."))
            return redirect("ppid:request_detail", request_id=dispute.request.id)
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return _detail(request, dispute.request, editable, status=400)


def _dispute_merge(request: HttpRequest, dispute: Dispute, posted: f.DisputeUpdateForm, basis: Basis | None, *,
                   missing_choice: bool = False) -> HttpResponse:
    fresh = Dispute.objects.select_related("updated_by").get(pk=dispute.pk)
    initial, conflict, new_basis = merge_after_conflict(
        posted=posted, stored=f.DisputeUpdateForm.for_dispute(fresh), basis=basis, revision=fresh.revision,
        who=fresh.updated_by, when=fresh.updated_at, missing_choice=missing_choice)
    return _detail(request, dispute.request, True, status=409, dispute_edit={
        "id": fresh.id, "form": f.DisputeUpdateForm(initial=initial), "conflict": conflict, "basis": new_basis,
        "revision": fresh.revision})
