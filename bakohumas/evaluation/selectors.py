from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from bakohumas.offices.models import Office
from bakohumas.reports.models import Period
from bakohumas.reports.selectors import get_office_for_user


def get_scope_for_user(user, region_code: str, period_code: str) -> tuple[Office, Period]:
    """A province or the nation the user may evaluate, and the period. Outsiders get 404; an
    office that may see the region but is not a province or national gets 404 too."""
    region = get_office_for_user(user, region_code)
    if region.is_regency:
        raise Http404("Evaluasi dilakukan per provinsi atau nasional.")
    period = get_object_or_404(Period, code=period_code)
    return region, period


def require_national(user) -> Office:
    office = getattr(user, "office", None)
    if office is None or not office.is_national:
        raise PermissionDenied
    return office
