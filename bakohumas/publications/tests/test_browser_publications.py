"""An operator writes website news about an activity on a phone: the article checklist next to the
form updates while typing (the lead check turns to "Lulus", the quote check too), and after saving
the draft page shows the same checklist.

Debian chromium through Playwright; skipped without it, a failure under CI=true."""

from __future__ import annotations

import datetime as dt

import pytest

from bakohumas.browser_testing import PHONE, logged_in_page
from bakohumas.conftest import PASSWORD
from bakohumas.publications.models import Output

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEAD = ("KPU Kota Kediri menggelar sosialisasi pemilih pemula di Aula SMA Negeri 1 Kediri "
        "pada Senin, 14 Juli 2025.")
QUOTE = '"Pemilih pemula harus memastikan namanya terdaftar di DPT," kata Ketua KPU Kota Kediri.'


def test_an_operator_writes_news_and_sees_the_checklist_update(browser, live_server, kediri, operator,
                                                               make_activity):
    from playwright.sync_api import expect

    activity = make_activity(kediri, dt.date(2025, 7, 14), title="Sosialisasi pemilih pemula")
    page = logged_in_page(browser, live_server.url, operator.username, PASSWORD, **PHONE)
    page.goto(f"/publikasi/kegiatan/{activity.id}/sop/")
    page.get_by_role("link", name="Tulis Berita website").click()

    checklist = page.locator("[data-checklist]")
    lead_check = checklist.locator('li[data-code="teras_berita"]')
    quote_check = checklist.locator('li[data-code="kutipan"]')
    expect(lead_check).to_have_class("check-gagal")  # checked on load: nothing written yet

    page.get_by_label("Judul").fill("KPU Kota Kediri ajak pemilih pemula cek nama di DPT")
    page.get_by_label("Teras berita (lead)").fill(LEAD)
    expect(lead_check).to_have_class("check-lulus")
    expect(quote_check).to_have_class("check-peringatan")
    page.get_by_label("Isi").fill(QUOTE)
    expect(quote_check).to_have_class("check-lulus")
    assert not Output.objects.exists()  # checking saves nothing

    page.get_by_role("button", name="Simpan draf").click()
    expect(page.locator("h1")).to_have_text("KPU Kota Kediri ajak pemilih pemula cek nama di DPT")
    expect(page.locator('.article-checks li[data-code="kutipan"]')).to_have_class("check-lulus")
    assert Output.objects.get().status == "draft"
    page.context.close()
