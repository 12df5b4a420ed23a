"""What the send confirmation shows before a report goes to the province: every answer with who
entered it, the answers still missing, and the answers that differ from what the office's records
suggest now (with the reason stored, or a box for the sender's reason, and the suggestion as it
stood when the answer was entered if it has changed since)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from bakohumas.reports.models import Element, ReportValue, Submission
from bakohumas.reports.suggestions import Suggestion, suggestions_for


def display_value(element: Element, value: int | str | None) -> str:
    if value is None or value == "":
        return "–"
    if element.kind == Element.Kind.BOOLEAN:
        return "Ya" if value else "Tidak"
    return str(value)


@dataclass
class SendRow:
    element: Element
    stored: ReportValue | None
    suggestion: Suggestion | None  # what the office's records suggest now
    reason: str = ""  # the reason to show: posted by the sender, else stored with the value
    use_suggestion: bool = False
    error: str = ""

    @property
    def value(self) -> int | str | None:
        return self.stored.python_value if self.stored is not None else None

    @property
    def shown(self) -> str:
        return display_value(self.element, self.value)

    @property
    def suggestion_shown(self) -> str:
        return display_value(self.element, self.suggestion.value) if self.suggestion is not None else ""

    @property
    def missing(self) -> bool:
        return self.element.required and self.value is None

    @property
    def differs(self) -> bool:
        return (self.suggestion is not None and isinstance(self.value, int)
                and self.value != self.suggestion.value)

    @property
    def suggestion_changed(self) -> bool:
        """The records' suggestion is not the one this answer was entered against."""
        if self.suggestion is None or self.stored is None or self.stored.number is None:
            return False
        if self.stored.suggested_number is None:  # appeared later: news only if the answer differs
            return self.differs
        return self.stored.suggested_number != self.suggestion.value

    @property
    def suggestion_before(self) -> str:
        if self.stored is None or self.stored.suggested_number is None:
            return ""
        return display_value(self.element, self.stored.suggested_number)

    @property
    def has_stored_reason(self) -> bool:
        return bool(self.stored is not None and self.stored.override_reason)


@dataclass
class SendSummary:
    submission: Submission
    rows: list[SendRow]
    sections: list[tuple[str, list[SendRow]]] = field(default_factory=list)

    @property
    def missing(self) -> list[SendRow]:
        return [row for row in self.rows if row.missing]

    @property
    def differences(self) -> list[SendRow]:
        return [row for row in self.rows if row.differs]

    @property
    def changed(self) -> list[SendRow]:
        return [row for row in self.rows if row.suggestion_changed]

    @property
    def answered(self) -> int:
        return sum(1 for row in self.rows if row.value is not None)


def send_summary(submission: Submission, *, posted: Mapping[str, Any] | None = None,
                 needs_reason: list[str] | None = None) -> SendSummary:
    """The summary of `submission` (loaded with `submission_detail`). `posted` is the confirmation
    form sent back (reasons `<code>__alasan`, `<code>__pakai_saran`), shown again after a refusal;
    `needs_reason` the codes the service refused for want of a reason."""
    from bakohumas.reports.forms import reason_field_name

    current = suggestions_for(submission.office, submission.period)
    stored = {value.code: value for value in submission.values.all()}
    rows = []
    for element in submission.form.elements.all():
        value = stored.get(element.code)
        suggestion = current.get(element.code) if element.kind != Element.Kind.TEXT else None
        reason = value.override_reason if value is not None else ""
        use = False
        if posted is not None:
            reason = str(posted.get(reason_field_name(element.code), reason))
            use = posted.get(f"{element.code}__pakai_saran") == "1"
        rows.append(SendRow(element=element, stored=value, suggestion=suggestion, reason=reason, use_suggestion=use))
    for row in rows:
        if needs_reason and row.element.code in needs_reason:
            row.error = str(_reason_error(row))
    summary = SendSummary(submission=submission, rows=rows)
    summary.sections = [(name, list(items)) for name, items in groupby(rows, key=lambda r: r.element.section)]
    return summary


def _reason_error(row: SendRow) -> str:
    from django.utils.translation import gettext as _

    return _("Tuliskan alasannya, atau centang “Pakai saran %(value)s”.") % {"value": row.suggestion_shown}


def posted_choices(posted: Mapping[str, Any], codes: list[str]) -> tuple[dict[str, str], list[str]]:
    """The reasons and the "use the suggestion" ticks of a posted confirmation form."""
    from bakohumas.reports.forms import reason_field_name

    reasons = {code: str(posted.get(reason_field_name(code), "")).strip()[:1000] for code in codes}
    use = [code for code in codes if posted.get(f"{code}__pakai_saran") == "1"]
    return {code: reason for code, reason in reasons.items() if reason}, use
