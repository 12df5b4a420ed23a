"""Writes for the quarterly report. Every function is atomic, validates before saving and
leaves an audit row in the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bakohumas.audit.services import audit_record
from bakohumas.core.conflicts import user_name
from bakohumas.core.formatting import tanggal
from bakohumas.core.periods import Quarter
from bakohumas.core.uploads import named_by_bytes
from bakohumas.offices.models import Office
from bakohumas.reports.models import (
    FormVersion,
    Period,
    ReportValue,
    ReviewComment,
    Submission,
    SubmissionVersion,
)
from bakohumas.reports.suggestions import Suggestion, suggestions_for

Values = Mapping[str, int | str | None]


class ConflictError(ValidationError):
    """Somebody else saved the report after this user opened it."""


def active_form() -> FormVersion:
    return FormVersion.objects.get(is_active=True)


def period_get_or_create(code: str) -> Period:
    """The period for `YYYYQn`, created with the default deadline on first use."""
    quarter = Quarter.parse(code)
    period, _created = Period.objects.get_or_create(
        code=quarter.code,
        defaults={"start": quarter.start, "end": quarter.end, "deadline": quarter.default_deadline},
    )
    return period


class PeriodNotStarted(ValidationError):
    """The quarter has not begun: there is nothing to report or evaluate yet."""


def period_get_or_create_started(code: str, *, today: dt.date | None = None) -> Period:
    """`period_get_or_create` for a quarter that has begun (the current one included): a period
    nobody has reported for yet is evaluated like any other (contract section 6), a future one is
    refused with one clear line."""
    quarter = Quarter.parse(code)
    if not quarter.has_started(today or timezone.localdate()):
        raise PeriodNotStarted(
            _("Periode %(period)s belum dimulai (mulai %(start)s); belum ada yang dapat dievaluasi.")
            % {"period": quarter.code, "start": tanggal(quarter.start)}
        )
    return period_get_or_create(quarter.code)


def period_for_office_start(code: str, *, today: dt.date | None = None) -> Period:
    """The period an office starts a report for: a quarter that has begun (created on first use),
    or one KPU RI has already opened on the periods page. An office never creates a quarter still
    to come: any code up to 2099Q4 is well formed, and a visit to its start URL would otherwise
    create it."""
    quarter = Quarter.parse(code)
    existing = Period.objects.filter(code=quarter.code).first()
    if existing is not None:
        return existing
    try:
        return period_get_or_create_started(quarter.code, today=today)
    except PeriodNotStarted:
        raise PeriodNotStarted(_("%(period)s belum dimulai. Laporan dapat dibuat setelah triwulan itu berjalan, "
                                 "kecuali KPU RI sudah membuka periodenya lebih awal.")
                               % {"period": quarter.label}) from None


@transaction.atomic
def period_update(*, period: Period, deadline: dt.date, entry_closed: bool, actor: Any) -> Period:
    """Move the deadline and close or reopen entry (a closed period accepts no new or changed reports)."""
    old = {"deadline": period.deadline.isoformat(), "entry_closed": period.entry_closed}
    period.deadline = deadline
    period.entry_closed = entry_closed
    period.full_clean()
    period.save(update_fields=["deadline", "entry_closed"])
    audit_record(actor=actor, action="period.update", target=period,
                 data={"old": old, "new": {"deadline": deadline.isoformat(), "entry_closed": entry_closed}})
    return period


def differs_from_suggestion(value: int | str | None, suggestion: Suggestion | None) -> bool:
    """An answer given (not left empty) that is not the suggested value needs a reason."""
    return suggestion is not None and isinstance(value, int) and value != suggestion.value


def codes_missing_reason(values: Values, suggestions: Mapping[str, Suggestion],
                         reasons: Mapping[str, str]) -> list[str]:
    return [code for code, raw in values.items()
            if differs_from_suggestion(raw, suggestions.get(code)) and not reasons.get(code, "").strip()]


def _set_suggestion(value: ReportValue, suggestion: Suggestion | None, reason: str) -> None:
    """Keep the suggestion as it stood at this save; the reason only when the value differs."""
    if suggestion is None or value.number is None and value.text:
        value.suggested_number, value.suggestion_source, value.suggestion_url = None, "", ""
        value.override_reason = ""
        return
    # The source label is stored as data, in Indonesian, whatever the operator's UI language.
    with translation.override("id"):
        value.suggestion_source = str(suggestion.source)[:200]
    value.suggested_number = suggestion.value
    value.suggestion_url = suggestion.url[:500]
    value.override_reason = reason.strip() if differs_from_suggestion(value.number, suggestion) else ""


SUGGESTION_FIELDS = ["suggested_number", "suggestion_source", "suggestion_url", "override_reason"]


def _write_values(
    submission: Submission, values: Values, evidence: Mapping[str, dict] | None = None, *,
    suggestions: Mapping[str, Suggestion] | None = None, reasons: Mapping[str, str] | None = None,
    actor: Any = None,
) -> None:
    """Upsert answers by code. Evidence (`{"evidence_url": ..., "evidence_file": ...}` per code)
    is only replaced when a new one is given. With `suggestions` (those shown to the operator;
    `{}` for values that came from elsewhere, like an import) an answer that is new, changed or given
    a new reason records the suggestion behind it and the reason; an untouched answer keeps the
    suggestion it was entered against, so whoever opens the draft later sees what changed since.
    With `actor`, a new or changed answer records who entered it."""
    existing = {value.code: value for value in submission.values.all()}
    entered_by = actor if getattr(actor, "is_authenticated", False) else None
    now = timezone.now()
    new, changed = [], []
    for code, raw in values.items():
        value = existing.get(code) or ReportValue(submission=submission, code=code)
        number, text = (raw if isinstance(raw, int) else None), (raw if isinstance(raw, str) else "")
        value_changed = value.pk is None or (value.number, value.text) != (number, text)
        value.number, value.text = number, text
        if value_changed:
            value.entered_by, value.entered_at = entered_by, now
        if suggestions is not None:
            reason = (reasons or {}).get(code, "")
            # An answer without a recorded suggestion (copied from last quarter, or saved before the
            # records had one) takes the one the saver was shown.
            if (value_changed or reason.strip() != value.override_reason or not suggestions
                    or value.suggested_number is None):
                _set_suggestion(value, suggestions.get(code), reason)
        given = {field: item for field, item in (evidence or {}).get(code, {}).items() if item}
        if given:
            for field, item in given.items():
                setattr(value, field, named_by_bytes(item) if field == "evidence_file" else item)
            value.save()  # saves an uploaded file through the storage API
        elif value.pk:
            changed.append(value)
        else:
            new.append(value)
    ReportValue.objects.bulk_create(new)
    ReportValue.objects.bulk_update(changed, ["number", "text", "entered_by", "entered_at",
                                              *(SUGGESTION_FIELDS if suggestions is not None else [])])


def _snapshot(submission: Submission, actor: Any, note: str) -> SubmissionVersion:
    """Freeze the report. `note` is stored as data, in Indonesian, whatever the actor's UI language."""
    last = submission.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return SubmissionVersion.objects.create(
        submission=submission, number=last + 1, status=submission.status,
        values=submission.value_map(), suggestions=submission.suggestion_map(), reported_on=submission.reported_on,
        created_by=actor if getattr(actor, "is_authenticated", False) else None, note=note,
    )


def _check_open(submission: Submission) -> None:
    if submission.period.entry_closed:
        raise ValidationError(_("Pengisian laporan periode ini sudah ditutup oleh KPU RI."))


@transaction.atomic
def submission_start(*, office: Office, period: Period, actor: Any, copy_previous: bool = False) -> Submission:
    """A new draft; with `copy_previous` ("masih sama") it starts from the latest earlier report,
    except where the office's records suggest a value for this quarter: the records are newer than
    last quarter's answer (and a copied answer that differs would need a reason on the first save)."""
    if not office.is_regency:
        raise ValidationError(_("Laporan triwulan hanya dibuat oleh KPU Kabupaten/Kota."))
    if period.entry_closed:
        raise ValidationError(_("Pengisian laporan periode ini sudah ditutup oleh KPU RI."))
    existing = Submission.objects.filter(office=office, period=period).first()
    if existing:
        return existing
    submission = Submission(office=office, period=period, form=active_form(), updated_by=actor)
    submission.full_clean()
    submission.save()
    note = ""
    if copy_previous:
        previous = (
            Submission.objects.reported().filter(office=office, period__start__lt=period.start)
            .order_by("-period__start").first()
        )
        if previous:
            values = previous.value_map()
            current = suggestions_for(office, period)
            values.update({code: suggestion.value for code, suggestion in current.items()})
            # Recorded with the suggestions they now follow, so a later change of the records shows.
            _write_values(submission, values, suggestions={code: s for code, s in current.items() if code in values})
            note = f"disalin dari {previous.period_id}"
    audit_record(actor=actor, action="submission.start", target=submission, office=office, note=note)
    return submission


@transaction.atomic
def submission_save_draft(
    *, submission: Submission, actor: Any, values: Values, revision: int,
    evidence: Mapping[str, dict] | None = None,
    suggestions: Mapping[str, Suggestion] | None = None, reasons: Mapping[str, str] | None = None,
    require_reasons: bool = False,
) -> Submission:
    """Save answers, complete or not. `revision` is the one the user loaded: if someone saved in
    between, the save is refused instead of silently overwriting their work. `suggestions` are those
    the operator was shown (by element code); the reason for an answer that differs from its
    suggestion (`reasons`) is kept with the value. A draft may lack reasons, which are asked when the
    report is sent (docs/suggestions.md); `require_reasons` (an import row) refuses without them."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _check_open(submission)
    if submission.status not in (Submission.Status.DRAFT, Submission.Status.RETURNED):
        raise ValidationError(_("Laporan yang sudah dikirim atau diverifikasi tidak dapat diubah."))
    if revision != submission.revision:
        raise ConflictError(
            _("Laporan ini baru saja disimpan oleh %(who)s pada %(when)s, setelah Anda membukanya. "
              "Isian Anda belum disimpan.")
            % {"who": user_name(submission.updated_by),
               "when": timezone.localtime(submission.updated_at).strftime("%H:%M")}
        )
    missing = codes_missing_reason(values, suggestions or {}, reasons or {}) if require_reasons else []
    if missing:
        raise ValidationError(
            _("Isian berikut berbeda dari saran tetapi belum diberi alasan: %(codes)s.") % {"codes": ", ".join(missing)}
        )
    _write_values(submission, values, evidence, suggestions=suggestions, reasons=reasons, actor=actor)
    submission.revision += 1
    submission.updated_by = actor
    submission.full_clean()
    submission.save(update_fields=["revision", "updated_by", "updated_at"])
    overridden = {code: (reasons or {}).get(code, "").strip() for code, raw in values.items()
                  if differs_from_suggestion(raw, (suggestions or {}).get(code))}
    audit_record(actor=actor, action="submission.save_draft", target=submission, office=submission.office,
                 data={"overridden": overridden} if overridden else None)
    return submission


def _move(submission: Submission, *, status: str, actor: Any, note: str) -> SubmissionVersion:
    """Change the workflow status, bump the revision and freeze the new state as a version."""
    submission.status = status
    submission.revision += 1
    submission.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    submission.full_clean()
    submission.save()
    return _snapshot(submission, actor, note)


def _comment(submission: Submission, version: SubmissionVersion, actor: Any, text: str, code: str = "") -> None:
    if text.strip():
        ReviewComment.objects.create(submission=submission, version_number=version.number, code=code,
                                     text=text.strip(), author=actor)


class SubmitRefused(ValidationError):
    """The report cannot be sent yet: answers missing (`missing`, labels) or answers that differ
    from the office's current records without a reason (`needs_reason`, element codes)."""

    def __init__(self, message: str, *, missing: list[str], needs_reason: list[str]) -> None:
        super().__init__(message)
        self.missing, self.needs_reason = missing, needs_reason


@transaction.atomic
def submission_submit(
    *, submission: Submission, actor: Any, today: dt.date | None = None, revision: int | None = None,
    reasons: Mapping[str, str] | None = None, use_suggestion: Iterable[str] = (),
) -> Submission:
    """Send the report to the province. Completeness and reasons are checked here, not when a draft
    is saved: every required answer is given, and every answer that differs from what the office's
    records suggest *now* has a reason: one given by the sender in `reasons`, or the one stored with
    the value. `use_suggestion` (element codes) takes the current suggestion instead of the answer.
    The suggestions sent are those of now, frozen with the version. With `revision` (the one the
    confirmation page showed) a report changed meanwhile is refused with `ConflictError`."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status == Submission.Status.SUBMITTED:
        return submission  # submitting twice is harmless
    _check_open(submission)
    if submission.status not in (Submission.Status.DRAFT, Submission.Status.RETURNED):
        raise ValidationError(_("Laporan yang sudah diverifikasi tidak dapat dikirim ulang."))
    if revision is not None and revision != submission.revision:
        raise ConflictError(
            _("Laporan ini diubah oleh %(who)s pukul %(when)s setelah Anda membuka ringkasan ini. Periksa lagi "
              "ringkasannya, lalu kirim.")
            % {"who": user_name(submission.updated_by),
               "when": timezone.localtime(submission.updated_at).strftime("%H:%M")}
        )
    current = suggestions_for(submission.office, submission.period)
    stored = {value.code: value for value in submission.values.all()}
    values: dict[str, int | str | None] = {code: value.python_value for code, value in stored.items()}
    taken = [code for code in use_suggestion if code in current]
    values.update({code: current[code].value for code in taken})
    given = {code: reason.strip() for code, reason in (reasons or {}).items() if reason.strip()}
    send_reasons = {code: given.get(code) or (value.override_reason if code not in taken else "")
                    for code, value in stored.items()}
    elements = list(submission.form.elements.all())
    answered = {code for code, value in values.items() if value is not None}
    missing = [element.label for element in elements if element.required and element.code not in answered]
    needs_reason = codes_missing_reason(values, current, send_reasons)
    if missing or needs_reason:
        labels = {element.code: element.label for element in elements}
        parts = []
        if missing:
            parts.append(_("Lengkapi dulu jawaban berikut sebelum mengirim: %(items)s.") % {"items": "; ".join(missing)})
        if needs_reason:
            parts.append(_("Tuliskan alasan untuk jawaban yang berbeda dari saran: %(items)s.")
                         % {"items": "; ".join(labels.get(code, code) for code in needs_reason)})
        raise SubmitRefused(" ".join(parts), missing=missing, needs_reason=needs_reason)
    # Record what is sent: the suggestions of now and the reasons. An answer taken from a suggestion
    # counts as entered by the sender; the others keep who entered them.
    taken_values = {code: values[code] for code in taken}
    if taken_values:
        _write_values(submission, taken_values, actor=actor)
    refreshed = list(submission.values.all())
    for value in refreshed:
        _set_suggestion(value, current.get(value.code), send_reasons.get(value.code, ""))
    ReportValue.objects.bulk_update(refreshed, SUGGESTION_FIELDS)
    # Lateness is judged on the first submission; a fix after the province returns it keeps that date.
    if submission.reported_on is None:
        submission.reported_on = today or timezone.localdate()
    version = _move(submission, status=Submission.Status.SUBMITTED, actor=actor, note="Dikirim")
    data: dict[str, Any] = {"version": version.number}
    if taken:
        data["used_suggestion"] = sorted(taken)
    if given:
        data["reasons"] = given
    audit_record(actor=actor, action="submission.submit", target=submission, office=submission.office, data=data)
    return submission


@transaction.atomic
def submission_return(
    *, submission: Submission, actor: Any, comment: str, item_comments: Mapping[str, str] | None = None
) -> Submission:
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status == Submission.Status.RETURNED:
        return submission  # returning twice (a double click, two tabs) is harmless: one return, one comment
    if submission.status != Submission.Status.SUBMITTED:
        raise ValidationError(_("Hanya laporan yang sudah dikirim yang dapat dikembalikan."))
    version = _move(submission, status=Submission.Status.RETURNED, actor=actor, note="Dikembalikan")
    _comment(submission, version, actor, comment)
    for code, text in (item_comments or {}).items():
        _comment(submission, version, actor, text, code=code)
    audit_record(actor=actor, action="submission.return", target=submission, office=submission.office, note=comment)
    return submission


@transaction.atomic
def submission_verify(*, submission: Submission, actor: Any, comment: str = "") -> Submission:
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status == Submission.Status.VERIFIED:
        return submission
    if submission.status != Submission.Status.SUBMITTED:
        raise ValidationError(_("Hanya laporan yang sudah dikirim yang dapat diverifikasi."))
    version = _move(submission, status=Submission.Status.VERIFIED, actor=actor, note="Diverifikasi")
    _comment(submission, version, actor, comment)
    audit_record(actor=actor, action="submission.verify", target=submission, office=submission.office, note=comment)
    return submission


@transaction.atomic
def submission_import(
    *, office: Office, period: Period, reported_on: dt.date, values: Values, actor: Any, source: str,
    replace_locked: bool = False, via: str = "web",
) -> tuple[Submission, bool]:
    """Write one imported report with the file's `reported_on`, as submitted: the command line's
    migration (`replace_locked`: any report is replaced, contract section 2) and a province's or KPU RI's
    historical migration on the web (a verified report and a closed period are refused). An existing
    report's old state is kept as a version. Returns the submission and whether it was created."""
    submission = Submission.objects.select_for_update().filter(office=office, period=period).first()
    created = submission is None
    if not replace_locked:
        if period.entry_closed:
            raise ValidationError(_("Pengisian laporan periode ini sudah ditutup oleh KPU RI."))
        if submission is not None and submission.status == Submission.Status.VERIFIED:
            raise ValidationError(_("Laporan yang sudah diverifikasi tidak dapat diganti melalui impor."))
    if submission is None:
        submission = Submission(office=office, period=period, form=active_form())
    else:
        last = submission.versions.order_by("-number").first()
        if submission.values.exists() and (last is None or last.values != submission.value_map()):
            _snapshot(submission, actor, "Sebelum diganti impor")
    submission.status = Submission.Status.SUBMITTED
    submission.reported_on = reported_on
    submission.imported_from = source[:255]
    submission.revision = (submission.revision or 0) + 1
    submission.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    submission.full_clean(validate_unique=False)
    submission.save()
    # Imported values come from the file, not from suggestions: what was recorded about them goes.
    _write_values(submission, values, suggestions={})
    version = _snapshot(submission, actor, f"Diimpor dari {source}"[:300])
    audit_record(actor=actor, action="submission.import", target=submission, office=office, note=source,
                 data={"version": version.number, "created": created, "file": source, "via": via,
                       "reported_on": reported_on.isoformat(), "file_date": True})
    return submission, created


@transaction.atomic
def submission_import_entry(
    *, office: Office, period: Period, values: Values, reasons: Mapping[str, str], submit: bool, actor: Any,
    source: str,
) -> tuple[Submission, bool]:
    """Write one import row of a kab/kota's operator or ketua through the entry page's own services,
    so the row can do nothing the page would refuse: a draft (sent only by someone who may send), never
    over a sent or verified report, never in a closed period, with a reason for every answer that
    differs from the office's records, and the server's date as tanggal_lapor."""
    if not actor.can_edit_report_of(office):
        raise ValidationError(_("Anda tidak berwenang mengimpor laporan %(office)s.") % {"office": office.name})
    if submit and not actor.can_submit_report_of(office):
        raise ValidationError(_("Laporan dikirim oleh Ketua Bakohumas kantor Anda; impor sebagai draf."))
    created = not Submission.objects.filter(office=office, period=period).exists()
    submission = submission_start(office=office, period=period, actor=actor)
    submission = submission_save_draft(
        submission=submission, actor=actor, values=values, revision=submission.revision,
        suggestions=suggestions_for(office, period), reasons=reasons, require_reasons=True,
    )
    submission.imported_from = source[:255]
    submission.full_clean()
    submission.save(update_fields=["imported_from", "updated_at"])
    if submit:
        submission = submission_submit(submission=submission, actor=actor)
    audit_record(actor=actor, action="submission.import", target=submission, office=office, note=source,
                 data={"created": created, "file": source, "via": "web", "status": submission.status,
                       "file_date": False})
    return submission, created
