"""Two-factor authentication: who must use it, enrolment, codes, throttling, switching it off."""

from __future__ import annotations

import base64
import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from bakohumas.accounts.middleware import LAST_ACTIVITY_KEY
from bakohumas.accounts.testing import fresh_code, give_device, totp_code
from bakohumas.audit.models import AuditEntry
from bakohumas.conftest import PASSWORD
from bakohumas.offices.models import Office, User

pytestmark = pytest.mark.django_db

HOME = reverse("home")
VERIFY = reverse("accounts:verify")
SETUP = reverse("accounts:setup")
DISABLE = reverse("accounts:disable")


def password_only(user) -> Client:
    """A session that has passed the password step and nothing else."""
    client = Client()
    client.force_login(user)
    return client


def key_on_page(response) -> TOTPDevice:
    """An unsaved device with the secret the set-up page shows (what the user's app gets from the QR code)."""
    assert response.status_code == 200
    secret = re.search(r'id="otp-key">([A-Z2-7 ]+)<', response.content.decode()).group(1).replace(" ", "")
    return TOTPDevice(key=base64.b32decode(secret + "=" * (-len(secret) % 8)).hex())


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


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
    assert password_only(leader).get(HOME).url.startswith(SETUP)


@pytest.mark.parametrize("role", [User.Role.PIMPINAN, User.Role.OPERATOR, User.Role.KETUA])
def test_it_requires_it_of_anyone_who_reads_a_whole_province(jatim, role):
    province_user = User.objects.create_user(username=f"{role}.jatim", password=PASSWORD, role=role, office=jatim)
    response = password_only(province_user).get(reverse("reports:periods"))
    assert response.status_code == 302 and response.url.startswith(SETUP)
    assert password_only(province_user).get("/api/v1/periods").status_code == 403


def test_it_does_not_require_it_of_a_kab_kota_pimpinan(pimpinan):
    assert password_only(pimpinan).get(reverse("reports:periods")).status_code == 200


def test_enforcement_can_be_switched_off(settings, evaluator):
    settings.BAKOHUMAS_2FA_REQUIRED = False  # the demo server: its accounts have no device
    TOTPDevice.objects.filter(user=evaluator).delete()
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
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html and 'id="otp-key"' in html
    pending = key_on_page(page)
    response = client.post(SETUP, {"token": wrong(totp_code(pending))})
    assert response.status_code == 400 and "Kode salah" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=operator).exists()
    assert key_on_page(client.get(SETUP)).key == pending.key  # the QR code already scanned stays valid
    response = client.post(SETUP, {"token": totp_code(pending)})
    assert response.status_code == 302
    device = TOTPDevice.objects.get(user=operator)
    assert device.confirmed and device.key == pending.key
    assert AuditEntry.objects.filter(action="auth.otp_enrol", actor=operator).exists()
    assert client.get(HOME).status_code == 200  # the session is verified with the new device


def test_opening_the_set_up_page_writes_no_device(client, operator, evaluator):
    assert password_only(operator).get(SETUP).status_code == 200
    client.force_login(evaluator)
    assert client.get(SETUP).status_code == 200
    assert not TOTPDevice.objects.filter(user=operator).exists()
    assert TOTPDevice.objects.filter(user=evaluator).count() == 1  # the confirmed one, nothing pending


def test_each_session_gets_its_own_secret(operator):
    first, second = key_on_page(password_only(operator).get(SETUP)), key_on_page(password_only(operator).get(SETUP))
    assert first.key != second.key


def test_a_secret_seen_with_the_password_alone_is_worthless_after_the_user_enrols(operator):
    intruder = password_only(operator)
    seen = key_on_page(intruder.get(SETUP))
    owner = password_only(operator)
    owned = key_on_page(owner.get(SETUP))
    assert owner.post(SETUP, {"token": totp_code(owned)}).status_code == 302
    assert TOTPDevice.objects.get(user=operator).key == owned.key != seen.key
    # The intruder's session now needs a code, and a code from the secret it saw is not one.
    assert intruder.get(HOME).url.startswith(VERIFY)
    assert intruder.post(SETUP, {"token": totp_code(seen)}).url.startswith(VERIFY)
    assert intruder.post(VERIFY, {"token": totp_code(seen)}).status_code == 400
    assert password_only(operator).post(VERIFY, {"token": totp_code(seen, steps_ahead=1)}).status_code == 400
    assert TOTPDevice.objects.get(user=operator).key == owned.key


def test_the_code_that_confirmed_enrolment_does_not_open_another_session(operator):
    client = password_only(operator)
    pending = key_on_page(client.get(SETUP))
    code = totp_code(pending)
    assert client.post(SETUP, {"token": code}).status_code == 302
    response = password_only(operator).post(VERIFY, {"token": code})
    assert response.status_code == 400 and "sudah dipakai" in response.content.decode()


def test_confirmation_discards_every_other_device_pending_or_confirmed(client, evaluator):
    old = TOTPDevice.objects.get(user=evaluator, confirmed=True)
    left_pending = [TOTPDevice.objects.create(user=evaluator, name="lama", confirmed=False) for _ in range(2)]
    client.force_login(evaluator)
    pending = key_on_page(client.get(SETUP))
    assert client.post(SETUP, {"token": totp_code(pending)}).status_code == 302
    [new] = TOTPDevice.objects.filter(user=evaluator)
    assert new.key == pending.key and new.confirmed
    assert new.pk not in {old.pk, *(device.pk for device in left_pending)}
    assert client.get(HOME).status_code == 200  # the session now rests on the new device
    assert password_only(evaluator).post(VERIFY, {"token": totp_code(old, steps_ahead=1)}).status_code == 400


def test_a_password_alone_cannot_enrol_a_new_device(evaluator):
    response = password_only(evaluator).get(SETUP)
    assert response.status_code == 302 and response.url.startswith(VERIFY)


def test_a_password_alone_cannot_confirm_once_the_user_has_a_device(operator):
    client = password_only(operator)
    pending = key_on_page(client.get(SETUP))
    give_device(operator)  # enrolled meanwhile from another session
    response = client.post(SETUP, {"token": totp_code(pending)})
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=operator).count() == 1


def test_a_device_is_asked_for_whatever_the_role(operator):
    device = give_device(operator)
    client = Client()
    client.post(reverse("login"), {"username": "operator", "password": PASSWORD})
    response = client.get(reverse("reports:periods"))
    assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert client.get("/api/v1/periods").status_code == 403
    assert client.post(VERIFY, {"token": fresh_code(device)}).status_code == 302
    assert client.get(reverse("reports:periods")).status_code == 200


def test_a_device_is_asked_for_even_where_it_is_not_required(settings, operator):
    settings.BAKOHUMAS_2FA_REQUIRED = False  # the demo server
    give_device(operator)
    assert password_only(operator).get(HOME).url.startswith(VERIFY)


def test_a_session_opened_before_enrolment_needs_the_code_afterwards(operator):
    client = password_only(operator)
    assert client.get(HOME).status_code == 200
    give_device(operator)
    assert client.get(HOME).url.startswith(VERIFY)


def test_roles_that_require_2fa_cannot_switch_it_off(client, evaluator):
    client.force_login(evaluator)
    assert client.post(DISABLE, {"password": PASSWORD}).status_code == 403
    assert TOTPDevice.objects.filter(user=evaluator).exists()


def test_a_province_pimpinan_cannot_switch_it_off(client, jatim):
    leader = User.objects.create_user(username="pimpinan.jatim", password=PASSWORD, role=User.Role.PIMPINAN,
                                      office=jatim)
    client.force_login(leader)
    assert client.post(DISABLE, {"password": PASSWORD}).status_code == 403
    assert TOTPDevice.objects.filter(user=leader, confirmed=True).exists()


def test_an_operator_can_switch_it_off_with_a_code_and_the_password(client, operator):
    give_device(operator)
    client.force_login(operator)
    assert 'name="password"' in client.get(DISABLE).content.decode()
    assert client.post(DISABLE, {"password": PASSWORD}).status_code == 302
    assert not TOTPDevice.objects.filter(user=operator).exists()
    assert AuditEntry.objects.filter(action="auth.otp_disable", actor=operator).exists()
    assert password_only(operator).get(HOME).status_code == 200


def test_switching_it_off_needs_a_verified_session(operator):
    give_device(operator)
    client = password_only(operator)
    for response in (client.get(DISABLE), client.post(DISABLE, {"password": PASSWORD})):
        assert response.status_code == 302 and response.url.startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=operator).exists()
    assert not AuditEntry.objects.filter(action="auth.otp_disable").exists()


def test_switching_it_off_needs_the_password_again(client, operator):
    give_device(operator)
    client.force_login(operator)
    for data in ({}, {"password": "bukan-sandinya"}):
        response = client.post(DISABLE, data)
        assert response.status_code == 400
    assert "Kata sandi salah." in response.content.decode()
    assert TOTPDevice.objects.filter(user=operator).exists()
    assert not AuditEntry.objects.filter(action="auth.otp_disable").exists()
    assert AuditEntry.objects.filter(action="auth.login_failed", target_id=str(operator.pk)).exists()


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


def test_the_migration_discards_pending_devices_left_by_the_old_set_up_page(operator, evaluator):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("bakohumas.accounts.migrations.0001_discard_pending_totp_devices")
    TOTPDevice.objects.create(user=operator, name="lama", confirmed=False)
    TOTPDevice.objects.create(user=evaluator, name="lama", confirmed=False)
    migration.discard_pending_devices(apps, None)
    assert list(TOTPDevice.objects.values_list("user__username", "confirmed")) == [("evaluator", True)]
