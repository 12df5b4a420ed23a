"""The reminders page in a real browser: clicking a WhatsApp button opens wa.me with the text and
logs the reminder (a small static script; the CSP allows no inline JS). Needs /usr/bin/chromium."""

from __future__ import annotations

import pytest

from bakohumas.browser_testing import TIMEOUT_MS, pass_second_factor
from bakohumas.conftest import PASSWORD
from bakohumas.followup.models import Reminder
from bakohumas.reports.services import period_get_or_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_whatsapp_click_opens_wa_me_and_is_logged(browser, live_server, evaluator, operator):
    from playwright.sync_api import expect

    operator.phone = "0812-3000-3571"
    operator.save()
    period_get_or_create("2025Q3")
    context = browser.new_context(base_url=live_server.url, locale="id-ID")
    context.set_default_timeout(TIMEOUT_MS)
    opened = []
    context.route("https://wa.me/**", lambda route: (opened.append(route.request.url), route.fulfill(body="wa")))
    page = context.new_page()
    page.goto("/masuk/")
    page.get_by_label("Nama pengguna").fill("evaluator")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    pass_second_factor(page, "evaluator")
    page.goto("/tindak-lanjut/pengingat/35/2025Q3/")
    button = page.get_by_role("link", name="WhatsApp Operator")
    with context.expect_page():
        button.click()
    expect(button).to_have_class("btn small logged")
    assert opened and opened[0].startswith("https://wa.me/6281230003571?text=")
    reminder = Reminder.objects.get()
    assert (reminder.channel, reminder.recipient, reminder.office.code) == ("whatsapp", "6281230003571", "3571")
    page.reload()
    expect(page.get_by_role("table")).to_contain_text("6281230003571")
