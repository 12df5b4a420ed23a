"""The one way the project writes CSV and XLSX files, so that no exported text runs as a formula.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some programs, a tab or a
carriage return) as a formula: `=HYPERLINK(...)` typed into a report would become a live link in
the province's spreadsheet. Every exported *text* cell that starts with one of them is written with
a leading apostrophe, the convention spreadsheets show as plain text; numbers stay numbers (a
negative count written as a number is not text). Importers read cells back through `cell_value`,
which removes the apostrophe again, so an exported file round-trips
(`formats/laporan-bakohumas-triwulan.md` section 6).

As the contract says, an import removes one leading apostrophe from a text cell, whatever follows it.
So that a text which itself starts with an apostrophe (`'90-an`) survives too, the export puts an
apostrophe before that one as well: every text survives export and import unchanged.

Formulas the project writes itself (totals, percentages) go in through `set_formula`, which records
the cell in its workbook: the guard leaves a recorded cell alone as long as it still holds that very
formula, and escapes everything else that starts with `=`.

`csv_writer`, `csv_dict_writer` and `new_workbook` are the only writers the project uses; a guard
test (bakohumas/core/tests/test_spreadsheet_guard.py) fails on any `csv.writer`, `DictWriter` or
openpyxl `Workbook` outside this module.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterable, Mapping
from typing import IO, TYPE_CHECKING, Any

from django.utils.functional import Promise

if TYPE_CHECKING:
    from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def needs_apostrophe(text: str) -> bool:
    """A formula start, or an apostrophe of the text's own (which `cell_value` would otherwise eat)."""
    return text.startswith((*FORMULA_STARTS, "'"))


def cell_text(value: str) -> str:
    """Exported text as it goes into the cell."""
    return f"'{value}" if needs_apostrophe(value) else value


def cell_value(raw: str) -> str:
    """An imported text cell with one leading apostrophe removed (contract section 6)."""
    return raw[1:] if raw.startswith("'") else raw


def guard_cell(value: Any) -> Any:
    """Text through `cell_text`; numbers, dates, booleans and empty cells as they are."""
    if isinstance(value, Promise):  # a lazily translated label is text
        value = str(value)
    return cell_text(value) if isinstance(value, str) else value


class GuardedCsvWriter:
    """`csv.writer` with every text cell guarded."""

    def __init__(self, handle: IO[str], **kwargs: Any) -> None:
        self._writer = csv.writer(handle, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([guard_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class GuardedDictWriter(csv.DictWriter):
    """`csv.DictWriter` with every text cell guarded (the header too)."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({key: guard_cell(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        for rowdict in rowdicts:
            self.writerow(rowdict)


def csv_writer(handle: IO[str], **kwargs: Any) -> GuardedCsvWriter:
    return GuardedCsvWriter(handle, **kwargs)


def csv_dict_writer(handle: IO[str], fieldnames: Iterable[str], **kwargs: Any) -> GuardedDictWriter:
    return GuardedDictWriter(handle, fieldnames=list(fieldnames), **kwargs)


def _trusted(book: Workbook) -> dict[tuple[int, str], str]:
    """(id of the sheet, coordinate) -> the formula `set_formula` wrote there."""
    registry = getattr(book, "_bakohumas_formulas", None)
    if registry is None:
        registry = {}
        book._bakohumas_formulas = registry  # type: ignore[attr-defined]
    return registry


def set_formula(cell: Any, formula: str) -> None:
    """Write a formula of the project's own (`=SUM(C5:C42)`) into `cell`; the save keeps it a
    formula, where any other text starting with `=` is stored as text."""
    if not formula.startswith("="):
        raise ValueError(f"A formula starts with '=': {formula!r}")
    cell.value = formula
    _trusted(cell.parent.parent)[(id(cell.parent), cell.coordinate)] = formula


def _guard_workbook(book: Workbook) -> list[tuple[Any, Any]]:
    """Guard every text cell (and every cell openpyxl took for a formula because it starts with
    `=`), except the formulas written through `set_formula`. Returns what was changed, to put back
    after saving."""
    changed = []
    trusted = _trusted(book)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and needs_apostrophe(value) and \
                        trusted.get((id(sheet), cell.coordinate)) != value:
                    changed.append((cell, value))
                    cell.value = cell_text(value)  # "'=..." is bound as text, no longer as a formula
    return changed


@functools.cache
def _workbook_class() -> type[Workbook]:
    from openpyxl import Workbook  # imported on first use: most requests write no workbook

    class GuardedWorkbook(Workbook):
        """Guards its text cells while it is saved, and leaves the cells as they were afterwards
        (saving twice does not add a second apostrophe)."""

        def save(self, filename: Any) -> None:
            if self.write_only:
                raise TypeError("A write-only workbook cannot be guarded; use new_workbook().")
            changed = _guard_workbook(self)
            try:
                super().save(filename)
            finally:
                for cell, value in changed:
                    cell.value = value

    return GuardedWorkbook


def new_workbook() -> Workbook:
    """An openpyxl workbook whose `save` writes every text cell guarded."""
    return _workbook_class()()


def workbook_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
