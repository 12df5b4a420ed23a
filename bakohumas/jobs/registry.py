"""What each kind of job does. Apps register a runner in AppConfig.ready(); the jobs app knows
nothing about evaluations or media, only how to run, report progress and keep the result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any


@dataclass(frozen=True)
class JobOutput:
    # The result: bytes, or an open file positioned at its start (a large ZIP spooled to disk), which
    # is copied into storage in chunks and then closed.
    content: bytes | IO[bytes]
    filename: str
    content_type: str


# progress(percent, message): the message is Indonesian and marked with gettext_noop, so the job's
# page can show it in the user's language.
Progress = Callable[[int, str], None]
Runner = Callable[[dict[str, Any], Progress], JobOutput]

_runners: dict[str, Runner] = {}


def register_runner(kind: str, runner: Runner) -> None:
    _runners[kind] = runner


def runner_for(kind: str) -> Runner:
    try:
        return _runners[kind]
    except KeyError:
        raise LookupError(f"no runner registered for job kind {kind!r}") from None
