"""On a phone: an operator reads the office's governance page (no sideways scrolling of the page;
the wide tables scroll inside their box), plans an information post for Hari Sumpah Pemuda from
the content calendar, and sees it listed on that day. The province sees its offices, worst first,
and the network graph.

Debian chromium through Playwright; skipped without it, a failure under CI=true."""

from __future__ import annotations

import datetime as dt

import pytest

from bakohumas.browser_testing import PHONE, logged_in_page
from bakohumas.conftest import PASSWORD
from bakohumas.governance.models import PlannedPost
from bakohumas.governance.tests.conftest import wib
from bakohumas.offices.models import Office

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_operator_plans_a_post_on_a_phone(browser, live_server, operator, evaluator, kediri, make_channel,
                                             make_post):
    from playwright.sync_api import expect

    make_channel(kediri, "instagram", "@kpukotakediri")
    make_channel(Office.objects.get(code="35"), "instagram", "@kpujatim")
    for day in range(1, 20):
        make_post(kediri, wib(2025, 5, day), category="seremonial" if day % 4 == 0 else "informasi",
                  mentions=["kpujatim"] if day % 3 == 0 else [], likes=day)
    make_post(kediri, wib(2025, 6, 2), "website", "kota-kediri.kpu.go.id")

    page = logged_in_page(browser, live_server.url, "operator", PASSWORD, **PHONE)
    page.goto("/tata-kelola/kantor/3571/?periode=2025Q2")
    expect(page.get_by_role("heading", level=1)).to_contain_text("KPU Kota Kediri")
    expect(page.locator(".stats")).to_contain_text("4 dari 19")
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path="/tmp/governance-office-phone.png", full_page=True)

    page.goto("/tata-kelola/kalender/3571/?bulan=2025-10")
    expect(page.get_by_text("Ucapan bukan pengganti informasi.")).to_be_visible()
    day = page.locator(".calendar-day", has_text="Hari Sumpah Pemuda")
    expect(day).to_contain_text("Pemilih pemula")
    day.get_by_role("link", name="Rencanakan unggahan informasi untuk hari ini").click()
    expect(page.get_by_label("Tanggal rencana terbit")).to_have_value("2025-10-28")
    page.get_by_label("Topik informasi").fill("Syarat pemilih pemula dan cek DPT online")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".calendar-day", has_text="Hari Sumpah Pemuda")).to_contain_text(
        "Syarat pemilih pemula dan cek DPT online")
    assert PlannedPost.objects.get().planned_on == dt.date(2025, 10, 28)
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")
    page.context.close()

    page = logged_in_page(browser, live_server.url, "evaluator", PASSWORD, **PHONE)
    page.goto("/tata-kelola/wilayah/35/?periode=2025Q2")
    expect(page.locator("table.gov-offices tbody tr")).to_have_count(Office.objects.filter(parent__code="35").count() + 1)
    expect(page.locator("table.gov-offices tbody tr").last).to_contain_text("KPU Kota Kediri")  # posts: not worst
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path="/tmp/governance-region-phone.png")
    page.goto("/tata-kelola/jejaring/35/?periode=2025Q2")
    expect(page.locator("figure.network svg circle")).to_have_count(2)
    expect(page.get_by_text("KPU Kota Kediri menyebut KPU Provinsi Jawa Timur 6 kali, tidak pernah sebaliknya."))\
        .to_be_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path="/tmp/governance-network-phone.png", full_page=True)
    page.context.close()
