"""The province evaluator prepares the Rakor on a phone: opens the East Java evaluation, asks for
the slides, waits on the job's page and downloads them; then opens an office's scorecard.

Debian chromium through Playwright; skipped without it, a failure under CI=true. Jobs run in the
request here (the immediate backend); bakohumas/jobs/tests/test_workers.py runs real workers."""

from __future__ import annotations

import io

import pytest

from bakohumas.browser_testing import PHONE, logged_in_page
from bakohumas.demo import data as demo
from bakohumas.jobs.models import Job

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_evaluator_downloads_the_rakor_slides_and_opens_a_scorecard(browser, live_server):
    from playwright.sync_api import expect
    from pptx import Presentation

    demo.demo_load()
    page = logged_in_page(browser, live_server.url, "evaluator.jatim", demo.PASSWORD, **PHONE)

    page.goto("/evaluasi/35/2025Q2/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Triwulan II 2025")
    expect(page.get_by_text("Hanya 4 dari 38")).to_be_visible()
    page.get_by_role("button", name="Bahan Rakor (PPTX)").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Evaluasi Jawa Timur Triwulan II 2025")
    download_link = page.get_by_role("link", name="Unduh evaluasi-bakohumas-35-2025Q2.pptx")
    expect(download_link).to_be_visible()
    with page.expect_download() as info:
        download_link.click()
    download = info.value
    assert download.suggested_filename == "evaluasi-bakohumas-35-2025Q2.pptx"
    slides = Presentation(io.BytesIO(open(download.path(), "rb").read())).slides
    shapes = [shape for slide in slides for shape in slide.shapes]
    text = " ".join(shape.text_frame.text for shape in shapes if shape.has_text_frame)
    text += " ".join(cell.text for shape in shapes if shape.has_table for row in shape.table.rows for cell in row.cells)
    assert "KPU Kota Kediri" in text and "Triwulan II 2025" in text
    assert Job.objects.get().status == Job.Status.DONE

    page.goto("/evaluasi/35/2025Q2/")
    page.get_by_role("link", name="KPU Kota Kediri", exact=True).last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("KPU Kota Kediri")
    assert "/evaluasi/kantor/3571/2025Q2/" in page.url
    page.context.close()
