"""Shared fixtures: one user per role, an outsider from another province, and report helpers."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from django.core.cache import cache

from bakohumas.accounts.policy import requires_2fa
from bakohumas.accounts.testing import OTPClient, give_device
from bakohumas.offices.models import Office, User
from bakohumas.records.tests.conftest import make_activity, make_channel, make_partnership  # noqa: F401 (shared)
from bakohumas.reports.models import Submission
from bakohumas.reports.services import (
    period_get_or_create,
    submission_import,
    submission_return,
    submission_verify,
)

# Playwright's sync API runs an event loop in the test thread; the ORM calls our tests make around
# it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "Sandi-Uji-2025!"


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Strong hashing is for real accounts; the suite creates hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Jobs run inside the test; bakohumas/jobs/tests run them through real workers (database, Redis).
    settings.TASKS = {"default": {"BACKEND": settings.TASK_BACKENDS["immediate"]}}
    # Rate-limit counters live in the cache; each test starts with none (user ids repeat after rollback).
    cache.clear()


def _user(username: str, office_code: str, role: str) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, first_name=username.title(),
                                    office=Office.objects.get(code=office_code), role=role)
    if requires_2fa(user):  # province and KPU RI users have an authenticator app (docs/accounts.md)
        give_device(user)
    return user


@pytest.fixture
def client():
    """Django's test client whose force_login also passes the second factor (bakohumas.accounts.testing)."""
    return OTPClient()


@pytest.fixture
def kediri(db) -> Office:
    return Office.objects.get(code="3571")


@pytest.fixture
def jatim(db) -> Office:
    return Office.objects.get(code="35")


@pytest.fixture
def operator(db) -> User:
    return _user("operator", "3571", User.Role.OPERATOR)


@pytest.fixture
def ketua(db) -> User:
    return _user("ketua", "3571", User.Role.KETUA)


@pytest.fixture
def pimpinan(db) -> User:
    return _user("pimpinan", "3571", User.Role.PIMPINAN)


@pytest.fixture
def evaluator(db) -> User:
    return _user("evaluator", "35", User.Role.EVALUATOR)


@pytest.fixture
def outsider(db) -> User:
    """An evaluator of another province (Jawa Tengah)."""
    return _user("outsider", "33", User.Role.EVALUATOR)


@pytest.fixture
def national(db) -> User:
    return _user("national", "ID", User.Role.HUMAS_RI)


@pytest.fixture
def users(operator, ketua, pimpinan, evaluator, outsider, national) -> dict[str, User]:
    return {"operator": operator, "ketua": ketua, "pimpinan": pimpinan, "evaluator": evaluator,
            "outsider": outsider, "national": national}


FULL_VALUES: dict[str, int | str | None] = {
    "wa_bakohumas_eksternal": 1, "wa_media_center": 0, "kerja_sama_media": 1, "kerja_sama_pendidikan": 0,
    "kerja_sama_pemerintah": 2, "kerja_sama_non_pemerintah": 0, "berita_website": 5, "unggahan_medsos": 20,
    "unggahan_seremonial": 5, "episode_podcast": 0, "media_center_aktif": 1, "siaran_langsung": 1,
    "permohonan_informasi": 4, "permohonan_tepat_waktu": 3, "dokumen_perpustakaan": 10, "pengajuan_isbn": 0,
    "kegiatan_non_anggaran": 2, "kendala_sdm": 1, "kendala_anggaran": 0, "kendala_sarpras": 0,
    "uraian_kendala": "Staf terbatas.", "catatan": "",
}


@pytest.fixture
def make_report(db):
    """make_report("3571", "2025Q2", reported_on=date, status="verified", **values) -> Submission"""

    def make(office_code: str, period_code: str, *, reported_on: dt.date | None = None,
             status: str = Submission.Status.SUBMITTED, **values) -> Submission:
        period = period_get_or_create(period_code)
        submission, _ = submission_import(
            office=Office.objects.get(code=office_code), period=period,
            reported_on=reported_on or period.end + dt.timedelta(days=5),
            values={**FULL_VALUES, **values}, actor=None, source="uji",
        )
        if status == Submission.Status.VERIFIED:
            submission_verify(submission=submission, actor=None)
        elif status == Submission.Status.RETURNED:
            submission_return(submission=submission, actor=None, comment="Perbaiki.")
        submission.refresh_from_db()
        return submission

    return make


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback (aiosmtpd); Django sends to it through its SMTP backend. The fixture's
    value is the mailbox: .messages, .text(), .links() (bakohumas/smtp_testing.py)."""
    from bakohumas.smtp_testing import run_smtp_server

    yield from run_smtp_server(settings)


@pytest.fixture
def browser():
    """Debian's Chromium through Playwright; skipped without it, a failure under CI=true."""
    from bakohumas.browser_testing import launch_browser

    yield from launch_browser()
