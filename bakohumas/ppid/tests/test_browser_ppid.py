"""The public request form and the private tracking page in a real browser (Debian chromium driven
by Playwright), on a phone: a malformed NIK is explained without losing what was typed, the fixed
request gets its registration number, and the tracking page shows status and due dates but no
personal data. Needs /usr/bin/chromium: without it the test is skipped, or fails when CI=true."""

from __future__ import annotations

import pytest

from bakohumas.browser_testing import PHONE, TIMEOUT_MS
from bakohumas.ppid.models import InformationRequest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NIK = "3571010101000000"


def test_public_request_form_and_tracking_page_in_the_browser(browser, live_server):
    from playwright.sync_api import expect

    context = browser.new_context(base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta", **PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto("/ppid/3571/permohonan/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Permohonan informasi publik")
    expect(page.get_by_label("Jangan diisi")).not_to_be_in_viewport()

    page.get_by_label("Nama lengkap").fill("Warga Peramban")
    page.get_by_label("NIK", exact=True).fill("12345")
    page.get_by_label("Alamat").fill("Jl. Pribadi 9")
    page.get_by_label("Nomor telepon/WhatsApp").fill("081277776666")
    page.get_by_label("Rincian informasi yang dibutuhkan").fill("Salinan SK penetapan calon terpilih.")
    page.get_by_label("Tujuan penggunaan informasi").fill("Liputan.")
    page.get_by_label("Cara memperoleh informasi").select_option("softcopy")
    page.get_by_label("Cara mendapatkan salinan informasi").select_option("email")
    page.get_by_role("button", name="Kirim permohonan").click()

    expect(page.get_by_role("alert")).to_contain_text("Periksa kembali isian yang ditandai merah.")
    expect(page.locator(".field.has-error .error")).to_contain_text("NIK terdiri atas 16 angka")
    expect(page.get_by_label("Nama lengkap")).to_have_value("Warga Peramban")
    expect(page.get_by_label("Rincian informasi yang dibutuhkan")).to_have_value("Salinan SK penetapan calon terpilih.")
    assert not InformationRequest.objects.exists()

    page.get_by_label("NIK", exact=True).fill(NIK)
    page.get_by_role("button", name="Kirim permohonan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Status permohonan PPID/3571/")
    request = InformationRequest.objects.get()
    expect(page.get_by_role("status")).to_contain_text(f"terdaftar dengan nomor {request.registration_number}")
    assert page.url.endswith(f"/ppid/lacak/{request.tracking_token}/")
    expect(page.locator(".notice-due")).to_have_text(f"{request.notice_due.day} "
                                                     f"{_month(request.notice_due.month)} {request.notice_due.year}")
    body = page.locator("main").inner_text()
    for private in ("Warga Peramban", NIK, "Pribadi", "081277776666", "Salinan SK"):
        assert private not in body

    # The private link works on its own (another device, no session).
    other = browser.new_context(base_url=live_server.url, **PHONE).new_page()
    other.goto(f"/ppid/lacak/{request.tracking_token}/")
    expect(other.get_by_text("Diterima, sedang diproses")).to_be_visible()
    other.goto("/ppid/lacak/bukan-token/")
    assert "Status permohonan" not in other.content()
    other.context.close()
    context.close()


def _month(number: int) -> str:
    return ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
            "November", "Desember"][number - 1]
