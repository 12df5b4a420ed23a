"""Guard: every CSV and XLSX the project writes goes through bakohumas.core.spreadsheet, whose
writers put an apostrophe before text a spreadsheet would run as a formula. A new export that
calls csv.writer, DictWriter or openpyxl's Workbook directly fails here."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
HELPER = ROOT / "bakohumas" / "core" / "spreadsheet.py"
SCANNED = ("bakohumas", "scripts", "benchmarks")

RAW_WRITERS = {
    "csv.writer": re.compile(r"\bcsv\s*\.\s*writer\s*\("),
    "csv.DictWriter": re.compile(r"\bDictWriter\b"),
    "from csv import writer": re.compile(r"from\s+csv\s+import\s+[^\n]*\bwriter\b"),
    "openpyxl Workbook": re.compile(r"\bWorkbook\s*\(|from\s+openpyxl\s+import\s+[^\n]*\bWorkbook\b|openpyxl\.Workbook"),
    "a workbook loaded for writing": re.compile(r"load_workbook\((?![^\n]*read_only=True)"),
    "xlsxwriter": re.compile(r"\bxlsxwriter\b"),
    "pandas to_csv/to_excel": re.compile(r"\.to_(csv|excel)\s*\("),
}


def _sources() -> list[Path]:
    files = []
    for folder in SCANNED:
        for path in (ROOT / folder).rglob("*.py"):
            if "tests" in path.relative_to(ROOT).parts or path == HELPER or ".venv" in path.parts:
                continue
            files.append(path)
    return files


def test_it_finds_the_project_sources():
    names = {path.relative_to(ROOT).as_posix() for path in _sources()}
    assert "bakohumas/reports/csv_io.py" in names and "bakohumas/library/transfer.py" in names


def test_every_csv_and_xlsx_export_goes_through_the_spreadsheet_helper():
    offenders = []
    for path in _sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.lstrip().startswith("#"):
                continue
            offenders += [f"{path.relative_to(ROOT)}:{number}: {name}" for name, pattern in RAW_WRITERS.items()
                          if pattern.search(line)]
    assert offenders == [], "write CSV/XLSX through bakohumas.core.spreadsheet:\n" + "\n".join(offenders)


def test_the_guard_catches_a_raw_writer():
    samples = ["writer = csv.writer(handle)", "w = csv.DictWriter(out, fieldnames=x)", "from openpyxl import Workbook",
               "book = Workbook()", "load_workbook(io.BytesIO(data))", "frame.to_csv(path)"]
    assert all(any(p.search(sample) for p in RAW_WRITERS.values()) for sample in samples)
    assert not any(p.search("load_workbook(io.BytesIO(content), read_only=True, data_only=True)")
                   for p in RAW_WRITERS.values())
