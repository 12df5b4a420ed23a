"""The public catalogue in a real browser (Debian chromium driven by Playwright), on a phone and
without logging in: search, narrow by a facet, open a record, download its PDF and a citation.
Runs on the demo data. Needs /usr/bin/chromium: skipped without it, or fails when CI=true."""

from __future__ import annotations

import pytest

from bakohumas.browser_testing import PHONE, TIMEOUT_MS
from bakohumas.demo import data as demo
from bakohumas.library.demo import demo_id, library_demo_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_searches_the_opac_and_downloads_a_file(browser, live_server):
    from playwright.sync_api import expect

    demo.demo_load()
    library_demo_load()
    context = browser.new_context(base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta",
                                  accept_downloads=True, **PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto("/perpustakaan/opac/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Katalog Publik Perpustakaan Pemilu")
    expect(page.get_by_role("status")).to_contain_text("13 dokumen ditemukan")  # the deleted one is hidden

    page.get_by_label("Cari judul, pengarang, subjek atau ISBN").fill("pemilu 2024")
    page.get_by_role("button", name="Cari").click()
    expect(page.get_by_role("status")).to_contain_text("dokumen ditemukan")
    page.get_by_role("link", name="Laporan (3)").click()
    expect(page.get_by_role("status")).to_contain_text("3 dokumen ditemukan")
    expect(page.get_by_role("link", name="Laporan (3) ✕")).to_be_visible()

    page.get_by_role("link", name="Laporan Penyelenggaraan Pemilu 2024 di Kota Kediri").click()
    expect(page).to_have_url(f"{live_server.url}/perpustakaan/opac/{demo_id('kediri-laporan-2024')}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Laporan Penyelenggaraan Pemilu 2024 di Kota Kediri")
    expect(page.locator(".lib-meta")).to_contain_text("978-602-73100-0-1")
    expect(page.locator(".lib-apa")).to_contain_text("(2024)")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Unduh Dokumen lengkap").click()
    assert download_info.value.suggested_filename.endswith(".pdf")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="RIS").click()
    assert download_info.value.suggested_filename.endswith(".ris")

    # A record whose office keeps the files internal offers no download.
    page.goto(f"/perpustakaan/opac/{demo_id('kediri-partisipasi')}/")
    expect(page.get_by_text("Berkas dokumen ini tidak dibuka untuk publik.")).to_be_visible()
    assert not [e for e in errors if "Content Security Policy" in e], errors
    context.close()
