"""Account management for managers (issue 16): the accounts a manager manages, and per account deactivate,
reactivate, move to another office or role, and reset two-step verification. Who manages whom is
management.py; the writes are services_manage.py. Each state change is a GET confirmation page and a POST."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from bakohumas.accounts import services_manage
from bakohumas.accounts.services import confirmed_device
from bakohumas.accounts.forms_manage import AccountAssignmentForm, AccountFilterForm
from bakohumas.accounts.management import is_manager
from bakohumas.accounts.selectors_manage import (
    active_sessions,
    get_managed_account,
    get_session_of,
    managed_accounts_for_list,
)

PER_PAGE = 50


@login_required
def account_list(request: HttpRequest) -> HttpResponse:
    if not is_manager(request.user):
        raise PermissionDenied
    form = AccountFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    accounts = managed_accounts_for_list(request.user, office=filters.get("kantor"), query=filters.get("q", ""))
    page = Paginator(accounts, PER_PAGE).get_page(request.GET.get("hal"))
    params = request.GET.copy()
    params.pop("hal", None)
    return render(request, "accounts/manage/list.html", {"form": form, "page": page, "params": params.urlencode()})


@login_required
def account_detail(request: HttpRequest, account_id: UUID) -> HttpResponse:
    account = get_managed_account(request.user, account_id)
    return render(request, "accounts/manage/detail.html", {"account": account, "sessions": active_sessions(account)})


# action -> (service, title of the confirmation page, explanation, button, success message)
ACTIONS: dict[str, tuple[Callable[..., Any], Any, Any, Any, Any]] = {
    "deactivate": (services_manage.account_deactivate, gettext_lazy("Nonaktifkan akun"),
                   gettext_lazy("Pemilik akun tidak dapat masuk lagi dan semua sesinya segera berakhir. "
                                "Catatan dan laporan yang pernah dibuatnya tetap tercatat atas namanya."),
                   gettext_lazy("Nonaktifkan"), gettext_lazy("Akun %(name)s dinonaktifkan.")),
    "reactivate": (services_manage.account_reactivate, gettext_lazy("Aktifkan kembali akun"),
                   gettext_lazy("Pemilik akun dapat masuk lagi dengan kata sandinya."),
                   gettext_lazy("Aktifkan kembali"), gettext_lazy("Akun %(name)s aktif kembali.")),
    "two_factor_reset": (services_manage.account_two_factor_reset,
                         gettext_lazy("Atur ulang verifikasi dua langkah"),
                         gettext_lazy("Perangkat autentikator akun ini dihapus dan semua sesinya berakhir. "
                                      "Bila perannya mewajibkan verifikasi dua langkah, pemilik akun diminta "
                                      "memasangnya lagi saat masuk berikutnya."),
                         gettext_lazy("Atur ulang"),
                         gettext_lazy("Verifikasi dua langkah akun %(name)s telah diatur ulang.")),
    "sessions_end": (services_manage.account_sessions_end, gettext_lazy("Keluarkan dari semua perangkat"),
                     gettext_lazy("Semua sesi akun ini segera berakhir; pemilik akun harus masuk lagi di setiap "
                                  "perangkat."),
                     gettext_lazy("Keluarkan"), gettext_lazy("%(name)s telah dikeluarkan dari semua perangkat.")),
}


def _confirm(request: HttpRequest, account_id: UUID, action: str) -> HttpResponse:
    account = get_managed_account(request.user, account_id)
    service, title, explanation, button, success = ACTIONS[action]
    context = {"account": account, "title": title, "explanation": explanation, "button": button}
    if request.method == "POST":
        try:
            service(account=account, actor=request.user)
        except ValidationError as exc:
            return render(request, "accounts/manage/confirm.html", {**context, "errors": exc.messages}, status=400)
        messages.success(request, str(success) % {"name": account})
        return redirect("accounts:manage_detail", account_id=account.pk)
    return render(request, "accounts/manage/confirm.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def account_deactivate(request: HttpRequest, account_id: UUID) -> HttpResponse:
    return _confirm(request, account_id, "deactivate")


@login_required
@require_http_methods(["GET", "POST"])
def account_reactivate(request: HttpRequest, account_id: UUID) -> HttpResponse:
    return _confirm(request, account_id, "reactivate")


@login_required
@require_http_methods(["GET", "POST"])
def account_two_factor_reset(request: HttpRequest, account_id: UUID) -> HttpResponse:
    return _confirm(request, account_id, "two_factor_reset")


@login_required
@require_http_methods(["GET", "POST"])
def account_sessions_end(request: HttpRequest, account_id: UUID) -> HttpResponse:
    return _confirm(request, account_id, "sessions_end")


@login_required
@require_POST
def account_session_end(request: HttpRequest, account_id: UUID, session_id: UUID) -> HttpResponse:
    account = get_managed_account(request.user, account_id)
    row = get_session_of(account, session_id)
    services_manage.user_session_end(row=row, actor=request.user)
    messages.success(request, _("Sesi diakhiri."))
    return redirect("accounts:manage_detail", account_id=account.pk)


@login_required
def session_list(request: HttpRequest) -> HttpResponse:
    """The person's own active sessions, this one marked."""
    return render(request, "accounts/manage/sessions.html",
                  {"sessions": active_sessions(request.user), "current_key": request.session.session_key})


@login_required
@require_POST
def sessions_end_others(request: HttpRequest) -> HttpResponse:
    ended = services_manage.user_sessions_end_others(request=request)
    messages.success(request, _("Anda telah keluar dari %(n)s perangkat lain.") % {"n": ended})
    return redirect("accounts:sessions")


@login_required
@require_POST
def session_end(request: HttpRequest, session_id: UUID) -> HttpResponse:
    row = get_session_of(request.user, session_id)
    current = row.session_key == request.session.session_key
    services_manage.user_session_end(row=row, actor=request.user)
    if current:  # this very session: its store entry is gone, so the next page is the login page
        return redirect("login")
    messages.success(request, _("Sesi diakhiri."))
    return redirect("accounts:sessions")


@login_required
@require_http_methods(["GET", "POST"])
def account_assign(request: HttpRequest, account_id: UUID) -> HttpResponse:
    account = get_managed_account(request.user, account_id)
    initial = {"office": account.office, "role": account.role}
    form = AccountAssignmentForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services_manage.account_assign(account=account, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Satuan kerja dan peran akun %(name)s diperbarui.") % {"name": account})
            return redirect("accounts:manage_detail", account_id=account.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "accounts/manage/assign.html", {"account": account, "form": form}, status=status)


@never_cache  # the codes are on the page: no copy in any cache
@login_required
@require_http_methods(["GET", "POST"])
def backup_codes(request: HttpRequest) -> HttpResponse:
    """Ten one-time backup codes for the second step, shown once; new ones replace the old. Only a session
    verified with the second step reaches this page with a device (TwoFactorMiddleware)."""
    user: Any = request.user
    device = confirmed_device(user)
    if device is not None and not user.is_verified():
        return redirect(f"{reverse('accounts:verify')}?{urlencode({'next': reverse('accounts:backup_codes')})}")
    codes = None
    if request.method == "POST" and device is not None:
        codes = [f"{code[:4]} {code[4:]}" for code in services_manage.backup_codes_generate(request=request)]
    backup = services_manage.backup_device(user)
    return render(request, "accounts/manage/backup_codes.html", {
        "device": device, "codes": codes, "remaining": backup.token_set.count() if backup else 0})
