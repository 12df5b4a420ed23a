"""What the report page shows: the entry form grouped by section, evidence, comments, actions."""

from __future__ import annotations

import uuid
from itertools import groupby
from typing import Any

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.core.uploads import sniff_evidence
from bakohumas.reports.forms import CommentForm, ReportValuesForm, VerifyForm, report_form_class
from bakohumas.reports.models import Submission
from bakohumas.reports.suggestions import suggestions_for


def build_entry_form(submission: Submission, *, editable: bool, data=None, files=None) -> ReportValuesForm:
    form_class = report_form_class(submission.form, with_evidence=editable)
    return form_class(data=data, files=files, initial=submission.value_map(), prefix=None)


def evidence_from(form: ReportValuesForm) -> dict[str, dict[str, Any]]:
    """Evidence given with this save, uploads renamed by what their bytes are."""
    evidence: dict[str, dict[str, Any]] = {}
    for element in form.element_list:
        url = form.cleaned_data.get(f"{element.code}__bukti_url")
        upload = form.cleaned_data.get(f"{element.code}__bukti_berkas")
        if upload:
            upload.name = f"{uuid.uuid4().hex}.{sniff_evidence(upload)}"
        if url or upload:
            evidence[element.code] = {"evidence_url": url, "evidence_file": upload}
    return evidence


def entry_context(request: AuthenticatedHttpRequest, submission: Submission, form: ReportValuesForm,
                  editable: bool) -> dict:
    user = request.user
    stored = {value.code: value for value in submission.values.all()}
    versions = list(submission.versions.all())
    comments = list(submission.comments.all())
    latest_return = max((c.version_number for c in comments), default=None)
    item_comments = {c.code: c for c in comments if c.code and c.version_number == latest_return}
    suggestions = suggestions_for(submission.office, submission.period) if editable else {}
    rows: list[dict[str, Any]] = []
    for element in form.element_list:
        rows.append({
            "element": element,
            "field": form[element.code],
            "url_field": form[f"{element.code}__bukti_url"] if f"{element.code}__bukti_url" in form.fields else None,
            "file_field": form[f"{element.code}__bukti_berkas"] if f"{element.code}__bukti_berkas" in form.fields else None,
            "stored": stored.get(element.code),
            "comment": item_comments.get(element.code),
            "suggestion": suggestions.get(element.code),
        })
    sections = [(name, list(items)) for name, items in groupby(rows, key=lambda r: r["element"].section)]
    return {
        "submission": submission,
        "office": submission.office,
        "form": form,
        "sections": sections,
        "editable": editable,
        "versions": versions,
        "comments": [c for c in comments if not c.code],
        "can_submit": editable and user.can_submit_report_of(submission.office),
        "can_verify": user.can_verify_report_of(submission.office) and submission.status == Submission.Status.SUBMITTED,
        "return_form": CommentForm(),
        "verify_form": VerifyForm(),
    }
