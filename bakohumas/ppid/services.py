"""Writes for PPID. Every function is atomic, validates before saving and leaves an audit row
in the same transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.audit.services import audit_record
from bakohumas.core.conflicts import user_name
from bakohumas.core.uploads import named_by_bytes
from bakohumas.offices.models import Office
from bakohumas.offices.numbering import is_real_number
from bakohumas.offices.services import letter_number_next
from bakohumas.ppid.deadlines import active_rule_set, calendar_for, deadlines_for
from bakohumas.ppid.models import (
    DeadlineRecomputation,
    Decision,
    DipEntry,
    Dispute,
    ExemptEntry,
    Extension,
    InformationRequest,
    NonWorkingDay,
    Objection,
    RuleSet,
)

REQUESTER_FIELDS = ("requester_kind", "requester_name", "nik", "legal_entity_decree", "address", "phone", "email",
                    "information_sought", "purpose", "obtain_method", "delivery", "power_of_attorney")


class StaleTransition(ValidationError):
    """The step was already taken (a double click, two tabs, a colleague at the same time): nothing
    was changed a second time. Views show it as a notice, not as an error."""


class ConflictError(ValidationError):
    """Somebody else saved the record after this user opened it."""


def _lock(request: InformationRequest) -> None:
    """Lock the request's row and read its current status, so two staff acting at once (or one
    double click) make one transition: the second sees the first one's result."""
    request.status = (InformationRequest.objects.select_for_update().filter(pk=request.pk)
                      .values_list("status", flat=True).get())


def _not_future(day: dt.date, label: str) -> None:
    if day > timezone.localdate():
        raise ValidationError(_("%(label)s tidak boleh di masa depan.") % {"label": label})


def _letter_number(value: str, *, office: Office, day: dt.date, purpose: str, actor: Any) -> str:
    """A letter's Nomor: the one typed, or the office's next number of that year. "-" or a number
    without a letter or digit is refused: an official letter is always numbered."""
    value = (value or "").strip()
    if not value:
        return letter_number_next(office=office, day=day, purpose=purpose, actor=actor)
    if not is_real_number(value):
        raise ValidationError(_("Nomor surat wajib diisi dengan nomor yang sebenarnya (bukan \"-\")."))
    return value


def _apply_deadlines(request: InformationRequest, rule: RuleSet) -> None:
    result = deadlines_for(request.deadline_start, rule, request.office)
    request.rule_set, request.rule_code, request.rule_version = rule, rule.code, rule.version
    request.notice_due, request.extended_due = result.notice_due, result.extended_due
    request.due_explanation = result.explanation()


@transaction.atomic
def request_register(*, office: Office, channel: str, received_on: dt.date, actor: Any,
                     is_election_information: bool = False, form_token: uuid.UUID | None = None,
                     **requester: Any) -> InformationRequest:
    """Register a request: registration number at once, due dates from the active rule set.
    `form_token` is the form's one-time token: the same form posted twice registers one request."""
    unknown = set(requester) - set(REQUESTER_FIELDS)
    if unknown:
        raise TypeError(f"unknown requester fields: {sorted(unknown)}")
    _not_future(received_on, _("Tanggal diterima"))
    # Lock the office row so two requests arriving together do not get the same number.
    Office.objects.select_for_update().filter(pk=office.pk).first()
    if form_token is not None:  # checked under the office lock: a double post waits for the first one
        existing = InformationRequest.objects.filter(office=office, form_token=form_token).first()
        if existing is not None:
            return existing
    # Registration numbers restart every year: `number` is year * 100000 + the sequence of that year.
    last = InformationRequest.objects.filter(office=office, number__gte=received_on.year * 100000,
                                             number__lt=(received_on.year + 1) * 100000).aggregate(n=Max("number"))["n"]
    sequence = (last % 100000 if last else 0) + 1
    number = received_on.year * 100000 + sequence
    rule = active_rule_set("pemilu" if is_election_information else "uu_kip")
    if requester.get("power_of_attorney"):  # stored under a random name, never the requester's
        requester["power_of_attorney"] = named_by_bytes(requester["power_of_attorney"])
    request = InformationRequest(
        office=office, number=number, channel=channel, received_on=received_on, deadline_start=received_on,
        registration_number=f"PPID/{office.code}/{received_on.year}/{sequence:04d}",
        is_election_information=is_election_information, form_token=form_token,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **{key: value for key, value in requester.items() if value is not None},
    )
    _apply_deadlines(request, rule)
    request.full_clean()
    request.save()
    # What the request said is not copied into the audit trail: it holds personal data.
    audit_record(actor=actor, action="ppid_request.register", target=request, office=office,
                 data={"registration_number": request.registration_number, "channel": channel})
    return request


@transaction.atomic
def request_flag_incomplete(*, request: InformationRequest, flagged_on: dt.date, note: str,
                            actor: Any) -> InformationRequest:
    """Ask the requester to complete the request (within 3 working days of receipt; the requester
    then has 3 working days)."""
    _lock(request)
    if request.status == InformationRequest.Status.INCOMPLETE:
        raise StaleTransition(_("Permintaan kelengkapan untuk permohonan ini sudah dicatat; tidak dicatat dua kali."))
    if request.status != InformationRequest.Status.RECEIVED:
        raise ValidationError(_("Hanya permohonan yang sedang diproses yang dapat diminta kelengkapannya."))
    _not_future(flagged_on, _("Tanggal permintaan kelengkapan"))
    calendar = calendar_for(request.office)
    days = request.rule_set.completion_days
    latest, _skipped = calendar.add_working_days(request.received_on, days)
    if flagged_on < request.received_on or flagged_on > latest:
        raise ValidationError(_("Permintaan kelengkapan harus disampaikan dalam %(days)s hari kerja sejak permohonan "
                                "diterima (paling lambat %(date)s).") % {"days": days, "date": latest.isoformat()})
    if not note.strip():
        raise ValidationError(_("Tuliskan apa yang perlu dilengkapi pemohon."))
    request.status = InformationRequest.Status.INCOMPLETE
    request.completion_requested_on = flagged_on
    request.completion_due, _skipped = calendar.add_working_days(flagged_on, days)
    request.completion_note = note.strip()
    request.full_clean()
    request.save()
    audit_record(actor=actor, action="ppid_request.flag_incomplete", target=request, office=request.office,
                 data={"completion_due": request.completion_due.isoformat()})
    return request


@transaction.atomic
def request_mark_completed(*, request: InformationRequest, completed_on: dt.date, actor: Any) -> InformationRequest:
    """The requester completed the request: deadlines count again from that day."""
    _lock(request)
    if request.status != InformationRequest.Status.INCOMPLETE and request.completion_requested_on is not None:
        raise StaleTransition(_("Kelengkapan permohonan ini sudah dicatat; tidak dicatat dua kali."))
    if request.status != InformationRequest.Status.INCOMPLETE:
        raise ValidationError(_("Permohonan ini tidak sedang menunggu kelengkapan."))
    _not_future(completed_on, _("Tanggal dilengkapi"))
    assert request.completion_requested_on is not None  # set with the INCOMPLETE status
    if completed_on < request.completion_requested_on:
        raise ValidationError(_("Tanggal dilengkapi tidak boleh sebelum permintaan kelengkapan."))
    request.status = InformationRequest.Status.RECEIVED
    request.deadline_start = completed_on
    _apply_deadlines(request, request.rule_set)
    request.due_explanation["completed_on"] = completed_on.isoformat()
    request.full_clean()
    request.save()
    audit_record(actor=actor, action="ppid_request.completed", target=request, office=request.office,
                 data={"notice_due": request.notice_due.isoformat()})
    return request


@transaction.atomic
def request_extend(*, request: InformationRequest, notified_on: dt.date, reasons: str, actor: Any,
                   letter_number: str = "") -> Extension:
    """Extend once, with written reasons, notified before the notice deadline passes. The letter
    takes the typed number or the office's next one."""
    _lock(request)
    if Extension.objects.filter(request=request).exists():
        raise StaleTransition(_("Perpanjangan hanya dapat diberikan satu kali dan sudah dicatat untuk permohonan ini."))
    if request.status != InformationRequest.Status.RECEIVED or Extension.objects.filter(request=request).exists():
        raise ValidationError(_("Perpanjangan hanya dapat diberikan satu kali untuk permohonan yang sedang diproses."))
    _not_future(notified_on, _("Tanggal pemberitahuan perpanjangan"))
    if not request.received_on <= notified_on <= request.notice_due:
        raise ValidationError(_("Perpanjangan harus diberitahukan paling lambat %(date)s.")
                              % {"date": request.notice_due.isoformat()})
    if not reasons.strip():
        raise ValidationError(_("Perpanjangan wajib disertai alasan tertulis."))
    letter_number = _letter_number(letter_number, office=request.office, day=notified_on, actor=actor,
                                   purpose=f"Perpanjangan {request.registration_number}")
    extension = Extension(request=request, notified_on=notified_on, reasons=reasons.strip(), letter_number=letter_number,
                          created_by=actor if getattr(actor, "is_authenticated", False) else None)
    extension.full_clean()
    extension.save()
    request.status = InformationRequest.Status.EXTENDED
    request.save(update_fields=["status"])
    audit_record(actor=actor, action="ppid_request.extend", target=request, office=request.office,
                 note=extension.reasons, data={"extended_due": request.extended_due.isoformat()})
    return extension


@transaction.atomic
def request_decide(*, request: InformationRequest, decided_on: dt.date, availability: str, outcome: str,
                   actor: Any, letter_number: str = "", attachment: str = "-", other_body: str = "", exemption_ground: str = "",
                   consequence_test: str = "", redactions: str = "", format: str = "",  # noqa: A002
                   fee: Decimal | int = 0, fee_note: str = "", delivery_time: str = "",
                   notes: str = "") -> Decision:
    """Record the written notice; the request is answered on `decided_on`."""
    _lock(request)
    if Decision.objects.filter(request=request).exists():
        raise StaleTransition(_("Pemberitahuan tertulis untuk permohonan ini sudah dicatat; tidak dicatat dua kali."))
    if request.status not in (InformationRequest.Status.RECEIVED, InformationRequest.Status.EXTENDED):
        raise ValidationError(_("Permohonan ini tidak sedang menunggu pemberitahuan tertulis."))
    _not_future(decided_on, _("Tanggal pemberitahuan"))
    if decided_on < request.received_on:
        raise ValidationError(_("Tanggal pemberitahuan tidak boleh sebelum permohonan diterima."))
    if availability != Decision.Availability.HELD:
        outcome = Decision.Outcome.NONE
    elif outcome == Decision.Outcome.NONE:
        raise ValidationError(_("Pilih apakah permohonan diterima seluruhnya, sebagian, atau ditolak."))
    if outcome in (Decision.Outcome.PARTLY, Decision.Outcome.REFUSED):
        if not exemption_ground or not consequence_test.strip():
            raise ValidationError(_("Penolakan (seluruh atau sebagian) wajib menyebut dasar pengecualian Pasal 17 "
                                    "UU 14/2008 dan uji konsekuensinya."))
    if outcome == Decision.Outcome.PARTLY and not redactions.strip():
        raise ValidationError(_("Sebutkan bagian yang dihitamkan dan alasannya."))
    if outcome in (Decision.Outcome.ACCEPTED, Decision.Outcome.NONE):
        exemption_ground, consequence_test = "", ""
    letter_number = _letter_number(letter_number, office=request.office, day=decided_on, actor=actor,
                                   purpose=f"Pemberitahuan tertulis {request.registration_number}")
    decision = Decision(
        request=request, decided_on=decided_on, letter_number=letter_number, attachment=attachment.strip() or "-",
        availability=availability,
        outcome=outcome, other_body=other_body, exemption_ground=exemption_ground,
        consequence_test=consequence_test.strip(), redactions=redactions.strip(), format=format, fee=fee,
        fee_note=fee_note, delivery_time=delivery_time, notes=notes,
        decided_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    decision.full_clean()
    decision.save()
    request.status = InformationRequest.Status.ANSWERED
    request.responded_on = decided_on
    request.full_clean()
    request.save(update_fields=["status", "responded_on"])
    audit_record(actor=actor, action="ppid_request.decide", target=request, office=request.office,
                 data={"outcome": outcome, "ground": exemption_ground, "on_time": request.answered_on_time})
    return decision


@transaction.atomic
def letter_number_assign(*, request: InformationRequest, letter: str, letter_number: str, actor: Any) -> str:
    """Number a letter recorded without one: `letter` is "notice", "extension" or "objection:<id>".
    A letter that already has a number keeps it (StaleTransition)."""
    _lock(request)
    target: Decision | Extension | Objection | None
    if letter == "notice":
        target, day, what = Decision.objects.filter(request=request).first(), None, "Pemberitahuan tertulis"
        day = target.decided_on if target else None
    elif letter == "extension":
        target, what = Extension.objects.filter(request=request).first(), "Perpanjangan"
        day = target.notified_on if target else None
    else:
        target, what = request.objections.filter(pk=letter.partition(":")[2]).first(), "Tanggapan keberatan"
        day = target.answered_on if target else None
    if target is None or day is None:
        raise ValidationError(_("Surat ini belum ada."))
    if is_real_number(target.letter_number):
        raise StaleTransition(_("Surat ini sudah bernomor %(number)s.") % {"number": target.letter_number})
    target.letter_number = _letter_number(letter_number, office=request.office, day=day, actor=actor,
                                          purpose=f"{what} {request.registration_number}")
    target.full_clean()
    target.save(update_fields=["letter_number"])
    audit_record(actor=actor, action="ppid_letter.number", target=request, office=request.office,
                 data={"letter": letter, "number": target.letter_number})
    return target.letter_number


def objection_windows(request: InformationRequest, filed_on: dt.date) -> tuple[dt.date, dt.date, dict]:
    """(filing deadline, answer due, explanation). The filing window runs from the written notice,
    or, when none came, from the day the notice was due (Art 35(1)c/g)."""
    calendar = calendar_for(request.office)
    rule = request.rule_set
    base = request.responded_on or request.effective_due
    filing_deadline, skipped_filing = calendar.add_working_days(base, rule.filing_days)
    answer_due, skipped_answer = calendar.add_working_days(filed_on, rule.objection_answer_days)
    explanation = {
        "rule": rule.code, "rule_version": rule.version, "filing_from": base.isoformat(),
        "filing_days": rule.filing_days, "filing_deadline": filing_deadline.isoformat(),
        "answer_days": rule.objection_answer_days, "answer_due": answer_due.isoformat(),
        "skipped": [s.as_dict() for s in skipped_filing + skipped_answer],
    }
    return filing_deadline, answer_due, explanation


@transaction.atomic
def objection_file(*, request: InformationRequest, filed_on: dt.date, ground: str, statement: str,
                   actor: Any) -> Objection:
    _lock(request)
    same = request.objections.filter(filed_on=filed_on, ground=ground, statement=statement.strip()).first()
    if same is not None:
        return same  # the same objection posted twice is recorded once
    _not_future(filed_on, _("Tanggal keberatan"))
    if filed_on < request.received_on:
        raise ValidationError(_("Keberatan tidak boleh sebelum permohonan diterima."))
    if request.responded_on is None and ground not in (Objection.Ground.NOT_ANSWERED, Objection.Ground.LATE,
                                                        Objection.Ground.NOT_PUBLISHED):
        raise ValidationError(_("Permohonan belum dijawab; keberatan hanya dapat diajukan karena tidak ditanggapi "
                                "atau melebihi waktu."))
    if request.responded_on is None and ground != Objection.Ground.NOT_PUBLISHED and \
            filed_on <= request.effective_due:
        raise ValidationError(_("Batas waktu pemberitahuan tertulis (%(date)s) belum lewat.")
                              % {"date": request.effective_due.isoformat()})
    filing_deadline, answer_due, explanation = objection_windows(request, filed_on)
    if filed_on > filing_deadline:
        raise ValidationError(_("Keberatan diajukan melewati batas %(date)s (%(days)s hari kerja).")
                              % {"date": filing_deadline.isoformat(), "days": request.rule_set.filing_days})
    objection = Objection(request=request, filed_on=filed_on, ground=ground, statement=statement.strip(),
                          filing_deadline=filing_deadline, answer_due=answer_due, due_explanation=explanation)
    objection.full_clean()
    objection.save()
    audit_record(actor=actor, action="ppid_objection.file", target=objection, office=request.office,
                 data={"ground": ground, "answer_due": answer_due.isoformat()})
    return objection


@transaction.atomic
def objection_answer(*, objection: Objection, answered_on: dt.date, answer: str, answer_text: str,
                     actor: Any, answered_by_name: str = "", letter_number: str = "",
                     delivery_time: str = "") -> Objection:
    """The atasan PPID's answer; the answering letter takes the typed number or the office's next one,
    and is signed by the atasan PPID of the office profile unless another name is given."""
    from bakohumas.offices.models import OfficeProfile

    objection.answered_on = (Objection.objects.select_for_update().filter(pk=objection.pk)
                             .values_list("answered_on", flat=True).get())
    if not objection.is_open:
        raise StaleTransition(_("Keberatan ini sudah ditanggapi; tanggapan tidak dicatat dua kali."))
    _not_future(answered_on, _("Tanggal tanggapan"))
    if answered_on < objection.filed_on:
        raise ValidationError(_("Tanggal tanggapan tidak boleh sebelum keberatan diajukan."))
    office = objection.request.office
    if not answered_by_name.strip():
        answered_by_name = OfficeProfile.objects.filter(office=office).values_list("atasan_name", flat=True).first() or ""
    if not answered_by_name.strip():
        raise ValidationError(_("Tulis nama atasan PPID, atau isi atasan PPID pada profil kantor."))
    objection.letter_number = _letter_number(letter_number, office=office, day=answered_on, actor=actor,
                                             purpose=f"Tanggapan keberatan {objection.request.registration_number}")
    objection.answered_on, objection.answer = answered_on, answer
    objection.answer_text, objection.answered_by_name = answer_text.strip(), answered_by_name.strip()
    objection.delivery_time = delivery_time.strip()
    objection.full_clean()
    objection.save()
    audit_record(actor=actor, action="ppid_objection.answer", target=objection, office=objection.request.office,
                 data={"answer": answer, "on_time": answered_on <= objection.answer_due})
    return objection


@transaction.atomic
def dispute_register(*, request: InformationRequest, commission: str, case_number: str, registered_on: dt.date,
                     actor: Any) -> Dispute:
    _lock(request)
    same = request.disputes.filter(commission=commission.strip(), case_number=case_number.strip(),
                                   registered_on=registered_on).first()
    if same is not None:
        return same  # the same dispute posted twice is recorded once
    _not_future(registered_on, _("Tanggal registrasi"))
    if not request.objections.exists():
        raise ValidationError(_("Sengketa informasi didahului keberatan kepada atasan PPID."))
    dispute = Dispute(request=request, commission=commission.strip(), case_number=case_number.strip(),
                      registered_on=registered_on)
    dispute.full_clean()
    dispute.save()
    audit_record(actor=actor, action="ppid_dispute.register", target=dispute, office=request.office)
    return dispute


@transaction.atomic
def dispute_update(*, dispute: Dispute, stage: str, ended_on: dt.date | None, outcome: str, actor: Any,
                   revision: int | None = None) -> Dispute:
    """`revision` is the one the page showed: an update made on an older one is refused (ConflictError),
    so one staff member's update never silently replaces a colleague's."""
    current = Dispute.objects.select_for_update(of=("self",)).select_related("updated_by").get(pk=dispute.pk)
    if revision is not None and revision != current.revision:
        raise ConflictError(
            _("Sengketa ini baru saja diperbarui oleh %(who)s pada %(when)s menjadi tahap %(stage)s. Periksa "
              "tahap terbaru di atas, lalu simpan lagi jika masih perlu.")
            % {"who": user_name(current.updated_by), "when": timezone.localtime(current.updated_at).strftime("%H:%M"),
               "stage": current.get_stage_display()})
    dispute.revision = current.revision + 1
    dispute.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    if ended_on:
        _not_future(ended_on, _("Tanggal selesai"))
    if stage in Dispute.CLOSED_STAGES and ended_on is None:
        raise ValidationError(_("Isi tanggal selesai untuk sengketa yang sudah berakhir."))
    dispute.stage, dispute.ended_on, dispute.outcome = stage, ended_on, outcome.strip()
    dispute.full_clean()
    dispute.save()
    audit_record(actor=actor, action="ppid_dispute.update", target=dispute, office=dispute.request.office,
                 data={"stage": stage})
    return dispute


def _offices_affected(office: Office | None) -> Q:
    if office is None:
        return Q()
    if office.is_province:
        return Q(office=office) | Q(office__parent=office)
    if office.is_national:
        return Q()
    return Q(office=office)


@transaction.atomic
def deadlines_recompute(*, reason: str, non_working_day: NonWorkingDay | None = None,
                        requests: Iterable[InformationRequest] | None = None) -> list[DeadlineRecomputation]:
    """Recompute the due dates of open requests; log every request whose dates moved."""
    if requests is None:
        requests = InformationRequest.objects.open().select_related("office", "rule_set")
    log = []
    for request in requests:
        result = deadlines_for(request.deadline_start, request.rule_set, request.office)
        if (result.notice_due, result.extended_due) == (request.notice_due, request.extended_due):
            continue
        log.append(DeadlineRecomputation(
            request=request, non_working_day=non_working_day, reason=reason[:200],
            old_notice_due=request.notice_due, new_notice_due=result.notice_due,
            old_extended_due=request.extended_due, new_extended_due=result.extended_due))
        explanation = result.explanation()
        if "completed_on" in request.due_explanation:
            explanation["completed_on"] = request.due_explanation["completed_on"]
        request.notice_due, request.extended_due, request.due_explanation = (
            result.notice_due, result.extended_due, explanation)
        request.save(update_fields=["notice_due", "extended_due", "due_explanation"])
    DeadlineRecomputation.objects.bulk_create(log)
    return log


@transaction.atomic
def non_working_day_add(*, date: dt.date, reason: str, actor: Any, office: Office | None = None) -> NonWorkingDay:
    """Add an extra non-working day and move the due dates of the open requests it touches."""
    day = NonWorkingDay(date=date, office=office, reason=reason.strip(),
                        created_by=actor if getattr(actor, "is_authenticated", False) else None)
    if NonWorkingDay.objects.filter(date=date, office=office).exists():
        raise ValidationError(_("Tanggal ini sudah tercatat sebagai hari tidak bekerja."))
    day.full_clean()
    day.save()
    requests = (InformationRequest.objects.open().filter(_offices_affected(office), deadline_start__lt=date)
                .select_related("office", "rule_set"))
    log = deadlines_recompute(reason=f"{date.isoformat()}: {day.reason}", non_working_day=day, requests=requests)
    objections_moved = _objections_recompute(office=office, after=date, actor=actor)
    audit_record(actor=actor, action="ppid_non_working_day.add", target=day, office=office,
                 data={"date": date.isoformat(), "requests_moved": len(log), "objections_moved": objections_moved})
    return day


def _objections_recompute(*, office: Office | None, after: dt.date, actor: Any) -> int:
    """Move the answer due date of unanswered objections filed before a new non-working day."""
    moved = 0
    objections = (Objection.objects.filter(answered_on__isnull=True, filed_on__lt=after)
                  .select_related("request__office", "request__rule_set"))
    affected = _offices_affected(office)
    objections = objections.filter(request__in=InformationRequest.objects.filter(affected))
    for objection in objections:
        _deadline, answer_due, explanation = objection_windows(objection.request, objection.filed_on)
        if answer_due == objection.answer_due:
            continue
        old = objection.answer_due
        objection.answer_due, objection.due_explanation = answer_due, explanation
        objection.save(update_fields=["answer_due", "due_explanation"])
        audit_record(actor=actor, action="ppid_objection.recompute", target=objection, office=objection.request.office,
                     data={"old": old.isoformat(), "new": answer_due.isoformat()})
        moved += 1
    return moved


@transaction.atomic
def dip_entry_create(*, office: Office, actor: Any, **fields: Any) -> DipEntry:
    entry = DipEntry(office=office, **fields)
    entry.full_clean()
    entry.save()
    audit_record(actor=actor, action="ppid_dip.create", target=entry, office=office)
    return entry


@transaction.atomic
def exempt_entry_create(*, actor: Any, **fields: Any) -> ExemptEntry:
    entry = ExemptEntry(**fields)
    entry.full_clean()
    entry.save()
    audit_record(actor=actor, action="ppid_exempt.create", target=entry)
    return entry


@transaction.atomic
def exempt_entries_reopen_expired(*, today: dt.date | None = None, actor: Any = None) -> int:
    """Reopen every DIK entry whose exemption period has ended. Pages already treat an expired entry
    as public (`in_force`); this records the date it was reopened."""
    today = today or timezone.localdate()
    expired = list(ExemptEntry.objects.filter(reopened_on__isnull=True, expires_on__lte=today))
    for entry in expired:
        assert entry.expires_on is not None  # filtered on expires_on__lte above
        entry.reopened_on = entry.expires_on
        entry.save(update_fields=["reopened_on"])
        audit_record(actor=actor, action="ppid_exempt.reopen", target=entry,
                     data={"expires_on": entry.expires_on.isoformat()})
    return len(expired)
