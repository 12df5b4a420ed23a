"""Backup codes for two-step verification (issue 16 item 4): ten one-time codes from a verified session,
shown once, replaced when made again; the verification page takes one instead of the app's code."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from bakohumas.accounts.testing import OTPClient, fresh_code, give_device
from bakohumas.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

URL = reverse("accounts:backup_codes")
VERIFY = reverse("accounts:verify")


def _generate(client) -> list[str]:
    response = client.post(URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return re.findall(r"<code>([a-z2-7]{4} [a-z2-7]{4})</code>", response.content.decode())


def _password_only(user) -> Client:
    device = Client()
    device.force_login(user)
    return device


def test_it_makes_ten_codes_shown_once_and_audited(client, evaluator):
    client.force_login(evaluator)
    codes = _generate(client)
    assert len(set(codes)) == 10
    stored = set(StaticToken.objects.filter(device__user=evaluator).values_list("token", flat=True))
    assert stored == {code.replace(" ", "") for code in codes}
    page = client.get(URL).content.decode()
    assert "Sisa 10 kode cadangan" in page and codes[0] not in page
    assert AuditEntry.objects.filter(action="auth.backup_codes_generate", actor=evaluator).exists()


def test_making_them_again_replaces_the_old_ones(client, evaluator):
    client.force_login(evaluator)
    old = _generate(client)
    new = _generate(client)
    assert StaticToken.objects.filter(device__user=evaluator).count() == 10
    assert StaticDevice.objects.filter(user=evaluator).count() == 1
    response = _password_only(evaluator).post(VERIFY, {"token": old[0]})
    assert response.status_code == 400 and "Kode cadangan salah atau sudah dipakai" in response.content.decode()
    assert not set(old) & set(new)


def test_a_backup_code_passes_the_second_step_once(client, evaluator):
    client.force_login(evaluator)
    code = _generate(client)[3]
    phone_lost = _password_only(evaluator)
    response = phone_lost.post(VERIFY, {"token": code.upper().replace(" ", "-"), "next": "/laporan/periode/"})
    assert response.status_code == 302 and response.url == "/laporan/periode/"
    assert phone_lost.get(reverse("reports:periods")).status_code == 200
    entry = AuditEntry.objects.get(action="auth.backup_code_used")
    assert entry.data["remaining"] == 9
    again = _password_only(evaluator)
    assert again.post(VERIFY, {"token": code}).status_code == 400
    assert again.get(reverse("reports:periods")).url.startswith(VERIFY)


def test_the_app_code_still_works_on_the_same_page(evaluator):
    device = give_device(evaluator)
    response = _password_only(evaluator).post(VERIFY, {"token": fresh_code(device), "next": "/"})
    assert response.status_code == 302


def test_a_session_with_the_password_only_cannot_make_codes(evaluator):
    response = _password_only(evaluator).post(URL)
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert not StaticToken.objects.exists()


def test_without_two_step_verification_there_is_nothing_to_back_up(client, operator):
    client.force_login(operator)
    assert "setelah verifikasi dua langkah aktif" in client.get(URL).content.decode()
    assert client.post(URL).status_code == 200
    assert not StaticDevice.objects.exists()


def test_the_codes_go_when_two_step_verification_is_switched_off_or_reset(client, operator, ketua):
    give_device(operator)
    client.force_login(operator)
    _generate(client)
    response = client.post(reverse("accounts:disable"), {"password": "Sandi-Uji-2025!"})
    assert response.status_code == 302 and not StaticDevice.objects.filter(user=operator).exists()
    give_device(operator)
    operator_client = OTPClient()
    operator_client.force_login(operator)
    _generate(operator_client)
    client.force_login(ketua)
    assert client.post(reverse("accounts:manage_two_factor_reset", args=[operator.pk])).status_code == 302
    assert not StaticDevice.objects.filter(user=operator).exists()
