"""Sessions end after an idle hour, when the browser closes, and at the absolute limit; passwords are strong."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.urls import reverse

from bakohumas.accounts.middleware import LAST_ACTIVITY_KEY
from bakohumas.audit.models import AuditEntry
from bakohumas.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _age_session(client, seconds: int) -> None:
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds
    session.save()


def test_an_idle_session_is_logged_out(client, operator):
    client.force_login(operator)
    _age_session(client, settings.BAKOHUMAS_SESSION_IDLE_MINUTES * 60 + 5)
    response = client.get(reverse("reports:periods"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    logout = AuditEntry.objects.get(action="auth.logout")
    assert logout.actor == operator and logout.note == "tidak aktif"


def test_an_active_session_stays_and_is_written_at_most_once_a_minute(client, operator):
    client.force_login(operator)
    _age_session(client, 30)
    stamped = client.session[LAST_ACTIVITY_KEY]
    assert client.get(reverse("reports:periods")).status_code == 200
    assert client.session[LAST_ACTIVITY_KEY] == stamped  # not rewritten within the minute
    _age_session(client, settings.BAKOHUMAS_SESSION_IDLE_MINUTES * 60 - 5)
    assert client.get(reverse("reports:periods")).status_code == 200
    assert client.session[LAST_ACTIVITY_KEY] >= int(time.time()) - 5  # refreshed


def test_the_idle_limit_follows_the_setting(client, operator, settings):
    settings.BAKOHUMAS_SESSION_IDLE_MINUTES = 5
    client.force_login(operator)
    _age_session(client, 6 * 60)
    assert client.get(reverse("reports:periods")).status_code == 302


def test_sessions_end_when_the_browser_closes_and_after_eight_hours():
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60


def test_a_login_cookie_is_a_browser_session_cookie(client, operator):
    response = client.post(reverse("login"), {"username": "operator", "password": PASSWORD})
    assert response.status_code == 302
    assert not response.cookies[settings.SESSION_COOKIE_NAME]["expires"]
    assert not response.cookies[settings.SESSION_COOKIE_NAME]["max-age"]


def test_the_password_change_applies_the_validators(client, operator):
    client.force_login(operator)
    url = reverse("accounts:password_change")
    response = client.post(url, {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["new_password2"])
    assert "10" in errors  # the minimum length
    strong = "Kuda-Lumping-Kediri-77"
    response = client.post(url, {"old_password": PASSWORD, "new_password1": strong, "new_password2": strong})
    assert response.status_code == 302
    operator.refresh_from_db()
    assert operator.check_password(strong)
    assert AuditEntry.objects.filter(action="auth.password_change", actor=operator).exists()
    assert client.get(reverse("accounts:index")).status_code == 200  # still logged in


def test_the_minimum_password_length_is_ten():
    lengths = [v.get("OPTIONS", {}).get("min_length") for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert 10 in lengths
