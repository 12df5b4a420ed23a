"""The audit trail: who did what, when, to which record (logins included). Scope in selectors.py."""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bakohumas.audit import selectors
from bakohumas.audit.forms import AuditFilterForm

PER_PAGE = 50


@login_required
def entry_list(request: HttpRequest) -> HttpResponse:
    entries = selectors.audit_entries_for_user(request.user)
    form = AuditFilterForm(request.GET or None, user=request.user)
    if form.is_valid():
        entries = selectors.filter_entries(entries, form.cleaned_data)
    page = Paginator(entries.order_by("-created_at"), PER_PAGE).get_page(request.GET.get("hal"))
    params = request.GET.copy()
    params.pop("hal", None)
    return render(request, "audit/list.html", {"form": form, "page": page, "params": params.urlencode()})


@login_required
def entry_detail(request: HttpRequest, entry_id: UUID) -> HttpResponse:
    entry = selectors.get_entry_for_user(request.user, entry_id)
    return render(request, "audit/detail.html", {"entry": entry})
