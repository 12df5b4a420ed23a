"""Reads for the account management pages: the accounts a manager manages, with what the list shows."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django_otp.plugins.otp_totp.models import TOTPDevice

from bakohumas.accounts.management import manageable_accounts
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

