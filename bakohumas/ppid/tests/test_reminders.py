"""Daily reminders go only to offices that owe an answer, never twice a day, and are logged."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from bakohumas.offices.models import Office
from bakohumas.ppid.models import ReminderLog
from bakohumas.ppid.reminders import ppid_reminders_send
from bakohumas.ppid.services import request_decide

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(operator, ketua):
    operator.email, ketua.email = "operator@contoh.kpu.go.id", "ketua@contoh.kpu.go.id"
    operator.save()
    ketua.save()


def test_it_reminds_the_office_of_overdue_and_due_soon_requests(make_request, kediri, staff,
                                                                django_capture_on_commit_callbacks):
    overdue = make_request(kediri, dt.date(2025, 6, 2))  # due 16 June 2025
    soon = make_request(kediri, dt.date(2025, 6, 16))  # due 30 June 2025
    make_request(kediri, dt.date(2025, 6, 24))  # due in July: not yet
    with django_capture_on_commit_callbacks(execute=True):
        assert ppid_reminders_send(today=dt.date(2025, 6, 26)) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["ketua@contoh.kpu.go.id", "operator@contoh.kpu.go.id"]
    assert overdue.registration_number in message.body and soon.registration_number in message.body
    assert "/ppid/kantor/3571/" in message.body
    log = ReminderLog.objects.get()
    assert (log.overdue, log.due_soon, log.sent_on) == (1, 1, dt.date(2025, 6, 26))


def test_it_never_reminds_twice_in_one_day(make_request, kediri, staff, django_capture_on_commit_callbacks):
    make_request(kediri, dt.date(2025, 6, 2))
    with django_capture_on_commit_callbacks(execute=True):
        ppid_reminders_send(today=dt.date(2025, 6, 26))
        assert ppid_reminders_send(today=dt.date(2025, 6, 26)) == 0
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert ppid_reminders_send(today=dt.date(2025, 6, 27)) == 1


def test_it_leaves_offices_that_owe_nothing_alone(make_request, kediri, operator, staff):
    request = make_request(kediri, dt.date(2025, 6, 2))
    request_decide(request=request, decided_on=dt.date(2025, 6, 10), availability="dikuasai", outcome="diterima",
                   format="softcopy", actor=operator)
    make_request(Office.objects.get(code="3572"), dt.date(2025, 6, 2))  # owes, but has no staff e-mail
    assert ppid_reminders_send(today=dt.date(2025, 6, 26)) == 0
    assert not ReminderLog.objects.exists()


def test_the_daily_command_runs(capsys):
    call_command("ppid_daily")
    assert "kantor diingatkan" in capsys.readouterr().out
