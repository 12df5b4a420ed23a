"""Who manages whose account (issue 16). The rules are data, so that a change of policy is a change
of one table, not of every view:

- KPU RI (its Humas role) manages every account;
- a province's evaluator manages the accounts of the province's own office and of its kab/kota;
- an office's Ketua Bakohumas manages the operators of their own office.

A manager never gives a role the target office's level does not have (`evaluator` only at a KPU
Provinsi, `humas_ri` only at KPU RI: formats/akun.md section 1), nor a role above their own reach.
Superusers (the first KPU RI account made by `create-admin` is one) manage everything."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from bakohumas.offices.models import Office, User

Role = User.Role
Level = Office.Level

# The roles an office of each level has.
ROLES_BY_LEVEL: dict[str, frozenset[str]] = {
    Level.NATIONAL: frozenset({Role.HUMAS_RI, Role.PIMPINAN, Role.KETUA, Role.OPERATOR}),
    Level.PROVINCE: frozenset({Role.EVALUATOR, Role.PIMPINAN, Role.KETUA, Role.OPERATOR}),
    Level.REGENCY: frozenset({Role.PIMPINAN, Role.KETUA, Role.OPERATOR}),
}


@dataclass(frozen=True)
class ManageRule:
    role: str  # the manager's role
    level: str | None  # the level of the manager's office (None: any)
    scope: str  # "all" offices, the offices it "oversees" (itself and its kab/kota), or its "own" office
    roles: frozenset[str]  # the roles the manager may give (and manage), within what the target's level has


RULES: tuple[ManageRule, ...] = (
    ManageRule(Role.HUMAS_RI, Level.NATIONAL, "all",
               frozenset({Role.HUMAS_RI, Role.EVALUATOR, Role.PIMPINAN, Role.KETUA, Role.OPERATOR})),
    ManageRule(Role.EVALUATOR, Level.PROVINCE, "oversees",
               frozenset({Role.EVALUATOR, Role.PIMPINAN, Role.KETUA, Role.OPERATOR})),
    ManageRule(Role.KETUA, None, "own", frozenset({Role.OPERATOR})),
)


def _rule(user) -> ManageRule | None:
    office = getattr(user, "office", None)
    if office is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return next((r for r in RULES if r.role == user.role and r.level in (None, office.level)), None)


def is_manager(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or _rule(user) is not None


def manageable_offices(user):
    """The offices whose accounts `user` manages (a QuerySet; empty for non-managers)."""
    if getattr(user, "is_superuser", False):
        return Office.objects.all()
    rule = _rule(user)
    if rule is None:
        return Office.objects.none()
    if rule.scope == "all":
        return Office.objects.all()
    if rule.scope == "oversees":
        return Office.objects.filter(Q(pk=user.office_id) | Q(parent_id=user.office_id))
    return Office.objects.filter(pk=user.office_id)


def assignable_roles(user, office: Office) -> list[str]:
    """The roles `user` may give to an account of `office`, in the order of User.Role."""
    if getattr(user, "is_superuser", False):
        allowed = ROLES_BY_LEVEL[office.level]
    else:
        rule = _rule(user)
        if rule is None or not manageable_offices(user).filter(pk=office.pk).exists():
            return []
        allowed = rule.roles & ROLES_BY_LEVEL[office.level]
    return [value for value in Role.values if value in allowed]


def can_manage(user, office: Office, role: str) -> bool:
    """May `user` create, change, invite or end an account with `role` at `office`?"""
    return role in assignable_roles(user, office)


def can_manage_account(user, account: User) -> bool:
    """May `user` manage `account` as it stands now? Nobody manages their own account here (that is
    /akun/), and an account without an office or role, or a superuser's, is for superusers only."""
    if account.pk == getattr(user, "pk", None):
        return False
    if account.is_superuser and not getattr(user, "is_superuser", False):
        return False  # a superuser's account (the first KPU RI one) is for superusers to manage
    if account.office is None or not account.role:
        return bool(getattr(user, "is_superuser", False))
    return can_manage(user, account.office, account.role)


def manageable_accounts(user):
    """The accounts `user` manages (a QuerySet of User), their own excluded."""
    if getattr(user, "is_superuser", False):
        return User.objects.exclude(pk=user.pk)
    rule = _rule(user)
    if rule is None:
        return User.objects.none()
    query = Q()
    for office_level, level_roles in ROLES_BY_LEVEL.items():
        roles = rule.roles & level_roles
        if roles:
            query |= Q(office__level=office_level, role__in=roles)
    return User.objects.filter(query, office__in=manageable_offices(user), is_superuser=False).exclude(pk=user.pk)
