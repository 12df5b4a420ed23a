"""The whole way in, in a real browser (issue 16 items 2 and 8): KPU RI invites a province evaluator from the
form; the invitation arrives by SMTP on a loopback server; the test follows the link in the received
message, sets a password, sets up two-step verification with the key shown on the page, and lands on the
office's home; and an invited Ketua Bakohumas of a kab/kota goes from the link to the first report.
Needs /usr/bin/chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from bakohumas.browser_testing import TIMEOUT_MS, logged_in_page, pass_second_factor
from bakohumas.conftest import PASSWORD
from bakohumas.offices.models import Office, User
from bakohumas.reports.models import Submission
from bakohumas.reports.tests.test_browser_workflow import _fill_report as fill_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Pelangi-Senja-4821"


def test_an_invited_evaluator_sets_a_password_and_two_step_and_lands_home(browser, live_server, national,
                                                                        smtp_server, settings):
    from playwright.sync_api import expect

    settings.BAKOHUMAS_BASE_URL = live_server.url
    settings.BAKOHUMAS_2FA_REQUIRED = True
    page = logged_in_page(browser, live_server.url, "national", PASSWORD)
    page.goto("/akun/undangan/baru/")
    page.locator("#id_office").select_option(str(Office.objects.get(code="35").pk))
    page.locator("#id_name").fill("Dewi Lestari")
    page.locator("#id_email").fill("dewi.lestari@contoh.kpu.go.id")
    page.locator("#id_phone").fill("0812 9876 5432")
    page.locator("#id_role").select_option("evaluator")
    page.locator("#id_position").fill("Kasubbag Parmas dan SDM")
    page.get_by_role("button", name="Kirim undangan").click()
    expect(page.get_by_role("heading", name="Dewi Lestari")).to_be_visible()
    expect(page.locator("a[href^='https://wa.me/6281298765432?text=']")).to_have_count(1)

    assert smtp_server.recipients == [["dewi.lestari@contoh.kpu.go.id"]]
    [link] = smtp_server.links()
    assert link.startswith(live_server.url + "/undangan/")

    context = browser.new_context(base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta")
    context.set_default_timeout(TIMEOUT_MS)
    newcomer = context.new_page()
    newcomer.goto(urlsplit(link).path)
    expect(newcomer.get_by_role("heading", level=1)).to_have_text("Buat kata sandi")
    newcomer.locator("#id_new_password1").fill(NEW_PASSWORD)
    newcomer.locator("#id_new_password2").fill(NEW_PASSWORD)
    newcomer.get_by_role("button", name="Simpan kata sandi").click()
    newcomer.wait_for_url("**/akun/2fa/pasang/**")  # a province role: two-step set-up first
    user = User.objects.get(email="dewi.lestari@contoh.kpu.go.id")
    pass_second_factor(newcomer, user.username)
    assert urlsplit(newcomer.url).path == "/"
    expect(newcomer.locator(".whoami")).to_contain_text("Dewi Lestari")
    expect(newcomer.get_by_role("heading", level=1)).to_contain_text("Jawa Timur")

    # The link worked once.
    newcomer.goto(urlsplit(link).path)
    expect(newcomer.get_by_role("heading", level=1)).to_have_text("Tautan tidak berlaku")


def test_an_invited_ketua_sets_a_password_and_starts_the_first_report(browser, live_server, evaluator,
                                                                      smtp_server, settings):
    """The province invites a kab/kota's Ketua Bakohumas (a role without two-step verification): from the
    e-mail's link to the first report of the current quarter, saved as a draft."""
    from playwright.sync_api import expect

    settings.BAKOHUMAS_BASE_URL = live_server.url
    page = logged_in_page(browser, live_server.url, "evaluator", PASSWORD)
    page.goto("/akun/undangan/baru/")
    page.locator("#id_office").select_option(str(Office.objects.get(code="3572").pk))
    page.locator("#id_name").fill("Bagus Santoso")
    page.locator("#id_email").fill("bagus.santoso@contoh.kpu.go.id")
    page.locator("#id_role").select_option("ketua")
    page.locator("#id_position").fill("Sekretaris")
    page.get_by_role("button", name="Kirim undangan").click()
    expect(page.get_by_role("heading", name="Bagus Santoso")).to_be_visible()
    [link] = smtp_server.links()

    context = browser.new_context(base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta")
    context.set_default_timeout(TIMEOUT_MS)
    ketua = context.new_page()
    ketua.goto(urlsplit(link).path)
    ketua.locator("#id_new_password1").fill(NEW_PASSWORD)
    ketua.locator("#id_new_password2").fill(NEW_PASSWORD)
    ketua.get_by_role("button", name="Simpan kata sandi").click()
    ketua.wait_for_url(live_server.url + "/")
    expect(ketua.get_by_role("heading", level=1)).to_have_text("KPU Kota Blitar")
    current = ketua.locator("section.highlight")
    current.get_by_role("button", name="Isi laporan").click()
    expect(ketua.get_by_role("heading", level=1)).to_contain_text("Laporan Bakohumas Triwulan")
    expect(ketua.locator(".badge.status-draft").first).to_be_visible()
    fill_report(ketua)
    ketua.get_by_role("button", name="Simpan draf").click()
    expect(ketua.get_by_role("status")).to_be_visible()
    draft = Submission.objects.get(office__code="3572")
    assert draft.status == Submission.Status.DRAFT
    assert draft.updated_by == User.objects.get(email="bagus.santoso@contoh.kpu.go.id")
