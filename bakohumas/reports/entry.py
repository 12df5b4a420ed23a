"""What the report page shows: the entry form grouped by section, evidence, suggestions from the
office's records (accepted or overridden with a reason), comments, actions."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.http import QueryDict
from django.utils.translation import gettext as _

from bakohumas.core.conflicts import (
    Basis,
    Conflict,
    apply_choices,
    merge_after_conflict,
    read_basis,
    shown_values,
    sign_basis,
)
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.reports.forms import (
    CommentForm,
    ReportValuesForm,
    VerifyForm,
    reason_field_name,
    report_form_class,
    suggestion_display,
)
from bakohumas.reports.models import Submission
from bakohumas.reports.suggestions import suggestions_for


def build_entry_form(submission: Submission, *, editable: bool, data=None, files=None,
                     initial: dict[str, Any] | None = None) -> ReportValuesForm:
    """The entry form; while editable, with the suggestions from the office's records (computed
    once per request and kept on the form as `form.suggestions`) and the reasons given before. A draft
    form: nothing is required and reasons may wait; both are checked when the report is sent."""
    form_class = report_form_class(submission.form, with_evidence=editable, draft=True)
    suggestions = suggestions_for(submission.office, submission.period) if editable else {}
    stored_initial: dict[str, Any] = submission.value_map()
    stored_initial.update({reason_field_name(value.code): value.override_reason
                           for value in submission.values.all() if value.override_reason})
    return form_class(data=data, files=files, initial=initial if initial is not None else stored_initial,
                      prefix=None, suggestions=suggestions)


def fill_empty_with_suggestions(submission: Submission, form: ReportValuesForm, data: QueryDict) -> tuple[ReportValuesForm, int]:
    """The no-JavaScript "Pakai semua saran": the answers as posted, with every empty suggested
    answer filled in, as a fresh (unbound) form for the operator to check before saving."""
    elements = {element.code: element for element in form.element_list}
    initial: dict[str, Any] = {name: data.get(name) for name in form.fields if not name.endswith("__bukti_berkas")}
    filled = 0
    for code, suggestion in form.suggestions.items():
        if initial.get(code) in (None, ""):
            initial[code] = suggestion_display(elements[code], suggestion.value)
            filled += 1
    return build_entry_form(submission, editable=True, initial=initial), filled


def evidence_from(form: ReportValuesForm) -> dict[str, dict[str, Any]]:
    """Evidence given with this save (the service stores uploads under names their bytes give)."""
    evidence: dict[str, dict[str, Any]] = {}
    for element in form.element_list:
        url = form.cleaned_data.get(f"{element.code}__bukti_url")
        upload = form.cleaned_data.get(f"{element.code}__bukti_berkas")
        if url or upload:
            evidence[element.code] = {"evidence_url": url, "evidence_file": upload}
    return evidence


def field_labels(form: ReportValuesForm) -> dict[str, str]:
    """Labels that say which answer a reason or an evidence link belongs to (for the merge box)."""
    labels: dict[str, str] = {}
    for element in form.element_list:
        labels[element.code] = element.label
        labels[reason_field_name(element.code)] = _("%(label)s: alasan berbeda dari saran") % {"label": element.label}
        labels[f"{element.code}__bukti_url"] = _("%(label)s: tautan bukti") % {"label": element.label}
    return labels


def posted_with_choices(form: ReportValuesForm, data: QueryDict) -> tuple[ReportValuesForm, Basis | None, list[str]]:
    """The posted form with the picks of a merge box applied ("tersimpan" puts the stored answer in),
    the basis the page was built from, and the conflicting answers left without a pick."""
    basis = read_basis(data.get("basis"))
    if basis is None or not basis.conflicts:
        return form, basis, []
    chosen, missing = apply_choices(data, form.fields, basis, shown_values(form))
    rebound = type(form)(data=chosen, files=form.files, initial=form.initial, prefix=None, suggestions=form.suggestions)
    return rebound, basis, missing


def merge_form(submission: Submission, posted: ReportValuesForm, basis: Basis | None, *,
               files_dropped: bool, missing_choice: bool = False) -> tuple[ReportValuesForm, Conflict, str]:
    """After a refused save: the entry form with the user's answers merged three ways with the stored
    ones (`submission` freshly loaded), the merge box, and the new basis (carrying the new revision)."""
    stored_form = build_entry_form(submission, editable=True)
    initial, conflict, new_basis = merge_after_conflict(
        posted=posted, stored=stored_form, basis=basis, revision=submission.revision, who=submission.updated_by,
        when=submission.updated_at, files_dropped=files_dropped, missing_choice=missing_choice,
        labels=field_labels(stored_form))
    return type(stored_form)(initial=initial, prefix=None, suggestions=stored_form.suggestions), conflict, new_basis


def entry_context(request: AuthenticatedHttpRequest, submission: Submission, form: ReportValuesForm,
                  editable: bool) -> dict:
    user = request.user
    stored = {value.code: value for value in submission.values.all()}
    versions = list(submission.versions.all())
    comments = list(submission.comments.all())
    latest_return = max((c.version_number for c in comments), default=None)
    item_comments = {c.code: c for c in comments if c.code and c.version_number == latest_return}
    suggestions = form.suggestions
    rows: list[dict[str, Any]] = []
    for element in form.element_list:
        suggestion = suggestions.get(element.code)
        reason_name = reason_field_name(element.code)
        value = stored.get(element.code)
        rows.append({
            "suggestion_changed": _suggestion_change(element, value, suggestion),
            "element": element,
            "field": form[element.code],
            "url_field": form[f"{element.code}__bukti_url"] if f"{element.code}__bukti_url" in form.fields else None,
            "file_field": form[f"{element.code}__bukti_berkas"] if f"{element.code}__bukti_berkas" in form.fields else None,
            "stored": stored.get(element.code),
            "comment": item_comments.get(element.code),
            "suggestion": suggestion,
            "suggestion_display": suggestion_display(element, suggestion.value) if suggestion else "",
            "reason_field": form[reason_name] if reason_name in form.fields else None,
        })
    sections = [(name, list(items)) for name, items in groupby(rows, key=lambda r: r["element"].section)]
    overridden = [row for row in rows if row["stored"] is not None and row["stored"].overridden]
    changed = [row for row in rows if row["suggestion_changed"]]
    return {
        "submission": submission,
        "office": submission.office,
        "form": form,
        "sections": sections,
        "editable": editable,
        "revision": submission.revision,
        # The answers this page shows, signed: the base of a three-way merge if someone saves meanwhile.
        "basis": sign_basis(revision=submission.revision, values=shown_values(form)) if editable and not form.is_bound else "",
        "has_suggestions": bool(suggestions),
        "overridden": overridden,
        "changed_suggestions": changed,
        "accepted_count": sum(1 for row in rows if row["stored"] is not None and row["stored"].accepted),
        "versions": versions,
        "comments": [c for c in comments if not c.code],
        "can_submit": editable and user.can_submit_report_of(submission.office),
        "can_verify": user.can_verify_report_of(submission.office) and submission.status == Submission.Status.SUBMITTED,
        "return_form": CommentForm(),
        "verify_form": VerifyForm(),
    }


def _suggestion_change(element, value, suggestion) -> dict[str, str] | None:
    """How the records' suggestion moved since this answer was entered (None if it did not): e.g. the
    operator recorded a partnership after saving the draft. Shown to whoever opens the draft. A
    suggestion that appeared only later is news only if the answer differs from it."""
    if suggestion is None or value is None or value.number is None:
        return None
    if value.suggested_number is None:
        if value.number == suggestion.value:
            return None
        return {"before": "", "now": suggestion_display(element, suggestion.value)}
    if value.suggested_number == suggestion.value:
        return None
    return {"before": suggestion_display(element, value.suggested_number),
            "now": suggestion_display(element, suggestion.value)}
