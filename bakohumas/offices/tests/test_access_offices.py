"""The office pages added after the foundation, requested by every role (same shape as
bakohumas/core/tests/test_access.py): the handover page is for the office itself, its province
and KPU RI; another province gets 404."""

from __future__ import annotations

import pytest

from bakohumas.access_testing import MISSING, OK, ROLES, check_anonymous, check_role, row

pytestmark = pytest.mark.django_db

PAGES = {
    "offices:handover_page": ("get", "office", row(OK, OK, OK, OK, MISSING, OK)),
    # The profile: read by everyone who sees the office, edited (POST) by its Ketua only
    # (bakohumas/offices/tests/test_profile.py); the logo is served to the same readers.
    "offices:profile": ("get", "office", row(OK, OK, OK, OK, MISSING, OK)),
    "offices:profile_logo": ("get", "office", row(OK, OK, OK, OK, MISSING, OK)),
}


@pytest.fixture(autouse=True)
def _profile_with_logo(kediri):
    from django.core.files.base import ContentFile

    from bakohumas.offices.demo import placeholder_logo
    from bakohumas.offices.services import office_profile_update

    office_profile_update(office=kediri, actor=None, full_name="KOMISI PEMILIHAN UMUM KOTA KEDIRI",
                          logo=ContentFile(placeholder_logo(), name="logo.png"))


def _args(kind: str) -> list:
    return {"office": ["3571"]}[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, name, role):
    check_role(client, PAGES, name, users[role], role, _args)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, name):
    check_anonymous(client, PAGES, name, _args)
