"""Every login, logout and failed login becomes an audit row (never the password); a login is also a
UserSession row until it logs out."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from bakohumas.accounts.middleware import touch_session
from bakohumas.accounts.services_manage import user_session_forget, user_session_start
from bakohumas.core.ratelimit import client_ip
from bakohumas.audit.services import audit_record


@receiver(user_logged_in, dispatch_uid="accounts.login")
def _logged_in(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        touch_session(request.session)
        user_session_start(request=request, user=user)
    audit_record(actor=user, action="auth.login", target=user, office=user.office, data={"ip": client_ip(request)})


@receiver(user_logged_out, dispatch_uid="accounts.logout")
def _logged_out(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        user_session_forget(request=request)
    if user is None:
        return
    note = getattr(request, "logout_reason", "") if request is not None else ""
    audit_record(actor=user, action="auth.logout", target=user, office=user.office, note=note,
                 data={"ip": client_ip(request)})


@receiver(user_login_failed, dispatch_uid="accounts.login_failed")
def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    username = str(credentials.get("username", ""))[:150]
    user = get_user_model().objects.filter(username=username).select_related("office").first()
    audit_record(actor=None, action="auth.login_failed", target=user, office=getattr(user, "office", None),
                 data={"username": username, "ip": client_ip(request)})
