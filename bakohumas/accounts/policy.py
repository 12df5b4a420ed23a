"""Who must use two-factor authentication, and whether it is enforced at all."""

from __future__ import annotations

from django.conf import settings

from bakohumas.offices.models import Office, User

# Evaluators and KPU RI see and judge every office below them; a stolen password is worth more there.
# Anyone of the national office (its pimpinan too) sees all 553 offices.
ROLES_REQUIRING_2FA = frozenset({User.Role.EVALUATOR, User.Role.HUMAS_RI})


def enforcement_enabled() -> bool:
    # Read per request: `bakohumas demo` switches it off for its own server process.
    return bool(getattr(settings, "BAKOHUMAS_2FA_REQUIRED", True))


def requires_2fa(user) -> bool:
    """True for the evaluator and national roles (and superusers), whether or not it is enforced."""
    if not getattr(user, "is_authenticated", False):
        return False
    national = user.office_id is not None and user.office.level == Office.Level.NATIONAL
    return user.is_superuser or user.role in ROLES_REQUIRING_2FA or national


def must_use_2fa(user) -> bool:
    return enforcement_enabled() and requires_2fa(user)
