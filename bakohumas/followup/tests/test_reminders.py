"""Reminders go only to offices that owe a report, never twice a day per channel, and are logged."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from bakohumas.followup.models import Reminder
from bakohumas.followup.reminders import owing_offices, periods_to_remind, reminder_days, reminders_send_email
from bakohumas.followup.whatsapp import normalise_phone
from bakohumas.offices.models import Office, User
from bakohumas.reports.models import Submission
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db


def _staff(code: str, role: str, email: str = "", phone: str = "") -> User:
    return User.objects.create_user(username=f"{role}.{code}", password="x", role=role, email=email, phone=phone,
                                    office=Office.objects.get(code=code), first_name=f"{role.title()} {code}")


@pytest.fixture
def owing(make_report):
    """In East Java for 2025Q2: Kediri submitted, Blitar verified, Malang returned, Batu has a draft,
    every other office nothing. Staff with e-mail at Kediri, Blitar, Malang, Batu and Pacitan."""
    make_report("3571", "2025Q2")
    make_report("3572", "2025Q2", status=Submission.Status.VERIFIED)
    make_report("3573", "2025Q2", status=Submission.Status.RETURNED)
    batu = Office.objects.get(code="3579")
    period = period_get_or_create("2025Q2")
    Submission.objects.create(office=batu, period=period, form_id=Submission.objects.first().form_id)
    for code in ("3571", "3572", "3573", "3579", "3501"):
        _staff(code, "operator", email=f"operator.{code}@contoh.kpu.go.id", phone="0812-3456-78" + code[-2:])
        _staff(code, "ketua", email=f"ketua.{code}@contoh.kpu.go.id")
    _staff("3501", "pimpinan", email="pimpinan.3501@contoh.kpu.go.id")  # not a reminder recipient
    return period


@pytest.mark.parametrize(("raw", "expected"), [
    ("0812-3456-7890", "6281234567890"), ("+62 812 3456 7890", "6281234567890"), ("812 3456 7890", "6281234567890"),
    ("6281234567890", "6281234567890"), ("0062 812 3456 7890", "6281234567890"), ("", None), ("12345", None),
])
def test_it_normalises_phone_numbers_to_62(raw, expected):
    assert normalise_phone(raw) == expected


def test_only_offices_that_owe_a_report_are_listed(owing, jatim):
    codes = [o.office.code for o in owing_offices(period=owing, region=jatim)]
    assert "3571" not in codes and "3572" not in codes  # submitted, verified
    assert {"3573", "3579", "3501"} <= set(codes)  # returned, draft, nothing
    assert len(codes) == 38 - 2


def test_the_whatsapp_text_names_office_period_and_deadline(owing, jatim):
    item = next(o for o in owing_offices(period=owing, region=jatim, today=dt.date(2025, 7, 7)) if o.office.code == "3573")
    assert item.returned
    text = item.whatsapp_text
    assert "KPU Kabupaten Malang" in text or Office.objects.get(code="3573").name in text
    assert "Triwulan II 2025" in text and "10 Juli 2025" in text and "3 hari lagi" in text
    assert "dikembalikan" in text
    [(contact, link)] = item.whatsapp  # only the operator has a phone number
    assert contact.phone == "6281234567873"
    parsed = urlparse(link)
    assert (parsed.scheme, parsed.netloc, parsed.path) == ("https", "wa.me", "/6281234567873")
    assert parse_qs(parsed.query)["text"] == [text]


def test_the_email_goes_to_operator_and_ketua_of_owing_offices_only(owing, jatim, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sent = reminders_send_email(period=owing, region=jatim, today=dt.date(2025, 7, 7))
    assert sent == 3  # Malang (returned), Batu (draft), Pacitan (nothing); the others have no e-mail
    recipients = sorted(tuple(sorted(m.to)) for m in mail.outbox)
    assert recipients == [("ketua.3501@contoh.kpu.go.id", "operator.3501@contoh.kpu.go.id"),
                          ("ketua.3573@contoh.kpu.go.id", "operator.3573@contoh.kpu.go.id"),
                          ("ketua.3579@contoh.kpu.go.id", "operator.3579@contoh.kpu.go.id")]
    assert all("Triwulan II 2025" in m.subject and "10 Juli 2025" in m.body for m in mail.outbox)
    logged = Reminder.objects.filter(channel="email", sent_on=dt.date(2025, 7, 7))
    assert sorted(logged.values_list("office__code", flat=True)) == ["3501", "3573", "3579"]
    assert all(r.scheduled for r in logged)


def test_it_never_reminds_twice_in_one_day(owing, jatim, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send_email(period=owing, region=jatim, today=dt.date(2025, 7, 7))
        assert reminders_send_email(period=owing, region=jatim, today=dt.date(2025, 7, 7)) == 0
    assert len(mail.outbox) == 3
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send_email(period=owing, region=jatim, today=dt.date(2025, 7, 8)) == 3


def test_the_daily_command_sends_on_reminder_days_only_once(owing, django_capture_on_commit_callbacks, capsys):
    assert reminder_days() == [3, 1, -1, -3, -7]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--date", "2025-07-07")  # 3 days before 10 July
        call_command("send_reminders", "--date", "2025-07-07")
    out = capsys.readouterr().out
    assert "3 kantor diingatkan untuk periode 2025Q2" in out and "0 kantor diingatkan" in out
    assert len(mail.outbox) == 3 and Reminder.objects.count() == 3
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--date", "2025-07-08")  # 2 days before: not a reminder day
    assert "tidak ada batas waktu" in capsys.readouterr().out
    assert len(mail.outbox) == 3


def test_the_reminder_days_come_from_the_setting(owing, settings):
    settings.BAKOHUMAS_REMINDER_DAYS = "0"
    assert [p.code for p in periods_to_remind(dt.date(2025, 7, 10))] == ["2025Q2"]
    assert periods_to_remind(dt.date(2025, 7, 7)) == []


def test_the_command_rejects_a_bad_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--date", "7/7/2025")


def test_the_page_lists_who_owes_with_whatsapp_links(client, owing, evaluator, django_assert_max_num_queries):
    client.force_login(evaluator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("followup:reminders", args=["35", "2025Q2"]))
    html = response.content.decode()
    assert "Kirim e-mail pengingat" in html
    assert "https://wa.me/6281234567873?text=" in html
    assert "KPU Kota Kediri</a>" not in html  # it has reported


def test_one_click_sends_the_emails_and_logs_them(client, owing, evaluator, django_capture_on_commit_callbacks):
    client.force_login(evaluator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("followup:reminders_send", args=["35", "2025Q2"]))
    assert response.status_code == 302
    assert len(mail.outbox) == 3
    assert set(Reminder.objects.values_list("sent_by", flat=True)) == {evaluator.pk}
    page = client.get(reverse("followup:reminders", args=["35", "2025Q2"])).content.decode()
    assert "ketua.3573@contoh.kpu.go.id" in page  # the log


def test_a_whatsapp_click_is_logged_once_a_day(client, owing, evaluator):
    client.force_login(evaluator)
    url = reverse("followup:reminder_whatsapp", args=["35", "2025Q2", "3573"])
    first = client.post(url, {"nomor": "6281234567873"}).json()
    second = client.post(url, {"nomor": "6281234567873"}).json()
    assert first["logged"] and not second["logged"]
    assert first["link"].startswith("https://wa.me/6281234567873?text=")
    assert Reminder.objects.get().recipient == "6281234567873"
    assert client.post(url, {"nomor": "6289999999999"}).status_code == 400  # not the office's number
    reported = reverse("followup:reminder_whatsapp", args=["35", "2025Q2", "3571"])
    assert client.post(reported, {"nomor": "6281234567871"}).status_code == 400  # Kediri owes nothing


def test_a_quarter_nobody_started_is_reminded_on_its_default_deadline(db):
    assert not Submission.objects.exists()
    assert [p.code for p in periods_to_remind(dt.date(2025, 10, 7))] == ["2025Q3"]  # 3 days before 10 Oktober
    assert periods_to_remind(dt.date(2025, 10, 8)) == []


def test_a_period_closed_for_entry_is_not_reminded(owing):
    owing.entry_closed = True
    owing.save()
    assert periods_to_remind(dt.date(2025, 7, 7)) == []


def test_a_closed_period_gets_no_manual_reminders(client, owing, evaluator, jatim):
    owing.entry_closed = True
    owing.save()
    with pytest.raises(ValidationError):
        reminders_send_email(period=owing, region=jatim, actor=evaluator)
    client.force_login(evaluator)
    page = client.get(reverse("followup:reminders", args=["35", "2025Q2"])).content.decode()
    assert "sudah ditutup" in page and "Kirim e-mail pengingat" not in page
    assert client.post(reverse("followup:reminders_send", args=["35", "2025Q2"])).status_code == 403
    assert not Reminder.objects.exists()


def test_reminders_are_written_in_indonesian_whatever_the_senders_language(owing, jatim):
    from django.utils import translation

    from bakohumas.followup.reminders import reminder_subject, reminder_text

    item = next(o for o in owing_offices(period=owing, region=jatim) if o.office.code == "3501")
    with translation.override("en"):
        assert reminder_text(item, dt.date(2025, 7, 7)).startswith("Yth. Operator humas")
        assert reminder_subject(item).startswith("Pengingat laporan Bakohumas")


def test_only_the_provinces_own_evaluator_or_kpu_ri_may_send(client, owing, users):
    misplaced = User.objects.create_user(username="evaluator.ri", password="x", role="evaluator",
                                         office=Office.objects.get(code="ID"))
    client.force_login(misplaced)
    assert client.post(reverse("followup:reminders_send", args=["35", "2025Q2"])).status_code == 403
    client.force_login(users["national"])
    assert client.post(reverse("followup:reminders_send", args=["35", "2025Q2"])).status_code == 302
