"""Who must use two-factor authentication, and whether it is enforced at all."""

from __future__ import annotations

from django.conf import settings

from bakohumas.offices.models import Office, User

# Evaluators and KPU RI see and judge every office below them; a stolen password is worth more there.
ROLES_REQUIRING_2FA = frozenset({User.Role.EVALUATOR, User.Role.HUMAS_RI})
# Anyone of a KPU Provinsi (its pimpinan too) reads the whole province, and anyone of KPU RI all 553
# offices (Office.objects.visible_to): whatever the role, the account opens more than one office.
LEVELS_REQUIRING_2FA = frozenset({Office.Level.PROVINCE, Office.Level.NATIONAL})


def enforcement_enabled() -> bool:
    # Read per request: `bakohumas demo` switches it off for its own server process.
    return bool(getattr(settings, "BAKOHUMAS_2FA_REQUIRED", True))


def requires_2fa(user) -> bool:
    """True for superusers, the evaluator and KPU RI roles and anyone of a province or the national office,
    whether or not it is enforced."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser or user.role in ROLES_REQUIRING_2FA:
        return True
    return user.office_id is not None and user.office.level in LEVELS_REQUIRING_2FA


def must_use_2fa(user) -> bool:
    return enforcement_enabled() and requires_2fa(user)
