"""`bakohumas check-deploy`: Django's deployment checks plus Bakohumas's own (bakohumas/core/checks.py)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest

from bakohumas.core import checks


def _ids(messages) -> list[str]:
    return [message.id for message in messages]


def test_secret_key_must_come_from_the_environment(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    [error] = checks.check_secret_key()
    assert error.id == "bakohumas.E001" and error.hint and "SECRET_KEY" in error.msg
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(60))
    assert checks.check_secret_key() == []


def test_debug_must_be_off(settings):
    settings.DEBUG = True
    assert _ids(checks.check_debug()) == ["bakohumas.E002"]
    settings.DEBUG = False
    assert checks.check_debug() == []


@pytest.mark.parametrize("hosts,ok", [(["127.0.0.1", "localhost"], False), (["*"], False), ([], False),
                                      (["bakohumas.kpu.go.id"], True), (["localhost", "bakohumas.kpu.go.id"], True)])
def test_allowed_hosts_must_name_the_site(settings, hosts, ok):
    settings.ALLOWED_HOSTS = hosts
    assert _ids(checks.check_allowed_hosts()) == ([] if ok else ["bakohumas.E003"])


def test_https_must_be_on(settings):
    settings.HTTPS = False
    assert _ids(checks.check_https()) == ["bakohumas.E004"]
    settings.HTTPS = True
    assert checks.check_https() == []


def test_sqlite_is_only_a_warning(settings, monkeypatch):
    monkeypatch.setitem(settings.DATABASES["default"], "ENGINE", "django.db.backends.sqlite3")
    [warning] = checks.check_database()
    assert warning.id == "bakohumas.W001" and not warning.is_serious()
    monkeypatch.setitem(settings.DATABASES["default"], "ENGINE", "django.db.backends.postgresql")
    assert checks.check_database() == []


def test_redis_is_a_warning(settings):
    settings.REDIS_URL = ""
    assert _ids(checks.check_redis()) == ["bakohumas.W002"]
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    assert checks.check_redis() == []


def test_console_mail_is_a_warning(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert _ids(checks.check_email()) == ["bakohumas.W003"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert checks.check_email() == []


def test_media_root_must_be_writable(settings, tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    settings.MEDIA_ROOT = blocker / "media"  # under a file: cannot be created, even by root
    assert _ids(checks.check_media_root()) == ["bakohumas.E005"]
    settings.MEDIA_ROOT = tmp_path / "media"
    assert checks.check_media_root() == []


def _check_deploy(tmp_path, **env) -> subprocess.CompletedProcess:
    base = {key: value for key, value in os.environ.items()
            if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "BAKOHUMAS_HTTPS", "BAKOHUMAS_DEBUG",
                           "DJANGO_ALLOW_ASYNC_UNSAFE"}}  # set by bakohumas/conftest.py for the browser tests
    return subprocess.run([sys.executable, "-c", "from bakohumas.cli import main; main()", "check-deploy"],
                          env={**base, "BAKOHUMAS_DATA_DIR": str(tmp_path / "data"), **env}, cwd=tmp_path,
                          capture_output=True, text=True, timeout=300, check=False)


def test_check_deploy_fails_with_the_defaults(tmp_path):
    result = _check_deploy(tmp_path)
    assert result.returncode != 0
    for check_id in ("bakohumas.E001", "bakohumas.E003", "bakohumas.E004", "security.W004", "security.W012"):
        assert check_id in result.stderr


def test_check_deploy_passes_in_production(tmp_path):
    result = _check_deploy(tmp_path, SECRET_KEY=secrets.token_urlsafe(60), BAKOHUMAS_DEBUG="false",
                           ALLOWED_HOSTS="bakohumas.kpu.go.id", BAKOHUMAS_HTTPS="true")
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "security." not in output  # Django's deployment checks are clean (HSTS, cookies, redirect)
    assert "ERRORS" not in output
