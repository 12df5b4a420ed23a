"""The user's own account security: two-factor set-up and verification, recent logins, password."""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bakohumas.core.ratelimit import client_ip
from bakohumas.accounts import services, services_manage
from bakohumas.accounts.forms import PasswordConfirmForm, TokenForm, VerifyForm
from bakohumas.accounts.policy import must_use_2fa, requires_2fa
from bakohumas.accounts.selectors import recent_logins
from bakohumas.audit.services import audit_record


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("accounts:index")


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {"device": services.confirmed_device(user), "verified": user.is_verified(),  # type: ignore[union-attr]
               "required": requires_2fa(user), "enforced": must_use_2fa(user), "logins": recent_logins(user)}
    return render(request, "accounts/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    # With a confirmed device, only a verified session may enrol a new one: a password alone is not enough.
    if services.confirmed_device(user) and not user.is_verified():  # type: ignore[union-attr]
        return redirect(f"{reverse('accounts:verify')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            if services.totp_enrolment_confirm(request=request, token=form.cleaned_data["token"]):
                messages.success(request, _("Verifikasi dua langkah aktif."))
                return redirect(_next_url(request))
            form.add_error("token", _("Kode salah atau sudah kedaluwarsa. Periksa jam di ponsel Anda lalu coba lagi."))
    device = services.totp_enrolment_start(request=request)  # this session's secret, kept in the session only
    qr = segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)
    return render(request, "accounts/setup.html", {"form": form, "qr": qr, "key": services.readable_key(device),
                                                   "next": request.POST.get("next") or request.GET.get("next", "")},
                  status=status)


@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    device = services.confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('accounts:setup')}?{urlencode({'next': _next_url(request)})}")
    if request.user.is_verified():  # type: ignore[union-attr]
        return redirect(_next_url(request))
    form = VerifyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            token = form.cleaned_data["token"]
            if token.isdigit():
                ok, throttled = services.totp_verify(request=request, device=device, token=token)
            else:  # a backup code (forms.VerifyForm)
                ok, throttled = services_manage.backup_code_verify(request=request, token=token)
            if ok:
                return redirect(_next_url(request))
            if throttled:
                form.add_error("token", _("Terlalu banyak kode salah. Tunggu sebentar lalu coba lagi."))
            elif token.isdigit():
                form.add_error("token", _("Kode salah atau sudah dipakai. Tunggu kode berikutnya di aplikasi."))
            else:
                form.add_error("token", _("Kode cadangan salah atau sudah dipakai."))
    return render(request, "accounts/verify.html",
                  {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def disable(request: HttpRequest) -> HttpResponse:
    user = request.user
    if must_use_2fa(user):
        raise PermissionDenied(_("Peran Anda wajib memakai verifikasi dua langkah; daftarkan ulang perangkat "
                                 "bila ingin menggantinya."))
    device = services.confirmed_device(user)
    if device is None:
        return render(request, "accounts/disable.html", {"device": None})
    # Switching it off takes what switching it on gave: a code in this session, then the password again.
    if not user.is_verified():  # type: ignore[union-attr]
        return redirect(f"{reverse('accounts:verify')}?{urlencode({'next': reverse('accounts:disable')})}")
    form = PasswordConfirmForm(request, request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "accounts/disable.html", {"device": device, "form": form}, status=400)
        services.totp_disable(request=request)
        messages.success(request, _("Verifikasi dua langkah dimatikan."))
        return redirect("accounts:index")
    return render(request, "accounts/disable.html", {"device": device, "form": form})


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view (the AUTH_PASSWORD_VALIDATORS apply), with an audit row."""

    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        user = self.request.user
        audit_record(actor=user, action="auth.password_change", target=user, office=getattr(user, "office", None),
                     data={"ip": client_ip(self.request)})
        return response


password_change = PasswordChangeView.as_view()
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="registration/password_change_done.html")
