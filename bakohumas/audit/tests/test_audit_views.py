"""The audit list: newest first, in words, filtered, paginated, scoped, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from bakohumas.audit.models import AuditEntry
from bakohumas.audit.presentation import action_label, data_summary
from bakohumas.audit.services import audit_record
from bakohumas.offices.models import Office

pytestmark = pytest.mark.django_db

LIST = reverse("audit:list")


def _record(actor, office, action="records.channel.create", **data) -> AuditEntry:
    return audit_record(actor=actor, action=action, target=office, office=office, data=data)


def test_it_lists_entries_newest_first_in_words(client, users, kediri):
    _record(users["operator"], kediri, name="Grup WA")
    _record(users["operator"], kediri, action="quality_standard.update", changes={"min_words": [150, 200]})
    client.force_login(users["ketua"])
    html = client.get(LIST).content.decode()
    assert html.index("Standar mutu: diubah") < html.index("Catatan kehumasan: dibuat")
    assert "min_words: 150 → 200" in html and "Operator" in html


def test_the_summary_reads_old_to_new():
    assert data_summary({"old": "2025-01-02", "new": "2025-01-09"}) == ["2 Januari 2025 → 9 Januari 2025"]
    assert data_summary({"from": "draft", "to": "review", "note": None}) == ["draft → review", "note: –"]
    assert action_label("auth.login_failed") == "gagal masuk"
    assert action_label("something.odd") == "something.odd"


def test_filters_narrow_the_list(client, users, kediri, jatim):
    _record(users["operator"], kediri)
    _record(users["evaluator"], jatim, action="submission.verify")
    audit_record(actor=users["operator"], action="auth.login", target=users["operator"], office=kediri)
    client.force_login(users["national"])
    entries = lambda **query: list(client.get(LIST, query).context["page"])  # noqa: E731
    assert {e.action for e in entries(kind="auth")} == {"auth.login"}
    assert {e.action for e in entries(office="35")} == {"submission.verify"}
    assert {e.action for e in entries(user="evaluator")} == {"submission.verify"}
    today = timezone.localdate()
    assert len(entries(date_from=today.isoformat(), date_to=today.isoformat(), kind="records")) == 1
    assert entries(date_to=(today - dt.timedelta(days=1)).isoformat()) == []


def test_the_scope_follows_the_office_hierarchy(client, users, kediri):
    here = _record(users["operator"], kediri)
    elsewhere = _record(None, Office.objects.get(code="3374"))  # Kota Semarang, Jawa Tengah
    national_only = audit_record(actor=None, action="auth.login_failed", target=None, data={"username": "x"})
    seen = {}
    for role in ["ketua", "evaluator", "outsider", "national"]:
        client.force_login(users[role])
        seen[role] = {e.pk for e in client.get(LIST).context["page"]} & {here.pk, elsewhere.pk, national_only.pk}
    assert seen["ketua"] == {here.pk}
    assert seen["evaluator"] == {here.pk}
    assert seen["outsider"] == {elsewhere.pk}
    assert seen["national"] == {here.pk, elsewhere.pk, national_only.pk}


def test_it_pages_by_fifty(client, users, kediri):
    AuditEntry.objects.bulk_create([AuditEntry(action="records.channel.update", target_type="offices.office",
                                               target_id=str(kediri.pk), office=kediri) for _ in range(60)])
    client.force_login(users["ketua"])
    assert len(client.get(LIST).context["page"]) == 50
    assert len(client.get(LIST, {"hal": 2}).context["page"]) >= 10


def test_the_list_has_a_fixed_number_of_queries(client, users, kediri, django_assert_max_num_queries):
    client.force_login(users["evaluator"])
    for i in range(5):
        _record(users["operator"], kediri, name=f"Grup {i}")
    with django_assert_max_num_queries(8):
        client.get(LIST)
    for i in range(30):
        _record(users["operator"], kediri, name=f"Grup {i}")
    with django_assert_max_num_queries(8):
        response = client.get(LIST, {"kind": "records", "office": "3571"})
    assert response.status_code == 200


def test_the_detail_page_shows_who_when_what(client, users, kediri, django_assert_max_num_queries):
    entry = _record(users["operator"], kediri, action="ppid_dispute.update", old="2025-01-02", new="2025-02-03")
    client.force_login(users["national"])
    with django_assert_max_num_queries(5):
        response = client.get(reverse("audit:detail", args=[entry.id]))
    html = response.content.decode()
    assert "PPID: diubah" in html and "2 Januari 2025 → 3 Februari 2025" in html and kediri.name in html
