"""The Rakor in a real browser (Debian chromium through Playwright): the province schedules and
invites (the e-mail with its calendar file reaches a real SMTP server), the minutes' direction becomes
follow-up actions, an office records who attended and publishes its news item about the meeting."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from icalendar import Calendar

from bakohumas.browser_testing import logged_in_page
from bakohumas.conftest import PASSWORD
from bakohumas.followup.models import Action
from bakohumas.meetings.models import Meeting
from bakohumas.meetings.services import agenda_item_add, meeting_schedule
from bakohumas.meetings.tests.conftest import meeting_data
from bakohumas.reports.services import period_get_or_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_province_schedules_invites_and_turns_a_direction_into_actions(browser, live_server, evaluator,
                                                                          operator, smtp_server):
    from playwright.sync_api import expect

    operator.email = "operator@kediri.example"
    operator.save()
    period_get_or_create("2025Q2")
    period_get_or_create("2025Q3")
    start = timezone.localtime() + dt.timedelta(days=5)
    page = logged_in_page(browser, live_server.url, "evaluator", PASSWORD)
    page.goto("/rakor/")
    page.get_by_role("link", name="Jadwalkan rakor").click()
    page.get_by_label("Nama rapat").fill("Rakor Bakohumas Triwulan II")
    page.get_by_label("Mulai").fill(start.strftime("%Y-%m-%dT09:00"))
    page.get_by_label("Selesai").fill(start.strftime("%Y-%m-%dT12:00"))
    page.get_by_label("Tautan rapat daring").fill("https://vicon.example/rakor")
    page.get_by_label("Triwulan yang dievaluasi").select_option(label="Triwulan II 2025")
    page.get_by_role("button", name="Jadwalkan").click()
    expect(page.locator("h1")).to_have_text("Rakor Bakohumas Triwulan II")
    page.get_by_label("Acara").fill("Arahan penutup")
    page.get_by_label("Jabatan pembicara").fill("Ketua KPU Provinsi Jawa Timur")
    page.get_by_role("button", name="Tambah acara").click()
    expect(page.locator(".agenda")).to_contain_text("Arahan penutup")
    page.get_by_role("button", name="Kirim undangan").click()
    expect(page.locator(".messages")).to_contain_text("Undangan dikirim ke 1 satuan kerja")
    meeting = Meeting.objects.get()
    assert meeting.invitees.count() == 38
    [message] = smtp_server.messages
    [ics] = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert Calendar.from_ical(ics.get_payload(decode=True))["METHOD"] == "REQUEST"

    page.get_by_role("link", name="Notulen", exact=True).click()
    page.get_by_label("Arahan baru").fill("Lakukan evaluasi internal kehumasan.")
    page.get_by_role("button", name="Tambah arahan").click()
    page.get_by_text("Jadikan tindak lanjut").click()
    page.get_by_label("Tenggat (triwulan)").select_option(label="Triwulan III 2025")
    page.get_by_role("button", name="Buat tindak lanjut").click()
    expect(page.locator(".messages")).to_contain_text("38 tindak lanjut dibuat")
    assert Action.objects.filter(text="Lakukan evaluasi internal kehumasan.", due_period="2025Q3").count() == 38


def test_an_office_records_attendance_and_publishes_its_news_item(browser, live_server, jatim, evaluator,
                                                                  operator, ketua):
    from playwright.sync_api import expect

    meeting = meeting_schedule(organiser=jatim, actor=evaluator, data=meeting_data(title="Rakor Bakohumas"))
    agenda_item_add(meeting=meeting, actor=evaluator, data={"title": "Standar kehumasan KPU",
                                                            "speaker_position": "Kepala Bagian Humas",
                                                            "speaker_office": "KPU RI"})
    page = logged_in_page(browser, live_server.url, "operator", PASSWORD)
    page.goto(f"/rakor/{meeting.id}/")
    page.get_by_role("link", name="Catat yang hadir").click()
    page.get_by_label("Nama", exact=True).fill("Sekretaris KPU Kota Kediri")
    page.get_by_label("Jabatan", exact=True).fill("Sekretaris")
    page.get_by_label("Peran").select_option(label="Sekretaris (Ketua Bakohumas)")
    page.get_by_role("button", name="Simpan kehadiran").click()
    expect(page.get_by_role("table")).to_contain_text("Sekretaris KPU Kota Kediri")
    page.get_by_role("button", name="Buat draf berita").click()
    expect(page.get_by_label("Judul")).to_have_value("KPU Kota Kediri Ikuti Rakor Bakohumas")
    expect(page.get_by_label("Isi")).to_contain_text("Standar kehumasan KPU")
    page.get_by_role("button", name="Simpan draf").click()
    page.get_by_role("button", name="Ajukan persetujuan").click()

    approver = logged_in_page(browser, live_server.url, "ketua", PASSWORD)
    approver.goto(f"/rakor/{meeting.id}/")
    approver.get_by_role("link", name="Berita: Menunggu persetujuan").click()
    approver.get_by_role("button", name="Setujui").click()
    approver.get_by_role("link", name="Catat terbit").click()
    approver.get_by_label("Tautan terbit").fill("https://kota-kediri.kpu.go.id/berita/rakor-bakohumas")
    approver.get_by_role("button", name="Simpan").click()

    province = logged_in_page(browser, live_server.url, "evaluator", PASSWORD)
    province.goto(f"/rakor/{meeting.id}/")
    row = province.locator(".invitee-list li").filter(has_text="KPU Kota Kediri")
    expect(row.get_by_label("Kehadiran")).to_have_value("present")
    expect(row.get_by_role("link", name="Terbit")).to_have_attribute(
        "href", "https://kota-kediri.kpu.go.id/berita/rakor-bakohumas")
