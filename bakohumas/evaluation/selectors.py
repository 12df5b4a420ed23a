"""Scope checks for the evaluation pages."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from bakohumas.offices.models import Office
from bakohumas.reports.selectors import get_region_period_for_user

# A province or the nation the user may evaluate, and a period that has begun: one rule for every
# page that looks at a region (outsiders and kab/kota get 404). It lives in reports, which
# evaluation builds on.
get_scope_for_user = get_region_period_for_user


def require_national(user) -> Office:
    office = getattr(user, "office", None)
    if office is None or not office.is_national:
        raise PermissionDenied
    return office
