"""Shared set-up for the browser tests: Debian's Chromium driven by Playwright (never a downloaded
browser). The `browser` fixture in bakohumas/conftest.py uses it; tests import the constants."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
TIMEOUT_MS = 10_000


def browser_env() -> dict[str, str | float | bool]:
    """The environment Chromium starts with: the test's, less libfaketime. The suite also runs under a
    faked date (scripts/run-tests); the server then lives on that date, but Chromium under
    libfaketime never finishes loading a page, and a browser's own clock decides nothing we test."""
    return {key: value for key, value in os.environ.items()
            if key != "LD_PRELOAD" and not key.startswith("FAKETIME")}


def unavailable(reason: str) -> None:
    """Skip locally, fail under CI: a CI run must not pass without having driven the browser."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def launch_browser() -> Iterator:
    if not CHROMIUM.exists():
        unavailable(f"Chromium tidak ditemukan di {CHROMIUM}; pasang paket Debian `chromium` untuk uji peramban "
                    f"(Chromium not found at {CHROMIUM}; install the Debian `chromium` package).")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        unavailable("Paket Python `playwright` belum terpasang; jalankan `pip install -e .[test]` "
                    "(the `playwright` Python package is not installed).")
    from django.db import connections

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, env=browser_env())
        try:
            yield browser
        finally:
            browser.close()
            # Playwright's greenlets give the test body its own contextvars context, so Django opened a
            # second connection for it (connections are context-local). Close it while still inside that
            # context; left open, PostgreSQL refuses to drop the test database at the end of the session.
            connections.close_all()


def logged_in_page(browser, base_url: str, username: str, password: str, **context_options):
    """A new page (Indonesian locale, Jakarta time) logged in through the login form as `username`."""
    context = browser.new_context(base_url=base_url, locale="id-ID", timezone_id="Asia/Jakarta", **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto("/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    pass_second_factor(page, username)
    return page


def pass_second_factor(page, username: str) -> None:
    """Call right after submitting the login form. When the site asks for a 2FA code (evaluators, KPU RI:
    bakohumas.accounts), type the one an authenticator app would show: from the key on the set-up page,
    or from the user's confirmed device on the verification page."""
    page.locator(".whoami").wait_for()
    if "/akun/2fa/" not in page.url:
        return
    import base64

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from bakohumas.accounts.testing import fresh_code

    key = page.locator("#otp-key")
    if key.count():
        secret = key.inner_text().replace(" ", "")
        device = TOTPDevice(key=base64.b32decode(secret + "=" * (-len(secret) % 8)).hex())
    else:
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    page.locator("#id_token").fill(fresh_code(device))
    page.locator("form.otp-form button[type=submit]").click()
    page.wait_for_url(lambda url: "/akun/2fa/" not in url)
