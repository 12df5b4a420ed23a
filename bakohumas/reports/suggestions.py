"""Record once, report automatically: other capabilities suggest values for the quarterly form
from what the office already recorded (PPID requests, library records, ...).

An app registers a suggester in its AppConfig.ready(); the entry page shows each suggestion next to
its field, with where it came from, and the operator decides whether to use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bakohumas.offices.models import Office
from bakohumas.reports.models import Period

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

SuggestFunction = Callable[[Office, Period], dict[str, int]]
RecordsUrl = Callable[[Office], str]


@dataclass(frozen=True)
class Suggester:
    source: StrOrPromise  # shown to the user, e.g. "catatan PPID"
    records_url: RecordsUrl  # where the office's records behind the suggestion are
    function: SuggestFunction


@dataclass(frozen=True)
class Suggestion:
    value: int
    source: StrOrPromise
    url: str


_registry: list[Suggester] = []


def register_suggester(*, source: StrOrPromise, records_url: RecordsUrl, function: SuggestFunction) -> None:
    if not any(s.function is function for s in _registry):
        _registry.append(Suggester(source, records_url, function))


def suggestions_for(office: Office, period: Period) -> dict[str, Suggestion]:
    """Every registered suggester's values for the office and quarter, by element code.

    A suggester returns nothing for an office that keeps no such records here yet: an empty register
    is no evidence that nothing happened, and an answer that differs from a suggestion needs a
    reason (docs/suggestions.md). A 0 from records the office does keep is a real suggestion."""
    out: dict[str, Suggestion] = {}
    for suggester in _registry:
        values = suggester.function(office, period)
        url = suggester.records_url(office) if values else ""
        for code, value in values.items():
            out[code] = Suggestion(value, suggester.source, url)
    return out
