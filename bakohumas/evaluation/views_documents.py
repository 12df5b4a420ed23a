from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.evaluation.jobs import FORMAT_LABELS, evaluation_document_request
from bakohumas.evaluation.selectors import get_scope_for_user
from bakohumas.evaluation.views import as_of_from_request, rule_from_request


@login_required
@require_POST
def request_document(request: AuthenticatedHttpRequest, region_code: str, period_code: str) -> HttpResponse:
    """Queue the document and send the user to the page that shows its progress."""
    region, period = get_scope_for_user(request.user, region_code, period_code)
    fmt = request.POST.get("format", "")
    if fmt not in FORMAT_LABELS:
        return HttpResponseBadRequest(_("Format dokumen tidak dikenal."))
    as_of_form, as_of = as_of_from_request(request)
    if as_of_form.errors:
        return HttpResponseBadRequest(" ".join(str(error) for error in as_of_form.errors["per"]))
    job = evaluation_document_request(user=request.user, region=region, period=period,
                                      missing_rule=rule_from_request(request), fmt=fmt, as_of=as_of)
    return redirect("jobs:detail", job_id=job.id)
