"""Two people on the same report in two browsers (Debian chromium driven by Playwright): the
ketua saves first; the operator's save gets the merge page, which shows both notes, keeps the
operator's other typing and takes over the ketua's other change; the operator picks a value per
answer and saves; both answers end up as chosen. Needs /usr/bin/chromium (skipped without it,
a failure when CI=true)."""

from __future__ import annotations

import pytest

from bakohumas.browser_testing import DESKTOP, PHONE, logged_in_page
from bakohumas.conftest import FULL_VALUES
from bakohumas.demo import data as demo
from bakohumas.offices.models import Office
from bakohumas.reports.models import Submission
from bakohumas.reports.services import period_get_or_create, submission_save_draft, submission_start
from bakohumas.reports.suggestions import suggestions_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTE, PROBLEMS = "Catatan", "Uraian kendala"


def _draft() -> Submission:
    """A complete draft whose answers agree with the office's records (so no reason is needed)."""
    office, period = Office.objects.get(code="3571"), period_get_or_create("2025Q3")
    submission = submission_start(office=office, period=period, actor=None)
    suggestions = suggestions_for(office, period)
    values = {**FULL_VALUES, **{code: s.value for code, s in suggestions.items()}, "catatan": "Awal."}
    return submission_save_draft(submission=submission, actor=None, values=values, revision=submission.revision,
                                 suggestions=suggestions)


def test_the_second_save_gets_the_merge_page_and_both_answers_end_as_chosen(browser, live_server):
    from playwright.sync_api import expect

    demo.demo_load()
    submission = _draft()
    url = f"/laporan/{submission.id}/"
    operator = logged_in_page(browser, live_server.url, "operator.kediri", demo.PASSWORD, **PHONE)
    ketua = logged_in_page(browser, live_server.url, "ketua.kediri", demo.PASSWORD, **DESKTOP)
    operator.goto(url)
    ketua.goto(url)

    # Both type; the ketua saves first.
    operator.get_by_role("textbox", name=NOTE).fill("Catatan operator.")
    ketua.get_by_role("textbox", name=NOTE).fill("Catatan ketua.")
    ketua.get_by_role("textbox", name=PROBLEMS).fill("Uraian dari ketua.")
    ketua.get_by_role("button", name="Simpan draf").click()
    expect(ketua.get_by_role("status")).to_contain_text("Draf laporan tersimpan.")

    # The operator's save is refused with the merge page; nothing typed is lost.
    operator.get_by_role("button", name="Simpan draf").click()
    box = operator.locator("#konflik")
    expect(box).to_contain_text("Ketua Bakohumas Demo Kota Kediri menyimpan perubahan pukul")
    expect(box).to_contain_text(PROBLEMS)  # taken over: only the ketua changed it
    row = box.locator("tr[data-conflict=catatan]")
    expect(row).to_contain_text("Catatan operator.")
    expect(row).to_contain_text("Catatan ketua.")
    expect(operator.get_by_role("textbox", name=NOTE)).to_have_value("Catatan operator.")
    expect(operator.get_by_role("textbox", name=PROBLEMS)).to_have_value("Uraian dari ketua.")

    # Saving without a pick asks again; then the operator keeps their own note.
    operator.get_by_role("button", name="Simpan draf").click()
    expect(operator.locator("#konflik")).to_contain_text("Pilih salah satu nilai")
    operator.locator("#konflik tr[data-conflict=catatan]").get_by_role("radio").first.check()
    operator.get_by_role("button", name="Simpan draf").click()
    expect(operator.get_by_role("status")).to_contain_text("Draf laporan tersimpan.")

    submission.refresh_from_db()
    values = submission.value_map()
    assert values["catatan"] == "Catatan operator." and values["uraian_kendala"] == "Uraian dari ketua."
