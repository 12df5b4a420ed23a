"""Record once, report automatically: other capabilities suggest values for the quarterly form
from what the office already recorded (PPID requests, library records, ...).

An app registers a suggester in its AppConfig.ready(); the entry page shows each suggestion next to
its field, with where it came from, and the operator decides whether to use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bakohumas.offices.models import Office
from bakohumas.reports.models import Period

SuggestFunction = Callable[[Office, Period], dict[str, int]]


@dataclass(frozen=True)
class Suggester:
    source: str  # shown to the user, e.g. "catatan PPID"
    url_name: str  # where the records are, reversed with the office code
    function: SuggestFunction


@dataclass(frozen=True)
class Suggestion:
    value: int
    source: str
    url_name: str


_registry: list[Suggester] = []


def register_suggester(*, source: str, url_name: str, function: SuggestFunction) -> None:
    if not any(s.function is function for s in _registry):
        _registry.append(Suggester(source, url_name, function))


def suggestions_for(office: Office, period: Period) -> dict[str, Suggestion]:
    out: dict[str, Suggestion] = {}
    for suggester in _registry:
        for code, value in suggester.function(office, period).items():
            out[code] = Suggestion(value, suggester.source, suggester.url_name)
    return out
