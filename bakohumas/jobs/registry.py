"""What each kind of job does. Apps register a runner in AppConfig.ready(); the jobs app knows
nothing about evaluations or media, only how to run, report progress and keep the result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class JobOutput:
    content: bytes
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
