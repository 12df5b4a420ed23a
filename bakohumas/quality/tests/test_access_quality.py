"""Every quality page, requested by every role (same shape as bakohumas/core/tests/test_access.py).
Everyone logged in reads the national standard; only KPU RI changes it (403 for everyone else)."""

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
