"""The national quality standard: read by everyone logged in, changed by Humas KPU RI (selectors.can_edit_standard)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.quality import selectors, services
from bakohumas.quality.forms import StandardForm, TryForm
from bakohumas.quality.media_checks import examine
from bakohumas.quality.models import QualityStandard


@login_required
def standard(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "quality/standard.html", selectors.standard_page(request.user))


@login_required
def standard_edit(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not selectors.can_edit_standard(request.user):
        raise PermissionDenied
    instance = QualityStandard.objects.current() or QualityStandard()
    form = StandardForm(request.POST or None, instance=instance)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            services.standard_update(actor=request.user, data=form.cleaned_data)
            messages.success(request, _("Standar mutu nasional tersimpan."))
            return redirect("quality:standard")
    return render(request, "quality/standard_edit.html",
                  {"form": form, "page": selectors.standard_page(request.user)}, status=status)


@login_required
def try_file(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Examine one file against the standard in force, to see what the upload will say. Nothing is kept."""
    form = TryForm(request.POST or None, request.FILES or None)
    report, name, status = None, "", 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            report, name, status = examine(upload), upload.name, 200
    return render(request, "quality/try.html", {"form": form, "report": report, "name": name}, status=status)
