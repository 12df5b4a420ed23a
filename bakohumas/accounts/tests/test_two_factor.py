"""Two-factor authentication: enforcement for evaluators and KPU RI, enrolment, codes, throttling."""

from __future__ import annotations

import time

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from bakohumas.accounts.middleware import LAST_ACTIVITY_KEY
from bakohumas.accounts.testing import give_device, totp_code
from bakohumas.audit.models import AuditEntry
from bakohumas.conftest import PASSWORD
from bakohumas.offices.models import Office, User

pytestmark = pytest.mark.django_db

HOME = reverse("home")
VERIFY = reverse("accounts:verify")
SETUP = reverse("accounts:setup")


def password_only(user) -> Client:
    """A session that has passed the password step and nothing else."""
    client = Client()
    client.force_login(user)
    return client


def test_it_sends_an_unverified_evaluator_to_the_code_page(evaluator):
    response = password_only(evaluator).get(reverse("reports:periods"))
    assert response.status_code == 302
    assert response.url.startswith(VERIFY) and "next=%2Flaporan%2Fperiode%2F" in response.url


def test_it_sends_an_evaluator_without_a_device_to_set_up(jatim):
    newcomer = User.objects.create_user(username="ri.baru", password=PASSWORD, role=User.Role.HUMAS_RI,
                                        office=Office.objects.get(code="ID"))
    response = password_only(newcomer).get(HOME)
    assert response.status_code == 302 and response.url.startswith(SETUP)


def test_the_api_answers_403_json_instead_of_a_redirect(national):
    response = password_only(national).get("/api/v1/periods")
    assert response.status_code == 403
    assert response.json()["detail"] == "Verifikasi dua langkah diperlukan."


def test_login_logout_and_language_stay_reachable(evaluator):
    client = password_only(evaluator)
    assert client.get(VERIFY).status_code == 200
    assert client.post(reverse("set_language"), {"language": "id", "next": "/"}).status_code == 302
    assert client.post(reverse("logout")).url == reverse("login")


def test_a_verified_evaluator_passes(client, evaluator):
    client.force_login(evaluator)
    assert client.get(reverse("reports:periods")).status_code == 200


def test_an_operator_needs_no_second_factor(operator):
    assert password_only(operator).get(reverse("reports:periods")).status_code == 200


def test_anyone_of_the_national_office_needs_it_whatever_the_role(jatim):
    leader = User.objects.create_user(username="pimpinan.ri", password=PASSWORD, role=User.Role.PIMPINAN,
                                      office=Office.objects.get(code="ID"))
    province_leader = User.objects.create_user(username="pimpinan.jatim", password=PASSWORD,
                                               role=User.Role.PIMPINAN, office=jatim)
    assert password_only(leader).get(HOME).url.startswith(SETUP)
    assert password_only(province_leader).get(reverse("reports:periods")).status_code == 200


def test_enforcement_can_be_switched_off(settings, evaluator):
    settings.BAKOHUMAS_2FA_REQUIRED = False
    assert password_only(evaluator).get(reverse("reports:periods")).status_code == 200


def test_the_right_code_verifies_the_session_and_goes_on(evaluator):
    client = password_only(evaluator)
    device = TOTPDevice.objects.get(user=evaluator)
    response = client.post(VERIFY, {"token": totp_code(device), "next": "/laporan/periode/"})
    assert response.status_code == 302 and response.url == "/laporan/periode/"
    assert client.get("/laporan/periode/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.otp_verify", actor=evaluator).exists()


def test_a_wrong_code_is_refused_in_indonesian(evaluator):
    client = password_only(evaluator)
    device = TOTPDevice.objects.get(user=evaluator)
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"token": wrong})
    assert response.status_code == 400
    assert "Kode salah atau sudah dipakai" in response.content.decode()
    assert client.get(HOME).status_code == 302
    failed = AuditEntry.objects.get(action="auth.otp_failed")
    assert failed.actor == evaluator and failed.office == evaluator.office


def test_a_used_code_is_refused(evaluator):
    device = TOTPDevice.objects.get(user=evaluator)
    code = totp_code(device)
    assert password_only(evaluator).post(VERIFY, {"token": code}).status_code == 302
    response = password_only(evaluator).post(VERIFY, {"token": code})
    assert response.status_code == 400 and "sudah dipakai" in response.content.decode()


def test_wrong_codes_are_throttled(evaluator):
    client = password_only(evaluator)
    device = TOTPDevice.objects.get(user=evaluator)
    right = totp_code(device)
    client.post(VERIFY, {"token": f"{(int(right) + 1) % 1_000_000:06d}"})
    # Right after a failure even the right code waits (1, 2, 4 … seconds: django-otp's throttling).
    response = client.post(VERIFY, {"token": right})
    assert response.status_code == 400 and "Terlalu banyak kode salah" in response.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_enrolment_confirms_the_device_only_with_a_right_code(operator):
    client = password_only(operator)
    page = client.get(SETUP)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html and 'id="otp-key"' in html
    device = TOTPDevice.objects.get(user=operator)
    assert not device.confirmed
    assert client.post(SETUP, {"token": "000000" if totp_code(device) != "000000" else "111111"}).status_code == 400
    device.refresh_from_db()
    assert not device.confirmed
    time.sleep(1.1)  # past the throttle of the failed attempt
    response = client.post(SETUP, {"token": totp_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action="auth.otp_enrol", actor=operator).exists()


def test_re_enrolment_replaces_the_old_device(client, evaluator):
    client.force_login(evaluator)
    old = TOTPDevice.objects.get(user=evaluator, confirmed=True)
    client.get(SETUP)
    new = TOTPDevice.objects.get(user=evaluator, confirmed=False)
    assert client.post(SETUP, {"token": totp_code(new)}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=evaluator)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert client.get(HOME).status_code == 200  # the session now rests on the new device


def test_a_password_alone_cannot_enrol_a_new_device(evaluator):
    response = password_only(evaluator).get(SETUP)
    assert response.status_code == 302 and response.url.startswith(VERIFY)


def test_roles_that_require_2fa_cannot_switch_it_off(client, evaluator):
    client.force_login(evaluator)
    assert client.post(reverse("accounts:disable")).status_code == 403
    assert TOTPDevice.objects.filter(user=evaluator).exists()


def test_an_operator_can_switch_it_off(client, operator):
    give_device(operator)
    client.force_login(operator)
    assert client.post(reverse("accounts:disable")).status_code == 302
    assert not TOTPDevice.objects.filter(user=operator).exists()
    assert AuditEntry.objects.filter(action="auth.otp_disable", actor=operator).exists()


def test_the_account_page_lists_the_users_own_logins(client, operator, ketua, django_assert_max_num_queries):
    client.force_login(ketua)
    client.force_login(operator)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("accounts:index"))
    logins = response.context["logins"]
    assert [entry.action for entry in logins] == ["auth.login"]
    assert "Riwayat masuk terakhir" in response.content.decode()


def test_the_login_form_then_the_code_reaches_the_page(evaluator):
    client = Client()
    response = client.post(reverse("login"), {"username": "evaluator", "password": PASSWORD, "next": "/laporan/periode/"})
    assert response.status_code == 302
    response = client.get(response.url)
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    device = TOTPDevice.objects.get(user=evaluator)
    response = client.post(VERIFY, {"token": totp_code(device), "next": "/laporan/periode/"})
    assert response.url == "/laporan/periode/"
    assert client.get("/laporan/periode/").status_code == 200
    assert LAST_ACTIVITY_KEY in client.session
