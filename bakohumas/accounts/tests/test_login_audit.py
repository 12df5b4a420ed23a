"""Logins, logouts and failed logins are audit rows: who, when, from which address, never the password."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from bakohumas.audit.models import AuditEntry
from bakohumas.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_login_and_a_logout_are_recorded(operator):
    client = Client()
    client.post(reverse("login"), {"username": "operator", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3")
    client.post(reverse("logout"))
    login, = AuditEntry.objects.filter(action="auth.login")
    assert login.actor == operator and login.office == operator.office
    assert login.target_type == "offices.user" and login.target_id == str(operator.pk)
    assert login.data == {"ip": "10.1.2.3"}
    assert AuditEntry.objects.filter(action="auth.logout", actor=operator).count() == 1


def test_a_failed_login_records_the_name_and_address_but_not_the_password(operator):
    Client().post(reverse("login"), {"username": "operator", "password": "salah-sekali-123"}, REMOTE_ADDR="10.9.9.9")
    failed = AuditEntry.objects.get(action="auth.login_failed")
    assert failed.actor is None and failed.target_id == str(operator.pk) and failed.office == operator.office
    assert failed.data == {"username": "operator", "ip": "10.9.9.9"}
    assert "salah-sekali" not in json.dumps(failed.data) + failed.note


def test_a_failed_login_for_an_unknown_name_has_no_target(db):
    Client().post(reverse("login"), {"username": "tidak.ada", "password": "apa-saja-123"})
    failed = AuditEntry.objects.get(action="auth.login_failed")
    assert failed.target_type == "auth" and failed.target_id == "" and failed.office is None
    assert failed.data["username"] == "tidak.ada"


def test_behind_a_trusted_proxy_the_audit_and_the_lockout_use_the_forwarded_address(settings, operator):
    settings.TRUSTED_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        Client().post(reverse("login"), {"username": "operator", "password": "salah"},
                      HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    failed = AuditEntry.objects.filter(action="auth.login_failed").first()
    assert failed.data["ip"] == "203.0.113.7"
    # The lockout holds the address that failed, not the proxy every office's traffic comes through.
    other_office = Client().post(reverse("login"), {"username": "operator", "password": PASSWORD},
                                 HTTP_X_FORWARDED_FOR="198.51.100.4", **proxy)
    assert other_office.status_code == 302
    locked = Client().post(reverse("login"), {"username": "operator", "password": PASSWORD},
                           HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert locked.status_code == 429
