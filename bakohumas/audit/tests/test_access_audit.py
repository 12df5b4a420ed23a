"""The audit trail: KPU RI all of it, a province evaluator its province, a Ketua their office;
operators and pimpinan none (403), outsiders never see another province's rows (404)."""

from __future__ import annotations

import pytest

from bakohumas.access_testing import FORBIDDEN, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.audit.models import AuditEntry
from bakohumas.audit.services import audit_record

pytestmark = pytest.mark.django_db

PAGES = {
    "audit:list": ("get", "none", row(FORBIDDEN, OK, FORBIDDEN, OK, OK, OK)),
    "audit:detail": ("get", "entry", row(FORBIDDEN, OK, FORBIDDEN, OK, MISSING, OK)),
}


@pytest.fixture
def entry(users, kediri) -> AuditEntry:
    return audit_record(actor=users["operator"], action="records.channel.create", target=kediri, office=kediri,
                        data={"name": "Grup WA"})


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, entry, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: [entry.id] if kind == "entry" else [])


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, entry, name):
    check_anonymous(client, PAGES, name, lambda kind: [entry.id] if kind == "entry" else [])
