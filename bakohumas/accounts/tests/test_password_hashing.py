"""Passwords are hashed with Argon2 (issue 18); a PBKDF2 hash made before 0.5.0 still logs in once and
is rewritten as Argon2 by that login. (The rest of the suite hashes with MD5 for speed: conftest.)"""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import make_password
from django.test import Client
from django.urls import reverse

from bakohumas.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PRODUCTION_HASHERS = list(django_settings.PASSWORD_HASHERS)


def test_it_hashes_new_passwords_with_argon2_first():
    assert PRODUCTION_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in PRODUCTION_HASHERS


def test_it_upgrades_a_pbkdf2_hash_at_the_next_login(operator, settings):
    settings.PASSWORD_HASHERS = PRODUCTION_HASHERS
    operator.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    operator.save(update_fields=["password"])

    response = Client().post(reverse("login"), {"username": "operator", "password": PASSWORD})

    assert response.status_code == 302
    operator.refresh_from_db()
    assert operator.password.startswith("argon2$")
    assert operator.check_password(PASSWORD)
