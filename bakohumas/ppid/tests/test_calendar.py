"""Working days and deadlines: the contract, Idul Fitri and cuti bersama, year end, weekends,
added non-working days, both rule sets, and the `ppid-deadlines` command."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bakohumas.ppid.calendar import RuleDays, WorkingCalendar, compute_deadlines
from bakohumas.ppid.deadlines import active_rule_set, deadlines_for
from bakohumas.ppid.models import DeadlineRecomputation, RuleSet
from bakohumas.ppid.services import non_working_day_add

D = dt.date
UU_KIP = RuleDays("uu_kip", 1, 10, 7)
PEMILU = RuleDays("pemilu", 1, 3, 2)


def test_it_follows_the_contract_example_across_idul_fitri_and_cuti_bersama():
    result = compute_deadlines(D(2025, 3, 27), UU_KIP, WorkingCalendar())
    assert result.first_working_day == D(2025, 4, 8)
    assert result.notice_due == D(2025, 4, 22)
    assert result.extended_due == D(2025, 5, 2)
    skipped = {s.date for s in result.skipped}
    # Cuti bersama Nyepi and Idul Fitri, Idul Fitri itself, Good Friday, Labour Day.
    assert {D(2025, 3, 28), D(2025, 3, 31), D(2025, 4, 1), D(2025, 4, 2), D(2025, 4, 7), D(2025, 4, 18),
            D(2025, 5, 1)} <= skipped


def test_it_knows_cuti_bersama_from_the_holidays_package():
    calendar = WorkingCalendar()
    assert "Cuti Bersama" in calendar.closed_reason(D(2025, 4, 3))
    assert "Cuti Bersama" in calendar.closed_reason(D(2025, 12, 26))
    assert calendar.is_working_day(D(2025, 4, 8))


def test_it_counts_across_the_year_end():
    result = compute_deadlines(D(2025, 12, 24), UU_KIP, WorkingCalendar())
    # 25 Dec Natal, 26 Dec cuti bersama, 1 Jan Tahun Baru, 16 Jan 2026 Isra Mikraj.
    assert result.notice_due == D(2026, 1, 12)
    assert result.extended_due == D(2026, 1, 22)


def test_it_skips_weekends_and_starts_the_day_after():
    calendar = WorkingCalendar()
    assert calendar.add_working_days(D(2025, 7, 4), 1)[0] == D(2025, 7, 7)  # Friday -> Monday
    assert calendar.add_working_days(D(2025, 7, 5), 1)[0] == D(2025, 7, 7)  # received on Saturday
    assert compute_deadlines(D(2025, 7, 4), UU_KIP, calendar).notice_due == D(2025, 7, 18)


def test_it_applies_the_pemilu_rule_set():
    result = compute_deadlines(D(2025, 3, 27), PEMILU, WorkingCalendar())
    assert (result.notice_due, result.extended_due) == (D(2025, 4, 10), D(2025, 4, 14))


def test_it_skips_an_extra_non_working_day():
    calendar = WorkingCalendar(extra={D(2025, 7, 10): "Hari pemungutan suara"})
    assert compute_deadlines(D(2025, 7, 4), UU_KIP, calendar).notice_due == D(2025, 7, 21)


@pytest.mark.django_db
def test_it_seeds_both_rule_sets_idempotently():
    from bakohumas.ppid.default_rules import rule_sets_load_default

    assert rule_sets_load_default() == 0
    kip, pemilu = active_rule_set("uu_kip"), active_rule_set("pemilu")
    assert (kip.notice_days, kip.extension_days, kip.filing_days, kip.objection_answer_days) == (10, 7, 30, 30)
    assert (pemilu.notice_days, pemilu.extension_days, pemilu.objection_answer_days) == (3, 2, 3)
    assert RuleSet.objects.count() == 2


@pytest.mark.django_db
def test_it_recomputes_open_due_dates_when_a_non_working_day_is_added(make_request, kediri, jatim, national):
    request = make_request(kediri, D(2025, 7, 4))
    answered_elsewhere = make_request(kediri, D(2025, 7, 4))
    answered_elsewhere.status, answered_elsewhere.responded_on = "dijawab", D(2025, 7, 8)
    answered_elsewhere.save()
    assert request.notice_due == D(2025, 7, 18)
    non_working_day_add(date=D(2025, 7, 10), reason="Libur daerah", office=jatim, actor=national)
    request.refresh_from_db()
    answered_elsewhere.refresh_from_db()
    assert request.notice_due == D(2025, 7, 21)
    assert request.extended_due == D(2025, 7, 30)
    assert {"date": "2025-07-10", "reason": "Libur daerah"} in request.due_explanation["skipped"]
    assert answered_elsewhere.notice_due == D(2025, 7, 18)  # closed requests keep their dates
    log = DeadlineRecomputation.objects.get()
    assert (log.request, log.old_notice_due, log.new_notice_due) == (request, D(2025, 7, 18), D(2025, 7, 21))
    # A national day also counts for new computations.
    assert deadlines_for(D(2025, 7, 4), active_rule_set("uu_kip"), kediri).notice_due == D(2025, 7, 21)


@pytest.mark.django_db
def test_it_leaves_other_provinces_alone(make_request, national):
    from bakohumas.offices.models import Office

    semarang = Office.objects.filter(parent__code="33").first()
    request = make_request(semarang, D(2025, 7, 4))
    non_working_day_add(date=D(2025, 7, 10), reason="Libur daerah Jatim", office=Office.objects.get(code="35"),
                        actor=national)
    request.refresh_from_db()
    assert request.notice_due == D(2025, 7, 18)


@pytest.mark.django_db
def test_it_prints_the_contract_json(capsys):
    call_command("ppid_deadlines", received="2025-03-27", format="json")
    assert json.loads(capsys.readouterr().out) == {
        "received": "2025-03-27", "rule": "uu_kip", "notice_due": "2025-04-22", "extended_due": "2025-05-02"}
    call_command("ppid_deadlines", received="2025-03-27", rule="pemilu", format="json")
    assert json.loads(capsys.readouterr().out)["notice_due"] == "2025-04-10"


@pytest.mark.django_db
@pytest.mark.parametrize("options", [{"received": "2025-13-01"}, {"received": "27-03-2025"},
                                     {"received": "2025-03-27", "rule": "kip"},
                                     {"received": "2025-03-27", "format": "xml"}])
def test_it_rejects_bad_input_in_one_line(options):
    with pytest.raises(CommandError) as error:
        call_command("ppid_deadlines", **{"format": "json", **options})
    assert "\n" not in str(error.value)


def test_it_runs_as_the_bakohumas_command_with_one_line_errors(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}"}
    python = sys.executable
    subprocess.run([python, "-m", "bakohumas.cli", "migrate", "-v0"], check=True, env=env)
    ok = subprocess.run([python, "-m", "bakohumas.cli", "ppid-deadlines", "--received", "2025-03-27", "--format",
                         "json"], capture_output=True, text=True, env=env)
    assert ok.returncode == 0 and json.loads(ok.stdout)["extended_due"] == "2025-05-02"
    bad = subprocess.run([python, "-m", "bakohumas.cli", "ppid-deadlines", "--received", "2025-03-27", "--rule",
                          "nope", "--format", "json"], capture_output=True, text=True, env=env)
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1
