"""`--as-of DATE` (contract section 6): the evaluation as it stood on that day, on the command line,
in the documents' cover and on the evaluation page; and the Rakor's date on the cover."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from bakohumas.offices.models import Office

pytestmark = pytest.mark.django_db

RAKOR = dt.date(2025, 7, 17)


@pytest.fixture
def reports(make_report):
    make_report("3571", "2025Q2", reported_on=dt.date(2025, 7, 8))  # on time
    make_report("3572", "2025Q2", reported_on=dt.date(2025, 7, 14))  # late, before the Rakor
    make_report("3573", "2025Q2", reported_on=dt.date(2025, 7, 21))  # four days after the Rakor
    make_report("3573", "2025Q1", reported_on=dt.date(2025, 4, 9))


def _json(capsys, *extra: str) -> dict:
    call_command("evaluate", "--period", "2025Q2", "--region", "35", "--format", "json", *extra)
    return json.loads(capsys.readouterr().out)


def test_a_report_sent_after_the_day_counts_as_not_reported(reports, capsys):
    now = _json(capsys)
    assert now["as_of"] is None and now["units"]["reported"] == 3
    then = _json(capsys, "--as-of", "2025-07-17")
    assert then["as_of"] == "2025-07-17"
    assert then["units"]["reported"] == 2
    assert "3573" in then["units"]["not_updated"]
    assert then["units"]["carried_forward"] == ["3573"]  # the missing-data rule applies as usual
    assert then["units"]["late"] == ["3572"]


def test_the_day_itself_counts(reports, capsys):
    assert _json(capsys, "--as-of", "2025-07-21")["units"]["reported"] == 3


@pytest.mark.parametrize("value", ["2025-02-30", "17-07-2025", "kemarin"])
def test_a_bad_date_is_one_clear_line(value):
    with pytest.raises(CommandError, match="--as-of .* bukan tanggal yang valid; gunakan bentuk YYYY-MM-DD"):
        call_command("evaluate", "--period", "2025Q2", "--region", "35", "--format", "json", "--as-of", value)
    with pytest.raises(CommandError, match="--meeting-date"):
        call_command("evaluate", "--period", "2025Q2", "--format", "json", "--meeting-date", value)


def test_the_cover_says_per_the_day_and_the_rakor(reports):
    from bakohumas.evaluation.report import build_report

    report = build_report(Office.objects.get(code="35"), _period(), as_of=RAKOR, meeting_date=RAKOR)
    assert report.cover_lines == ["KPU Provinsi Jawa Timur", "Triwulan II Tahun 2025", "per 17 Juli 2025",
                                  "Rakor: 17 Juli 2025"]
    assert len(report.result.reported) == 2


def test_a_document_made_with_as_of_says_so(reports, tmp_path):
    from docx import Document

    target = tmp_path / "rakor.docx"
    call_command("evaluate", "--period", "2025Q2", "--region", "35", "--format", "docx", "--output", str(target),
                 "--as-of", "2025-07-17", "--meeting-date", "2025-07-17")
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "per 17 Juli 2025" in text and "Rakor: 17 Juli 2025" in text


def _period():
    from bakohumas.reports.models import Period

    return Period.objects.get(code="2025Q2")
