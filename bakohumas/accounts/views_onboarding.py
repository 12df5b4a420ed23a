"""Invitations: the managers' pages (invite, list, resend, revoke) and the public page of the link."""

from __future__ import annotations

import base64
import hashlib
import secrets
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.core.cache import cache
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bakohumas.accounts import services_onboarding as onboarding
from bakohumas.accounts import transfer
from bakohumas.accounts.forms_onboarding import AccountsUploadForm, InviteForm, RecoveryForm
from bakohumas.accounts.management import is_manager, manageable_accounts
from bakohumas.accounts.models import Invitation
from bakohumas.core.ratelimit import HOUR, over_rate_limit
from bakohumas.offices.models import Office

IMPORT_SESSION_KEY = "pending_accounts_import"
RECOVERY_LIMIT_PER_IP = 10  # recovery requests per client address an hour
RECOVERY_LIMIT_PER_EMAIL = 3  # recovery e-mails per e-mail address an hour (beyond: the same page, no e-mail)
RESEND_LIMIT = 5  # resends per person and address an hour: each one is an e-mail


def _manager(request: HttpRequest) -> None:
    if not is_manager(request.user):
        raise PermissionDenied


def get_invitation_for_manager(user, invitation_id: UUID) -> Invitation:
    """An invitation of an account the user manages; 404 otherwise."""
    return get_object_or_404(Invitation.objects.select_related("user", "user__office"),
                             pk=invitation_id, user__in=manageable_accounts(user))


@login_required
def invitation_list(request: HttpRequest) -> HttpResponse:
    _manager(request)
    invitations = (Invitation.objects.filter(user__in=manageable_accounts(request.user))
                   .select_related("user", "user__office", "created_by")[:300])
    rows = [(invitation, *onboarding.invitation_whatsapp(invitation)) if invitation.is_open
            else (invitation, "", None) for invitation in invitations]
    return render(request, "accounts/onboarding/invitation_list.html", {"rows": rows})


def invite_initial(request: HttpRequest) -> dict[str, Any]:
    """The form filled in from a link (the office page's offer after a handover): office code, role, name."""
    initial: dict[str, Any] = {"name": request.GET.get("nama", "")[:150], "role": request.GET.get("peran", "")}
    office = Office.objects.filter(code=request.GET.get("kantor", "")).first()
    if office is not None:
        initial["office"] = office
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    _manager(request)
    form = InviteForm(request.user, request.POST or None, initial=invite_initial(request))  # type: ignore[arg-type]
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "accounts/onboarding/invite.html", {"form": form}, status=400)
        data = form.cleaned_data
        invitation = onboarding.account_invite(actor=request.user, office=data["office"], name=data["name"],  # type: ignore[arg-type]
                                               email=data["email"], phone=data["phone"], role=data["role"],
                                               position=data["position"])
        messages.success(request, _("Undangan untuk %(name)s sedang dikirim ke %(email)s.")
                         % {"name": invitation.user, "email": invitation.user.email})
        return redirect("accounts:invitations")
    return render(request, "accounts/onboarding/invite.html", {"form": form})


@login_required
@require_POST
def invitation_resend(request: HttpRequest, invitation_id: UUID) -> HttpResponse:
    invitation = get_invitation_for_manager(request.user, invitation_id)
    if over_rate_limit(request, f"invitation-resend:{invitation.user_id}", limit=RESEND_LIMIT):
        messages.error(request, _("Undangan untuk akun ini sudah terlalu sering dikirim ulang. Coba lagi satu jam lagi."))
        return redirect("accounts:invitations")
    try:
        onboarding.invitation_resend(invitation=invitation, actor=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Undangan baru dikirim ke %(email)s; tautan sebelumnya tidak berlaku lagi.")
                         % {"email": invitation.user.email})
    return redirect("accounts:invitations")


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, invitation_id: UUID) -> HttpResponse:
    invitation = get_invitation_for_manager(request.user, invitation_id)
    try:
        onboarding.invitation_revoke(invitation=invitation, actor=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Undangan untuk %(name)s dibatalkan.") % {"name": invitation.user})
    return redirect("accounts:invitations")


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Public: the person sets their first password, is logged in and goes home (two-step set-up first where
    their role requires it: the TwoFactorMiddleware sends them there)."""
    invitation = onboarding.invitation_for_token(token)
    if invitation is None or not invitation.is_open or not invitation.user.is_active:
        status = 404 if invitation is None else 410
        return render(request, "accounts/onboarding/invitation_closed.html", {"invitation": invitation},
                      status=status)
    form = SetPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                user = onboarding.invitation_accept(invitation=invitation, password=form.cleaned_data["new_password1"])
            except ValidationError:
                return render(request, "accounts/onboarding/invitation_closed.html", {"invitation": invitation},
                              status=410)
            login(request, user, backend="bakohumas.accounts.backends.EmailOrUsernameBackend")
            messages.success(request, _("Selamat datang di Bakohumas. Kata sandi Anda sudah dibuat."))
            return redirect("home")
        return render(request, "accounts/onboarding/accept.html", {"form": form, "invitation": invitation}, status=400)
    return render(request, "accounts/onboarding/accept.html", {"form": form, "invitation": invitation})


@login_required
@require_http_methods(["GET", "POST"])
def import_accounts(request: HttpRequest) -> HttpResponse:
    """Upload, then a preview of what would be created, updated and invited; nothing is written yet."""
    _manager(request)
    form = AccountsUploadForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "accounts/onboarding/import.html", context, status=400)
        content, invite = form.cleaned_data["file"], form.cleaned_data["invite"]
        parsed = transfer.parse_accounts(content, actor=request.user)  # type: ignore[arg-type]
        context.update(parsed=parsed, invite=invite)
        if not parsed.ok:
            return render(request, "accounts/onboarding/import.html", context, status=400)
        token = secrets.token_urlsafe(16)
        request.session[IMPORT_SESSION_KEY] = {"token": token, "content": base64.b64encode(content).decode(),
                                               "name": getattr(request.FILES.get("file"), "name", ""), "invite": invite}
        context["token"] = token
    return render(request, "accounts/onboarding/import.html", context)


@login_required
@require_POST
def import_accounts_confirm(request: HttpRequest) -> HttpResponse:
    _manager(request)
    pending = request.session.get(IMPORT_SESSION_KEY)
    if not pending or pending["token"] != request.POST.get("token"):
        messages.error(request, _("Pratinjau impor sudah kedaluwarsa. Unggah berkasnya sekali lagi."))
        return redirect("accounts:import")
    # Checked again: an account or the importer's reach may have changed since the preview.
    parsed = transfer.parse_accounts(base64.b64decode(pending["content"]), actor=request.user)  # type: ignore[arg-type]
    if not parsed.ok:
        return render(request, "accounts/onboarding/import.html", {"form": AccountsUploadForm(), "parsed": parsed},
                      status=400)
    counts = onboarding.accounts_import(parsed=parsed, actor=request.user, invite=pending["invite"],  # type: ignore[arg-type]
                                        source=pending["name"])
    del request.session[IMPORT_SESSION_KEY]
    messages.success(request, _("Impor selesai: %(created)s akun dibuat, %(updated)s diperbarui, %(invited)s "
                                "diundang.") % counts)
    return redirect("accounts:invitations")


@login_required
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    """The template with the contract's columns and example rows, as CSV or XLSX."""
    _manager(request)
    if kind == "csv":
        response = HttpResponse(transfer.template_csv(), content_type="text/csv; charset=utf-8")
    elif kind == "xlsx":
        response = HttpResponse(transfer.template_xlsx(),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="templat-akun.{kind}"'
    return response


class RecoveryView(auth_views.PasswordResetView):
    """"Lupa kata sandi?": Django's reset view, answering the same page whether or not the address has an
    account, with links under BAKOHUMAS_BASE_URL. Throttled per client address (the page says so) and per
    e-mail address (silently: no e-mail, the same page, so nobody learns which addresses exist)."""

    form_class = RecoveryForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    html_email_template_name = "registration/password_reset_email.html"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    @property
    def extra_email_context(self) -> dict:  # type: ignore[override]
        return {"base_url": settings.BAKOHUMAS_BASE_URL}  # read per request (tests change it)

    def post(self, request, *args, **kwargs):
        if over_rate_limit(request, "password-recovery", limit=RECOVERY_LIMIT_PER_IP):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, _("Terlalu banyak permintaan dari alamat ini. Coba lagi satu jam lagi."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        key = "ratelimit:password-recovery-email:" + hashlib.sha256(
            form.cleaned_data["email"].strip().lower().encode()).hexdigest()
        cache.add(key, 0, HOUR)
        if cache.incr(key) > RECOVERY_LIMIT_PER_EMAIL:
            return redirect(self.get_success_url())
        return super().form_valid(form)
