from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bakohumas.core.periods import InvalidPeriod
from bakohumas.evaluation.documents import DOCUMENT_FORMATS, render_document
from bakohumas.evaluation.engine import MISSING_RULES, EvaluationError, evaluate
from bakohumas.evaluation.render_text import render_table
from bakohumas.offices.models import Office
from bakohumas.reports.services import PeriodNotStarted, period_get_or_create_started

TEXT_FORMATS = ("json", "table")
FORMATS = TEXT_FORMATS + DOCUMENT_FORMATS


def write_atomically(path: Path, content: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: an error leaves nothing half-written."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def parse_day(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option; one clear line (CommandError, non-zero exit) when it is not a real date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(f"{option} {value!r} bukan tanggal yang valid; gunakan bentuk YYYY-MM-DD, "
                           "misalnya 2025-07-17.") from None


class Command(BaseCommand):
    help = "Evaluate the quarterly reports of a province (or the whole country)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--period", required=True, help="YYYYQn, e.g. 2025Q2")
        parser.add_argument("--region", help="province code (e.g. 35); without it the whole country")
        parser.add_argument("--missing-rule", default="carry_forward", help=" or ".join(MISSING_RULES))
        parser.add_argument("--format", default="table", help=" | ".join(FORMATS))
        parser.add_argument("--output", help="write to this file instead of standard output")
        parser.add_argument("--as-of", dest="as_of", help="YYYY-MM-DD: the evaluation as it stood on that day")
        parser.add_argument("--meeting-date", dest="meeting_date",
                            help="YYYY-MM-DD: the day of the Rakor, printed on the documents' cover")

    def handle(self, *args, period: str, region: str | None, missing_rule: str, format: str,
               output: str | None, as_of: str | None = None, meeting_date: str | None = None, **options) -> None:
        as_of_day = parse_day(as_of, "--as-of")
        meeting_day = parse_day(meeting_date, "--meeting-date")
        if format not in FORMATS:
            raise CommandError(f"Format {format!r} tidak dikenal; pilih salah satu: {', '.join(FORMATS)}.")
        if format in DOCUMENT_FORMATS and not output:
            raise CommandError(f"Format {format} adalah berkas biner; sebutkan berkasnya dengan --output FILE.")
        if output and not Path(output).parent.is_dir():
            raise CommandError(f"Folder untuk {output} tidak ada.")
        if missing_rule not in MISSING_RULES:
            raise CommandError(f"Aturan {missing_rule!r} tidak dikenal; pilih {' atau '.join(MISSING_RULES)}.")
        try:
            period_obj = period_get_or_create_started(period)
        except InvalidPeriod as exc:
            raise CommandError(str(exc)) from None
        except PeriodNotStarted as exc:
            raise CommandError(exc.messages[0]) from None
        office = None
        if region and region != Office.NATIONAL_CODE:
            office = Office.objects.filter(code=region).first()
            if office is None:
                raise CommandError(f"Kode wilayah {region!r} tidak dikenal.")
        try:
            if format in DOCUMENT_FORMATS:
                assert output is not None
                content, _name, _type = render_document(format, region=office, period=period_obj,
                                                        missing_rule=missing_rule, as_of=as_of_day,
                                                        meeting_date=meeting_day)
                write_atomically(Path(output), content)
                return
            result = evaluate(period=period_obj, region=office, missing_rule=missing_rule, as_of=as_of_day)
        except EvaluationError as exc:
            raise CommandError(str(exc)) from None
        text = (json.dumps(result.as_json(), ensure_ascii=False, indent=2) + "\n" if format == "json"
                else render_table(result))
        if output:
            write_atomically(Path(output), text.encode("utf-8"))
        else:
            self.stdout.write(text, ending="")
