"""Account management by managers (issue 16 items 1 and 5): the list, deactivation that ends every session,
reactivation, moves between offices and roles, and the reset of two-step verification; each audited, each
limited to the accounts management.py gives the manager."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from bakohumas.accounts.testing import OTPClient, give_device
from bakohumas.audit.models import AuditEntry
from bakohumas.conftest import PASSWORD
from bakohumas.offices.models import Office, PositionTerm, User

pytestmark = pytest.mark.django_db


def _account(username: str, office_code: str = "3571", role: str = User.Role.OPERATOR, **extra) -> User:
    return User.objects.create_user(username=username, password=PASSWORD, first_name=username.title(),
                                    email=f"{username}@kpu.go.id", office=Office.objects.get(code=office_code),
                                    role=role, **extra)


@pytest.fixture
def target(db) -> User:
    return _account("sari")


def _url(name: str, account: User) -> str:
    return reverse(f"accounts:manage_{name}", args=[account.pk])


# The list ---------------------------------------------------------------------------------------------


def test_it_lists_the_accounts_a_ketua_manages_with_position_two_step_status_and_state(client, ketua, users):
    sari = _account("sari")
    PositionTerm.objects.create(office=sari.office, position=PositionTerm.Position.OPERATOR_HUMAS, user=sari,
                                holder_name="Sari", started_on="2025-01-01")
    give_device(sari)
    invited = _account("budi")
    invited.set_unusable_password()
    invited.save()
    _account("lama", is_active=False)
    client.force_login(ketua)
    response = client.get(reverse("accounts:manage_list"))
    page = response.content.decode()
    assert response.status_code == 200
    assert [a.username for a in response.context["page"]] == ["budi", "lama", "operator", "sari"]
    assert "Operator humas" in page and "Diundang" in page and "Dinonaktifkan" in page and "Aktif" in page
    row = next(a for a in response.context["page"] if a.username == "sari")
    assert row.has_2fa and [t.position for t in row.current_terms] == ["operator_humas"]


def test_it_lists_a_province_and_its_kab_kota_for_the_evaluator_filtered_by_office_and_search(
        client, evaluator, users):
    _account("surabaya.op", "3578")
    _account("semarang.op", "3374")
    client.force_login(evaluator)
    names = [a.username for a in client.get(reverse("accounts:manage_list")).context["page"]]
    assert "surabaya.op" in names and "ketua" in names and "pimpinan" in names
    assert "semarang.op" not in names and "evaluator" not in names and "outsider" not in names
    filtered = client.get(reverse("accounts:manage_list"), {"kantor": "3578"}).context["page"]
    assert [a.username for a in filtered] == ["surabaya.op"]
    searched = client.get(reverse("accounts:manage_list"), {"q": "SURABAYA.OP@kpu"}).context["page"]
    assert [a.username for a in searched] == ["surabaya.op"]


def test_it_paginates_and_takes_the_same_number_of_queries_for_more_accounts(
        client, national, django_assert_max_num_queries):
    client.force_login(national)
    for i in range(3):
        _account(f"op{i}", "3578")
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("accounts:manage_list"))
    for i in range(3, 60):
        account = _account(f"op{i}", "3578")
        give_device(account)
        PositionTerm.objects.create(office=account.office, position=PositionTerm.Position.OPERATOR_HUMAS,
                                    user=account, holder_name=account.username, started_on="2025-01-01")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("accounts:manage_list"))
    assert len(response.context["page"].object_list) == 50
    assert response.context["page"].paginator.count == 60
    assert len(client.get(reverse("accounts:manage_list"), {"hal": 2}).context["page"].object_list) == 10


def test_it_shows_the_link_in_the_navigation_to_managers_only(client, operator, ketua):
    client.force_login(ketua)
    assert reverse("accounts:manage_list") in client.get(reverse("accounts:index")).content.decode()
    client.force_login(operator)
    assert reverse("accounts:manage_list") not in client.get(reverse("accounts:index")).content.decode()


def test_it_never_opens_the_managers_own_account(client, evaluator):
    client.force_login(evaluator)
    assert client.get(_url("detail", evaluator)).status_code == 404
    assert client.post(_url("deactivate", evaluator)).status_code == 404


# Deactivation and reactivation -----------------------------------------------------------------------


def test_it_deactivates_an_account_ending_all_its_sessions_at_once(client, ketua, target):
    phone, laptop = Client(), Client()
    for device in (phone, laptop):
        assert device.post(reverse("login"), {"username": "sari", "password": PASSWORD}).status_code == 302
    assert phone.get(reverse("reports:periods")).status_code == 200
    other = OTPClient()
    other.force_login(ketua)
    client.force_login(ketua)
    assert client.get(_url("deactivate", target)).status_code == 200  # the confirmation page changes nothing
    target.refresh_from_db()
    assert target.is_active
    response = client.post(_url("deactivate", target))
    assert response.status_code == 302 and response.url == _url("detail", target)
    target.refresh_from_db()
    assert not target.is_active
    for device in (phone, laptop):
        assert device.get(reverse("reports:periods")).url.startswith(reverse("login"))
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(target.pk)]
    assert other.get(reverse("reports:periods")).status_code == 200  # the manager's own sessions stay
    entry = AuditEntry.objects.get(action="account.deactivate")
    assert entry.actor == ketua and entry.target_id == str(target.pk) and entry.data["sessions_ended"] == 2
    assert Client().post(reverse("login"), {"username": "sari", "password": PASSWORD}).status_code == 200
    assert "Dinonaktifkan" in client.get(_url("detail", target)).content.decode()


def test_it_reactivates_a_deactivated_account(client, evaluator, target):
    target.is_active = False
    target.save()
    client.force_login(evaluator)
    assert client.post(_url("reactivate", target)).status_code == 302
    target.refresh_from_db()
    assert target.is_active and AuditEntry.objects.filter(action="account.reactivate", actor=evaluator).exists()
    assert Client().post(reverse("login"), {"username": "sari", "password": PASSWORD}).status_code == 302


def test_it_refuses_to_deactivate_twice_in_indonesian(client, ketua, target):
    target.is_active = False
    target.save()
    client.force_login(ketua)
    response = client.post(_url("deactivate", target))
    assert response.status_code == 400 and "sudah dinonaktifkan" in response.content.decode()
    assert not AuditEntry.objects.filter(action="account.deactivate").exists()


@pytest.mark.parametrize("role", ["operator", "pimpinan", "outsider"])
def test_it_hides_the_account_from_those_who_do_not_manage_it(client, users, target, role):
    client.force_login(users[role])
    for name in ("deactivate", "reactivate", "assign", "two_factor_reset"):
        assert client.post(_url(name, target)).status_code == 404
    target.refresh_from_db()
    assert target.is_active and target.role == User.Role.OPERATOR
    assert not AuditEntry.objects.filter(action__startswith="account.").exists()


def test_a_ketua_cannot_act_on_the_pimpinan_or_another_ketua_of_their_office(client, ketua, pimpinan):
    other_ketua = _account("ketua2", role=User.Role.KETUA)
    client.force_login(ketua)
    for account in (pimpinan, other_ketua):
        assert client.post(_url("deactivate", account)).status_code == 404


def test_anonymous_posts_go_to_login_and_change_nothing(target):
    response = Client().post(_url("deactivate", target))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    target.refresh_from_db()
    assert target.is_active


# Office and role -------------------------------------------------------------------------------------


def test_it_moves_an_account_to_another_office_and_role_keeping_it_and_auditing_old_and_new(
        client, evaluator, target):
    client.force_login(evaluator)
    response = client.post(_url("assign", target), {"office": "3578", "role": "ketua"})
    assert response.status_code == 302
    moved = User.objects.get(pk=target.pk)
    assert moved.office.code == "3578" and moved.role == "ketua" and User.objects.filter(username="sari").count() == 1
    entry = AuditEntry.objects.get(action="account.assign")
    assert entry.data == {"old": {"office": "3571", "role": "operator"}, "new": {"office": "3578", "role": "ketua"}}


@pytest.mark.parametrize(("manager", "office", "role"), [
    ("ketua", "3571", "ketua"),       # above what a Ketua Bakohumas gives
    ("ketua", "3578", "operator"),    # another office
    ("evaluator", "3374", "operator"),  # another province's kab/kota
    ("evaluator", "3571", "evaluator"),  # a role a kab/kota does not have
    ("evaluator", "ID", "humas_ri"),  # KPU RI
])
def test_it_refuses_a_move_outside_the_managers_scope(client, users, target, manager, office, role):
    client.force_login(users[manager])
    response = client.post(_url("assign", target), {"office": office, "role": role})
    assert response.status_code == 400
    target.refresh_from_db()
    assert (target.office.code, target.role) == ("3571", "operator")
    assert not AuditEntry.objects.filter(action="account.assign").exists()


def test_it_refuses_a_move_that_changes_nothing(client, ketua, target):
    client.force_login(ketua)
    response = client.post(_url("assign", target), {"office": "3571", "role": "operator"})
    assert response.status_code == 400 and "tidak berubah" in response.content.decode()


# Two-step verification reset --------------------------------------------------------------------------


def test_it_resets_two_step_verification_so_the_person_sets_it_up_again(client, national, evaluator):
    phone = OTPClient()
    phone.force_login(evaluator)
    client.force_login(national)
    assert client.post(_url("two_factor_reset", evaluator)).status_code == 302
    assert not TOTPDevice.objects.filter(user=evaluator).exists()
    entry = AuditEntry.objects.get(action="account.two_factor_reset")
    assert entry.actor == national and entry.data == {"devices": 1, "sessions_ended": 1}
    assert phone.get(reverse("reports:periods")).url.startswith(reverse("login"))
    again = Client()
    again.post(reverse("login"), {"username": "evaluator", "password": PASSWORD})
    assert again.get(reverse("reports:periods")).url.startswith(reverse("accounts:setup"))


def test_it_says_when_there_is_nothing_to_reset(client, ketua, target):
    client.force_login(ketua)
    response = client.post(_url("two_factor_reset", target))
    assert response.status_code == 400 and "belum memasang" in response.content.decode()


def test_only_a_superuser_manages_a_superusers_account(client, national):
    admin = _account("admin.ri", "ID", User.Role.HUMAS_RI, is_superuser=True, is_staff=True)
    client.force_login(national)
    assert "admin.ri" not in [a.username for a in client.get(reverse("accounts:manage_list")).context["page"]]
    assert client.post(_url("deactivate", admin)).status_code == 404
    other_admin = _account("admin.dua", "ID", User.Role.HUMAS_RI, is_superuser=True)
    client.force_login(other_admin)
    assert client.post(_url("deactivate", admin)).status_code == 302
    admin.refresh_from_db()
    assert not admin.is_active


def test_deactivating_an_invited_account_revokes_its_open_invitation(client, evaluator, kediri):
    from bakohumas.accounts.services_onboarding import account_invite

    invitation = account_invite(actor=evaluator, office=kediri, name="Operator Baru", email="baru@contoh.kpu.go.id",
                                phone="", role=User.Role.OPERATOR)
    client.force_login(evaluator)
    assert client.post(_url("deactivate", invitation.user)).status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None and not invitation.is_open
    assert AuditEntry.objects.get(action="account.deactivate").data["invitations_revoked"] == 1
    assert Client().get(reverse("invitation", args=[invitation.token])).status_code == 410
