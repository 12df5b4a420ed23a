"""On a phone, the evaluator looks at East Java as it stood on the day of the Rakor, edits the
recommendations, adds a note and the Rakor's date, and sees them on the page.

Debian chromium through Playwright; skipped without it. With BAKOHUMAS_SCREENSHOTS=<dir> the test
also saves the phone screenshots of docs/screenshots/ there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bakohumas.browser_testing import PHONE, logged_in_page
from bakohumas.demo import data as demo
from bakohumas.evaluation.models import EvaluationEdit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shot(page, name: str) -> None:
    folder = os.environ.get("BAKOHUMAS_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / name), full_page=False)


def test_the_evaluator_edits_the_recommendations_on_a_phone(browser, live_server):
    from playwright.sync_api import expect

    demo.demo_load()
    page = logged_in_page(browser, live_server.url, "evaluator.jatim", demo.PASSWORD, **PHONE)

    page.goto("/evaluasi/35/2025Q2/")
    page.get_by_label("Keadaan per tanggal").fill("2025-07-17")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page.get_by_text("keadaan per 17 Juli 2025")).to_be_visible()
    _shot(page, "08b-evaluasi-per-tanggal-rakor.png")

    page.locator("#rekomendasi").scroll_into_view_if_needed()
    expect(page.locator("#rekomendasi ol.advice li").first).to_be_visible()
    page.get_by_text("Sunting rekomendasi, catatan, dan tanggal rakor").click()
    box = page.get_by_label("Rekomendasi (satu per baris)")
    lines = box.input_value().splitlines()
    box.fill("\n".join(["Saran tambahan evaluator untuk rakor.", *lines[1:]]))
    page.get_by_label("Catatan evaluator").fill("Dibahas pada Rakor Bakohumas 17 Juli 2025.")
    page.get_by_label("Tanggal rakor").fill("2025-07-17")
    page.get_by_role("button", name="Simpan").click()

    expect(page.locator("#rekomendasi ol.advice li").first).to_have_text("Saran tambahan evaluator untuk rakor.")
    expect(page.locator("#rekomendasi > p", has_text="Dibahas pada Rakor Bakohumas 17 Juli 2025.")).to_be_visible()
    assert "per=2025-07-17" in page.url
    page.locator("#rekomendasi").scroll_into_view_if_needed()
    _shot(page, "08c-evaluasi-rekomendasi-disunting.png")
    edit = EvaluationEdit.objects.get(region__code="35", period__code="2025Q2")
    assert edit.recommendations[0] == "Saran tambahan evaluator untuk rakor." and len(edit.recommendations) == len(lines)
    page.context.close()
