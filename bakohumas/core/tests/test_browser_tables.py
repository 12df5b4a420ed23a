"""Wide tables (issue 18 item 2; docs/architecture.md, "Accessibility"). On a phone a table wider than the
screen is a named scroll region that the keyboard reaches and scrolls, with a visible hint; a table that
fits gets neither. On a 1366-wide desktop the national dashboard keeps its province column and its header
row in view. Needs /usr/bin/chromium."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bakohumas.browser_testing import PHONE, logged_in_page
from bakohumas.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HINT = "Geser ke samping untuk melihat semua kolom"


def test_a_wide_table_on_a_phone_is_a_named_scroll_region_with_a_hint(browser, live_server, national, make_report):
    from playwright.sync_api import expect

    make_report("3571", "2025Q2")
    page = logged_in_page(browser, live_server.url, "national", PASSWORD, **PHONE)
    page.goto(reverse("evaluation:national", args=["2025Q2"]))

    region = page.get_by_role("region", name="Provinsi × indikator")
    expect(region).to_have_attribute("tabindex", "0")
    hint = page.locator(".table-hint").first
    expect(hint).to_be_visible()
    expect(hint).to_have_text(HINT + " →")
    expect(region).to_have_attribute("aria-describedby", hint.get_attribute("id"))

    # The keyboard reaches it (Tab from the element just before it) and scrolls it with the arrow keys.
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    page.locator("nav.pills a").last.focus()  # the last link before the table: its data-rule pills
    for _ in range(5):
        page.keyboard.press("Tab")
        if region.evaluate("el => el === document.activeElement"):
            break
    assert region.evaluate("el => el === document.activeElement"), "Tab does not reach the table"
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 100", arg=region.element_handle())
    # The province column stays in view while the numbers scroll under it.
    first_cell = page.locator("table.heat tbody tr").nth(1).locator("td").first
    box = first_cell.bounding_box()
    region_box = region.bounding_box()
    assert box is not None and region_box is not None and abs(box["x"] - region_box["x"]) < 2


def test_a_table_that_fits_is_neither_a_region_nor_a_tab_stop(browser, live_server, national):
    page = logged_in_page(browser, live_server.url, "national", PASSWORD,
                          viewport={"width": 1366, "height": 900})
    page.goto(reverse("reports:periods"))
    wrap = page.locator(".table-wrap").first
    assert wrap.get_attribute("tabindex") is None and wrap.get_attribute("role") is None
    assert not page.locator(".table-hint").first.is_visible()


def test_the_national_dashboard_reads_on_a_1366_desktop(browser, live_server, national, make_report):
    """All 19 columns fit beside the province names at 1366 px; the header row stays on top as the rows scroll."""
    make_report("3571", "2025Q2")
    page = logged_in_page(browser, live_server.url, "national", PASSWORD,
                          viewport={"width": 1366, "height": 900})
    page.goto(reverse("evaluation:national", args=["2025Q2"]))
    region = page.locator(".table-wrap.national")
    assert region.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "the dashboard scrolls sideways at 1366"
    assert page.locator("table.heat thead th").count() == 19
    region.evaluate("el => el.scrollTop = 400")
    header = page.locator("table.heat thead th").nth(5).bounding_box()
    region_box = region.bounding_box()
    assert header is not None and region_box is not None and abs(header["y"] - region_box["y"]) < 2
