from __future__ import annotations

from bakohumas.audit.models import AuditEntry


def recent_logins(user, limit: int = 20) -> list[AuditEntry]:
    """The user's own sign-ins, sign-outs, failed attempts and 2FA events, newest first."""
    return list(AuditEntry.objects.filter(target_type=user._meta.label_lower, target_id=str(user.pk),
                                          action__startswith="auth.").order_by("-created_at")[:limit])
