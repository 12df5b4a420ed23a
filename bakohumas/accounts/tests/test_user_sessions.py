"""Sessions (issue 16 item 7): each login is a UserSession row; a person sees their active sessions and logs
out of the others or of one; a manager does the same for their people. Ending a session deletes it from the
session store, so the device is logged out at its next request."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bakohumas.accounts.models import USER_AGENT_LENGTH, UserSession
from bakohumas.accounts.services_manage import SESSION_ROW_KEY
from bakohumas.audit.models import AuditEntry
from bakohumas.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _login(username: str, agent: str = "Mozilla/5.0 (Android) Chrome") -> Client:
    device = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR="10.1.2.3")
    response = device.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return device


def _logged_out(device: Client) -> bool:
    response = device.get(reverse("reports:periods"))
    return response.status_code == 302 and response.url.startswith(reverse("login"))


def test_it_records_a_login_as_a_row_and_forgets_it_at_logout(operator):
    device = _login("operator", agent="x" * 400)
    row = UserSession.objects.get(user=operator)
    assert row.session_key == device.session.session_key
    assert row.ip == "10.1.2.3" and len(row.user_agent) == USER_AGENT_LENGTH
    device.post(reverse("logout"))
    assert not UserSession.objects.exists()


def test_logging_in_again_in_the_same_session_keeps_one_row(operator):
    """django.contrib.auth.login keeps the session key when the same user logs in again in their own
    session (the login page itself sends a signed-in user on, but any other login() call does this)."""
    device = _login("operator")
    key = device.session.session_key
    device.force_login(operator)
    assert device.session.session_key == key
    assert UserSession.objects.filter(user=operator).count() == 1


def test_it_writes_last_seen_at_most_once_a_minute(operator):
    device = _login("operator")
    row = UserSession.objects.get()
    UserSession.objects.filter(pk=row.pk).update(last_seen_at=timezone.now() - dt.timedelta(minutes=5))
    device.get(reverse("reports:periods"))
    assert UserSession.objects.get().last_seen_at < timezone.now() - dt.timedelta(minutes=4)  # within the minute
    session = device.session
    session[SESSION_ROW_KEY] = {**session[SESSION_ROW_KEY], "seen": session[SESSION_ROW_KEY]["seen"] - 61}
    session.save()
    device.get(reverse("reports:periods"))
    assert UserSession.objects.get().last_seen_at > timezone.now() - dt.timedelta(seconds=30)


def test_it_follows_the_new_session_key_after_a_password_change(operator):
    device = _login("operator")
    new_password = "Sandi-Baru-2026!"
    device.post(reverse("accounts:password_change"),
                {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password})
    device.get(reverse("reports:periods"))
    assert UserSession.objects.get().session_key == device.session.session_key


def test_it_lists_the_persons_active_sessions_marking_this_one(operator):
    _login("operator", agent="Ponsel Android")
    laptop = _login("operator", agent="Laptop Firefox")
    stale = _login("operator", agent="Komputer warnet")
    Session.objects.filter(session_key=stale.session.session_key).update(expire_date=timezone.now())
    response = laptop.get(reverse("accounts:sessions"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ponsel Android" in page and "Laptop Firefox" in page and "Komputer warnet" not in page
    assert page.count("Sesi ini") == 1 and "Keluar dari semua perangkat lain" in page


def test_it_logs_out_of_every_other_device_and_keeps_this_one(operator, ketua):
    phone, laptop = _login("operator"), _login("operator")
    ketuas = _login("ketua")
    response = laptop.post(reverse("accounts:sessions_end_others"))
    assert response.status_code == 302
    assert _logged_out(phone) and not _logged_out(laptop) and not _logged_out(ketuas)
    assert list(UserSession.objects.filter(user=operator).values_list("session_key", flat=True)) == [
        laptop.session.session_key]
    entry = AuditEntry.objects.get(action="auth.sessions_end_others")
    assert entry.actor == operator and entry.data["sessions_ended"] == 1


def test_it_ends_one_of_the_persons_sessions_but_never_someone_elses(operator, ketua):
    phone, laptop = _login("operator"), _login("operator")
    ketuas = _login("ketua")
    phone_row = UserSession.objects.get(session_key=phone.session.session_key)
    ketua_row = UserSession.objects.get(user=ketua)
    assert laptop.post(reverse("accounts:session_end", args=[ketua_row.pk])).status_code == 404
    assert not _logged_out(ketuas)
    assert laptop.post(reverse("accounts:session_end", args=[phone_row.pk])).status_code == 302
    assert _logged_out(phone) and not _logged_out(laptop)
    assert AuditEntry.objects.filter(action="auth.session_end", actor=operator).exists()


def test_ending_this_very_session_logs_out(operator):
    device = _login("operator")
    row = UserSession.objects.get()
    response = device.post(reverse("accounts:session_end", args=[row.pk]))
    assert response.url == reverse("login") and _logged_out(device)


def test_a_manager_ends_one_or_all_sessions_of_their_people(client, ketua, operator):
    phone, laptop = _login("operator"), _login("operator")
    client.force_login(ketua)
    detail = client.get(reverse("accounts:manage_detail", args=[operator.pk])).content.decode()
    assert "Keluarkan dari semua perangkat" in detail
    phone_row = UserSession.objects.get(session_key=phone.session.session_key)
    url = reverse("accounts:manage_session_end", args=[operator.pk, phone_row.pk])
    assert client.post(url).status_code == 302
    assert _logged_out(phone) and not _logged_out(laptop)
    assert AuditEntry.objects.get(action="account.session_end").actor == ketua
    assert client.post(reverse("accounts:manage_sessions_end", args=[operator.pk])).status_code == 302
    assert _logged_out(laptop) and not UserSession.objects.filter(user=operator).exists()
    assert AuditEntry.objects.get(action="account.sessions_end").data == {"sessions_ended": 1}


def test_a_manager_cannot_end_sessions_outside_their_scope(client, users, operator):
    phone = _login("operator")
    row = UserSession.objects.get(user=operator)
    for role in ("pimpinan", "outsider"):
        client.force_login(users[role])
        assert client.post(reverse("accounts:manage_session_end", args=[operator.pk, row.pk])).status_code == 404
        assert client.post(reverse("accounts:manage_sessions_end", args=[operator.pk])).status_code == 404
    assert not _logged_out(phone)


def test_a_manager_cannot_end_a_session_of_another_account_through_their_persons_page(client, ketua, operator,
                                                                                     pimpinan):
    _login("pimpinan")
    row = UserSession.objects.get(user=pimpinan)
    client.force_login(ketua)
    assert client.post(reverse("accounts:manage_session_end", args=[operator.pk, row.pk])).status_code == 404
    assert UserSession.objects.filter(pk=row.pk).exists()


def test_a_login_clears_the_persons_rows_past_the_absolute_limit(operator, settings):
    old = UserSession.objects.create(user=operator, session_key="lama" * 8,
                                     last_seen_at=timezone.now() - dt.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60))
    _login("operator")
    assert not UserSession.objects.filter(pk=old.pk).exists() and UserSession.objects.filter(user=operator).count() == 1
