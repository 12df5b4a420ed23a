"""Reads for the account management pages (the accounts a manager manages, with what the list shows)
and for the sessions pages."""

from __future__ import annotations

from importlib import import_module
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from bakohumas.accounts.management import can_manage, can_manage_account, manageable_accounts
from bakohumas.accounts.models import UserSession
from bakohumas.offices.models import Office, PositionTerm, User


def managed_accounts_for_list(user: Any, *, office: Office | None = None, query: str = "") -> QuerySet[User]:
    """The accounts `user` manages, with office, current positions and two-step status in three queries."""
    accounts = manageable_accounts(user)
    if office is not None:
        accounts = accounts.filter(office=office)
    query = query.strip()
    if query:
        accounts = accounts.filter(Q(first_name__icontains=query) | Q(last_name__icontains=query)
                                   | Q(username__icontains=query) | Q(email__icontains=query))
    current_terms = PositionTerm.objects.filter(ended_on__isnull=True).order_by("position")
    return (accounts.select_related("office")
            .annotate(has_2fa=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
            .prefetch_related(Prefetch("position_terms", queryset=current_terms, to_attr="current_terms"))
            .order_by("office__code", "role", "first_name", "username"))


def get_managed_account(user: Any, account_id: UUID) -> User:
    """An account `user` manages, or 404 (outsiders, non-managers and the user's own account alike)."""
    return get_object_or_404(managed_accounts_for_list(user), pk=account_id)



def active_sessions(user: Any) -> list[UserSession]:
    """The user's sessions still alive in the session store, most recently used first. A row whose session
    has expired (the browser closed, the absolute limit) is left out."""
    rows = list(UserSession.objects.filter(user=user).order_by("-last_seen_at"))
    if settings.SESSION_ENGINE.endswith((".db", ".cached_db")):
        live = set(Session.objects.filter(session_key__in=[r.session_key for r in rows],
                                          expire_date__gt=timezone.now()).values_list("session_key", flat=True))
        return [r for r in rows if r.session_key in live]
    store = import_module(settings.SESSION_ENGINE).SessionStore
    return [r for r in rows if store().exists(r.session_key)]


def get_session_of(user: Any, session_id: UUID) -> UserSession:
    """One session row of `user`, or 404 (a session of anybody else included)."""
    return get_object_or_404(UserSession.objects.select_related("user__office"), pk=session_id, user=user)


HANDOVER_POSITIONS = frozenset({PositionTerm.Position.KETUA_BAKOHUMAS, PositionTerm.Position.OPERATOR_HUMAS})


def previous_holders_to_deactivate(viewer: Any, office: Office, terms: list[PositionTerm]) -> list[PositionTerm]:
    """After a handover of the Ketua Bakohumas or operator position: the ended terms (of `terms`, the
    office's terms with their users loaded) whose holder still has an active account at the office, holds
    no current position there, and is managed by `viewer`; the office page offers to deactivate them."""
    current = {t.user_id for t in terms if t.ended_on is None and t.user_id}
    offers: list[PositionTerm] = []
    for term in terms:
        account = term.user
        if (term.ended_on is None or term.position not in HANDOVER_POSITIONS or account is None
                or account.pk in current or not account.is_active or account.office_id != office.pk
                or any(o.user_id == account.pk for o in offers)):
            continue
        if can_manage_account(viewer, account):
            offers.append(term)
    return offers


# The account role of a holder of each handover position.
POSITION_ROLES: dict[str, str] = {PositionTerm.Position.KETUA_BAKOHUMAS: User.Role.KETUA,
                                  PositionTerm.Position.OPERATOR_HUMAS: User.Role.OPERATOR}


def new_holders_to_invite(viewer: Any, office: Office, terms: list[PositionTerm]) -> list[tuple[PositionTerm, str]]:
    """After a handover: the current Ketua Bakohumas or operator terms (of `terms`) whose holder has no account
    linked yet, with the role the account would have, where `viewer` may give that role at the office; the
    office page offers to invite them (the invitation form comes filled in)."""
    return [(term, POSITION_ROLES[term.position]) for term in terms
            if term.ended_on is None and term.user_id is None and term.position in POSITION_ROLES
            and can_manage(viewer, office, POSITION_ROLES[term.position])]
