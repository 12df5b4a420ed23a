"""Invitations (issue 16, formats/akun.md section 3): the e-mail goes out by SMTP to a real server on
loopback, and the test follows the link in the received message."""

from __future__ import annotations

import datetime as dt
from urllib.parse import unquote, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from bakohumas.accounts.models import Invitation
from bakohumas.audit.models import AuditEntry
from bakohumas.offices.models import Office, User

pytestmark = pytest.mark.django_db

BASE = "https://bakohumas.contoh.go.id"
NEW_PASSWORD = "Pelangi-Senja-4821"


@pytest.fixture(autouse=True)
def _base_url(settings, client, django_capture_on_commit_callbacks):
    """The base URL of the links, and a test client whose POSTs run the on-commit callbacks (the e-mail task),
    as the end of a real request's transaction would."""
    settings.BAKOHUMAS_BASE_URL = BASE
    post = client.post

    def committing_post(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = committing_post


def _invite(client, manager, *, office="3571", role=User.Role.OPERATOR, email="rina@contoh.kpu.go.id",
            phone="0812-3456-7890"):
    client.force_login(manager)
    return client.post(reverse("accounts:invite"), {
        "office": Office.objects.get(code=office).pk, "name": "Rina Wulandari", "email": email,
        "phone": phone, "role": role, "position": "Kasubbag Parmas dan SDM"})


def _path(link: str) -> str:
    assert link.startswith(BASE + "/undangan/")
    return urlsplit(link).path


def test_it_sends_one_link_by_smtp_that_sets_the_password_and_logs_in(client, ketua, smtp_server):
    response = _invite(client, ketua)
    assert response.status_code == 302
    user = User.objects.get(email="rina@contoh.kpu.go.id")
    assert (user.phone, user.position, user.office.code) == ("+6281234567890", "Kasubbag Parmas dan SDM", "3571")
    assert not user.has_usable_password()
    assert smtp_server.recipients == [["rina@contoh.kpu.go.id"]]
    assert "Undangan" in smtp_server.messages[0]["Subject"]
    assert len(smtp_server.links()) == 1
    assert smtp_server.html() is not None and smtp_server.links()[0] in smtp_server.html()

    client.logout()
    path = _path(smtp_server.links()[0])
    assert client.get(path).status_code == 200
    response = client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response.url == reverse("home")
    assert client.get(reverse("home")).status_code == 200  # a kab/kota operator: no two-step set-up
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    actions = set(AuditEntry.objects.filter(target_id=str(user.pk)).values_list("action", flat=True))
    assert {"account.invite", "account.invite_accept"} <= actions


def test_it_rejects_a_weak_password_with_django_validators(client, evaluator, smtp_server):
    _invite(client, evaluator)
    client.logout()
    response = client.post(_path(smtp_server.links()[0]), {"new_password1": "12345678", "new_password2": "12345678"})
    assert response.status_code == 400
    assert not User.objects.get(email="rina@contoh.kpu.go.id").has_usable_password()


def test_it_sends_a_province_user_to_two_step_set_up_first(client, national, smtp_server):
    _invite(client, national, office="35", role=User.Role.EVALUATOR)
    client.logout()
    client.post(_path(smtp_server.links()[0]), {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:setup"))


def test_it_lets_the_link_work_once(client, ketua, smtp_server):
    _invite(client, ketua)
    client.logout()
    path = _path(smtp_server.links()[0])
    client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.logout()
    response = client.get(path)
    assert response.status_code == 410
    assert "sudah dipakai" in response.content.decode()


def test_it_says_whom_to_ask_when_the_link_has_expired(client, ketua, smtp_server):
    _invite(client, ketua)
    client.logout()
    invitation = Invitation.objects.get()
    Invitation.objects.filter(pk=invitation.pk).update(created_at=timezone.now() - dt.timedelta(hours=80),
                                                       expires_at=timezone.now() - dt.timedelta(hours=8))
    response = client.get(_path(smtp_server.links()[0]))
    page = response.content.decode()
    assert response.status_code == 410
    assert "kedaluwarsa" in page and str(ketua) in page and "KPU Kota Kediri" in page
    response = client.post(_path(smtp_server.links()[0]), {"new_password1": NEW_PASSWORD,
                                                          "new_password2": NEW_PASSWORD})
    assert response.status_code == 410
    assert not User.objects.get(email="rina@contoh.kpu.go.id").has_usable_password()


def test_it_expires_the_link_after_72_hours(ketua, client, smtp_server):
    _invite(client, ketua)
    invitation = Invitation.objects.get()
    assert invitation.expires_at - invitation.created_at == dt.timedelta(hours=72)


def test_it_resends_a_new_link_and_the_old_one_stops_working(client, ketua, smtp_server):
    _invite(client, ketua)
    invitation = Invitation.objects.get()
    response = client.post(reverse("accounts:invitation_resend", args=[invitation.id]))
    assert response.status_code == 302
    old, new = (_path(link) for link in (smtp_server.links(0)[0], smtp_server.links(1)[0]))
    assert old != new
    client.logout()
    assert client.get(old).status_code == 410
    assert "dibatalkan" in client.get(old).content.decode()
    assert client.get(new).status_code == 200
    assert AuditEntry.objects.filter(action="account.invite_resend").count() == 1


def test_it_revokes_a_link(client, ketua, smtp_server):
    _invite(client, ketua)
    invitation = Invitation.objects.get()
    client.post(reverse("accounts:invitation_revoke", args=[invitation.id]))
    client.logout()
    assert client.get(_path(smtp_server.links()[0])).status_code == 410
    assert AuditEntry.objects.filter(action="account.invite_revoke", actor=ketua).exists()


def test_it_throttles_resends(client, ketua, smtp_server):
    _invite(client, ketua)
    for _ in range(7):
        invitation = Invitation.objects.filter(used_at=None, revoked_at=None).get()
        client.post(reverse("accounts:invitation_resend", args=[invitation.id]))
    assert len(smtp_server.messages) == 1 + 5  # the invitation and five resends; the rest refused


def test_it_answers_404_for_an_unknown_link(client, db):
    response = client.get(reverse("invitation", args=["0" * 64]))
    assert response.status_code == 404
    assert "tidak dikenal" in response.content.decode()


def test_it_shows_a_ready_whatsapp_message_with_the_link(client, ketua, smtp_server):
    _invite(client, ketua)
    page = client.get(reverse("accounts:invitations")).content.decode()
    assert "https://wa.me/6281234567890?text=" in page
    wa = page.split("https://wa.me/6281234567890?text=", 1)[1].split('"', 1)[0]
    assert smtp_server.links()[0] in unquote(wa)


def test_it_refuses_an_e_mail_that_already_has_an_account(client, ketua, operator, smtp_server):
    operator.email = "Rina@Contoh.KPU.go.id"
    operator.save()
    response = _invite(client, ketua)
    assert response.status_code == 400
    assert User.objects.filter(email__iexact="rina@contoh.kpu.go.id").count() == 1
    assert smtp_server.messages == []


# Who may invite whom: every base role against offices and roles in and out of their reach.
TARGETS = [("3571", "operator"), ("3571", "ketua"), ("3571", "pimpinan"), ("35", "evaluator"),
           ("35", "ketua"), ("33", "evaluator"), ("3374", "operator"), ("ID", "humas_ri"), ("3571", "evaluator")]
ALLOWED = {
    "operator": set(),
    "pimpinan": set(),
    "ketua": {("3571", "operator")},
    "evaluator": {("3571", "operator"), ("3571", "ketua"), ("3571", "pimpinan"), ("35", "evaluator"), ("35", "ketua")},
    "outsider": {("33", "evaluator"), ("3374", "operator")},
    "national": set(TARGETS) - {("3571", "evaluator")},  # no evaluator at a kab/kota
}


@pytest.mark.parametrize("target", TARGETS, ids="-".join)
@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_it_lets_a_manager_invite_only_within_their_reach(client, users, role, target, smtp_server):
    office, given = target
    response = _invite(client, users[role], office=office, role=given)
    if role in ("operator", "pimpinan"):
        assert response.status_code == 403
    elif target in ALLOWED[role]:
        assert response.status_code == 302
        assert User.objects.filter(email="rina@contoh.kpu.go.id", role=given, office__code=office).exists()
    else:
        assert response.status_code == 400
        assert not User.objects.filter(email="rina@contoh.kpu.go.id").exists()


def test_it_refuses_the_link_of_a_deactivated_account(client, ketua, smtp_server):
    _invite(client, ketua)
    client.logout()
    User.objects.filter(email="rina@contoh.kpu.go.id").update(is_active=False)
    path = _path(smtp_server.links()[0])
    response = client.get(path)
    assert response.status_code == 410 and "dinonaktifkan" in response.content.decode()
    response = client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 410
    assert not User.objects.get(email="rina@contoh.kpu.go.id").has_usable_password()


def test_the_invitation_list_takes_a_fixed_number_of_queries(client, national, django_assert_max_num_queries):
    from bakohumas.accounts.services_onboarding import account_invite

    for i in range(12):
        account_invite(actor=national, office=Office.objects.get(code="3571" if i % 2 else "35"),
                       name=f"Orang {i}", email=f"orang{i}@contoh.kpu.go.id", phone="081234567890",
                       role=User.Role.OPERATOR)
    client.force_login(national)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("accounts:invitations"))
    assert response.status_code == 200 and response.content.decode().count("https://wa.me/") == 12
