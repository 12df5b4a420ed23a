"""An operator records a new media partnership on a phone — first with an end date before the
signing date, which is refused next to the field — and the next quarterly report suggests the new
count, linking back to the partnership list.

Debian chromium through Playwright; skipped without it, a failure under CI=true."""

from __future__ import annotations

import pytest

from bakohumas.browser_testing import PHONE, logged_in_page
from bakohumas.demo import data as demo
from bakohumas.offices.models import Office
from bakohumas.records.models import Partnership
from bakohumas.reports.services import period_get_or_create
from bakohumas.reports.suggestions import suggestions_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_operator_records_a_partnership_and_the_report_suggests_it(browser, live_server):
    from playwright.sync_api import expect

    demo.demo_load()
    kediri = Office.objects.get(code="3571")
    q3 = period_get_or_create("2025Q3")
    before = suggestions_for(kediri, q3)["kerja_sama_media"].value

    page = logged_in_page(browser, live_server.url, "operator.kediri", demo.PASSWORD, **PHONE)

    page.get_by_role("link", name="Tambah kerja sama").click()
    page.get_by_label("Nama mitra").fill("Radio Suara Kediri FM")
    page.get_by_label("Jenis mitra").select_option("media")
    page.get_by_label("Bentuk kerja sama").select_option(index=1)
    page.get_by_label("Tanggal ditandatangani/mulai").fill("2025-08-01")
    page.get_by_label("Berlaku sampai").fill("2025-07-01")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".field.has-error .error")).to_contain_text("tidak boleh sebelum")
    assert not Partnership.objects.filter(partner_name="Radio Suara Kediri FM").exists()

    page.get_by_label("Berlaku sampai").fill("2026-07-31")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Radio Suara Kediri FM").first).to_be_visible()
    assert Partnership.objects.get(partner_name="Radio Suara Kediri FM").office == kediri

    suggestion = suggestions_for(kediri, q3)["kerja_sama_media"]
    assert suggestion.value == before + 1
    page.context.close()
