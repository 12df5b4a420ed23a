"""Every quality page, requested by every role (same shape as bakohumas/core/tests/test_access.py).
Everyone logged in reads the national standard; only Humas KPU RI changes it (403 for everyone else, pimpinan or evaluator at KPU RI too)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bakohumas.access_testing import FORBIDDEN, OK, ROLES, check_anonymous, check_role, row

pytestmark = pytest.mark.django_db

PAGES = {
    "quality:standard": ("get", "none", row(OK, OK, OK, OK, OK, OK)),
    "quality:standard_edit": ("get", "none", row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)),
    "quality:try": ("get", "none", row(OK, OK, OK, OK, OK, OK)),
}


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: [])


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, name):
    check_anonymous(client, PAGES, name, lambda kind: [])


@pytest.mark.parametrize("role", [r for r in ROLES if r != "national"])
def test_only_national_may_post_a_change(client, users, role):
    from bakohumas.quality.models import QualityStandard

    client.force_login(users[role])
    response = client.post(reverse("quality:standard_edit"), {"photo_short_edge_warn": 1})
    assert response.status_code == FORBIDDEN
    assert not QualityStandard.objects.exists()


@pytest.mark.parametrize("role", ["pimpinan", "evaluator"])
def test_read_only_roles_at_kpu_ri_may_not_change_the_standard(client, role):
    """Being at the national office is not enough: only the Humas KPU RI role sets the standard."""
    from django.core.exceptions import PermissionDenied

    from bakohumas.offices.models import Office, User
    from bakohumas.quality.models import QualityStandard
    from bakohumas.quality.selectors import can_edit_standard
    from bakohumas.quality.services import standard_update

    user = User.objects.create_user(username=f"ri-{role}", password="rahasia-panjang-123", role=role,
                                    office=Office.objects.get(code="ID"))
    client.force_login(user)
    assert not can_edit_standard(user)
    assert client.get(reverse("quality:standard_edit")).status_code == FORBIDDEN
    assert client.post(reverse("quality:standard_edit"), {"photo_short_edge_warn": 1}).status_code == FORBIDDEN
    page = client.get(reverse("quality:standard"))
    assert page.status_code == OK and not page.context["can_edit"]
    with pytest.raises(PermissionDenied):
        standard_update(actor=user, data={"photo_short_edge_warn": 1})
    assert not QualityStandard.objects.exists()


def test_humas_kpu_ri_may_change_the_standard(national):
    from bakohumas.quality.services import standard_update

    row = standard_update(actor=national, data={"photo_short_edge_warn": 900})
    assert row.photo_short_edge_warn == 900
