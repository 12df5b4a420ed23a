"""A handover of the Ketua Bakohumas or operator position offers the manager to deactivate the previous
holder's account (issue 16 item 5), matched through PositionTerm.user."""

from __future__ import annotations


import pytest
from django.urls import reverse
from django.utils import timezone

from bakohumas.conftest import PASSWORD
from bakohumas.offices.models import Office, PositionTerm, User

pytestmark = pytest.mark.django_db

OFFICE = reverse("offices:detail", args=["3571"])


def _holder(username: str, role: str, position: str, started: str = "2024-01-01") -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, first_name=username.title(),
                                    office=Office.objects.get(code="3571"), role=role)
    PositionTerm.objects.create(office=user.office, position=position, user=user, holder_name=user.first_name,
                                started_on=started)
    return user


def _hand_over(client, position: str, name: str = "Penerus") -> None:
    response = client.post(reverse("offices:handover", args=["3571"]),
                           {"position": position, "holder_name": name, "started_on": timezone.localdate().isoformat()})
    assert response.status_code == 302


def test_a_ketua_recording_a_new_operator_is_offered_to_deactivate_the_previous_ones_account(client, ketua):
    old = _holder("operator.lama", User.Role.OPERATOR, PositionTerm.Position.OPERATOR_HUMAS)
    client.force_login(ketua)
    assert reverse("accounts:manage_deactivate", args=[old.pk]) not in client.get(OFFICE).content.decode()
    _hand_over(client, PositionTerm.Position.OPERATOR_HUMAS)
    page = client.get(OFFICE).content.decode()
    assert "Akun pemegang jabatan sebelumnya" in page
    assert reverse("accounts:manage_deactivate", args=[old.pk]) in page
    client.post(reverse("accounts:manage_deactivate", args=[old.pk]))
    assert "Akun pemegang jabatan sebelumnya" not in client.get(OFFICE).content.decode()


def test_the_previous_ketuas_account_is_offered_to_the_evaluator_not_to_the_new_ketua(client, ketua, evaluator):
    old = _holder("ketua.lama", User.Role.KETUA, PositionTerm.Position.KETUA_BAKOHUMAS)
    client.force_login(evaluator)
    _hand_over(client, PositionTerm.Position.KETUA_BAKOHUMAS)
    link = reverse("accounts:manage_deactivate", args=[old.pk])
    assert link in client.get(OFFICE).content.decode()
    client.force_login(ketua)
    assert link not in client.get(OFFICE).content.decode()


def test_nothing_is_offered_for_someone_still_in_a_position_or_moved_or_a_ppid(client, evaluator, national):
    moved_on = _holder("naik.jabatan", User.Role.KETUA, PositionTerm.Position.OPERATOR_HUMAS)
    PositionTerm.objects.create(office=moved_on.office, position=PositionTerm.Position.KETUA_BAKOHUMAS,
                                user=moved_on, holder_name="Naik", started_on="2025-01-01")
    ppid = _holder("ppid.lama", User.Role.OPERATOR, PositionTerm.Position.PPID)
    transferred = _holder("pindah", User.Role.OPERATOR, PositionTerm.Position.OPERATOR_HUMAS, "2023-01-01")
    client.force_login(evaluator)
    _hand_over(client, PositionTerm.Position.OPERATOR_HUMAS)
    _hand_over(client, PositionTerm.Position.PPID)
    PositionTerm.objects.filter(user=transferred).update(ended_on=timezone.localdate())
    transferred.office = Office.objects.get(code="3578")
    transferred.save()
    assert PositionTerm.objects.filter(user=moved_on, position="operator_humas", ended_on__isnull=False).exists()
    page = client.get(OFFICE).content.decode()
    for user in (moved_on, ppid, transferred):
        assert reverse("accounts:manage_deactivate", args=[user.pk]) not in page


def test_the_pimpinan_and_the_operator_are_offered_nothing(client, users):
    old = _holder("operator.lama", User.Role.OPERATOR, PositionTerm.Position.OPERATOR_HUMAS)
    PositionTerm.objects.filter(user=old).update(ended_on=timezone.localdate())
    for role in ("pimpinan", "operator"):
        client.force_login(users[role])
        assert reverse("accounts:manage_deactivate", args=[old.pk]) not in client.get(OFFICE).content.decode()


def test_a_new_holder_without_an_account_is_offered_an_invitation_filled_in(client, ketua, evaluator):
    client.force_login(evaluator)
    _hand_over(client, PositionTerm.Position.KETUA_BAKOHUMAS, name="Bagus Santoso")
    page = client.get(OFFICE).content.decode()
    assert "Pemegang jabatan baru tanpa akun" in page
    link = f"{reverse('accounts:invite')}?kantor=3571&amp;peran=ketua&amp;nama=Bagus%20Santoso"
    assert link in page
    form = client.get(link.replace("&amp;", "&")).context["form"]
    assert (form["office"].value(), form["role"].value(), form["name"].value()) == (
        Office.objects.get(code="3571").pk, "ketua", "Bagus Santoso")
    client.force_login(ketua)  # a Ketua manages operators only: no offer to invite a Ketua
    assert "Pemegang jabatan baru tanpa akun" not in client.get(OFFICE).content.decode()
