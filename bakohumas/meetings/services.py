"""Writes of the meetings: keyword-only, atomic, validated, audited; mail after commit.

Who may do what (meetings.selectors): the organiser's evaluators (KPU RI's humas for a national
Rakor) schedule, change, invite, cancel, keep the agenda and the minutes and mark offices present or
absent; the organiser's pimpinan or Ketua approves the minutes; each invited office's operator and
Ketua record who attended from their own office and start their news item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.audit.services import audit_record
from bakohumas.core.uploads import named_by_bytes
from bakohumas.followup.models import Action
from bakohumas.followup.services import action_create
from bakohumas.meetings import selectors as s
from bakohumas.meetings.calendar import meeting_ics
from bakohumas.meetings.invitations import invitation_subject, invitation_text, invited_offices
from bakohumas.meetings.models import AgendaItem, Attendee, Direction, Invitee, Meeting
from bakohumas.offices.models import Office, User
from bakohumas.reports.models import Period

MEETING_FIELDS = ("title", "starts_at", "ends_at", "mode", "link", "place", "period", "chair_name")
# A change to one of these is news for the invitees: the invitation is sent again.
SCHEDULE_FIELDS = ("title", "starts_at", "ends_at", "mode", "link", "place")
ITEM_FIELDS = ("title", "speaker_name", "speaker_position", "speaker_office", "evaluation_document")


def default_invited(organiser: Office) -> list[Office]:
    """A province invites all its kab/kota; KPU RI all the provinces."""
    return list(organiser.children.order_by("code"))


def _audit_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    if isinstance(value, Period):
        return value.code
    return value


def _assign(obj: Any, data: Mapping[str, Any], names: Iterable[str]) -> list[str]:
    changed = []
    for name in names:
        if name in data and getattr(obj, name, None) != data[name]:
            setattr(obj, name, data[name])
            changed.append(name)
    return changed


def _require_manager(actor: User, meeting: Meeting) -> None:
    if not s.may_manage(actor, meeting):
        raise PermissionDenied


@transaction.atomic
def meeting_schedule(*, organiser: Office, actor: User, data: Mapping[str, Any],
                     offices: Iterable[Office] | None = None) -> Meeting:
    if not s.may_organise(actor, organiser):
        raise PermissionDenied
    meeting = Meeting(organiser=organiser, created_by=actor)
    _assign(meeting, data, MEETING_FIELDS)
    meeting.full_clean()
    meeting.save()
    invited = list(offices) if offices is not None else default_invited(organiser)
    outside = [o for o in invited if o.parent_id != organiser.pk]
    if outside:
        raise ValidationError(_("Hanya satuan kerja di bawah penyelenggara yang dapat diundang."))
    Invitee.objects.bulk_create([Invitee(meeting=meeting, office=o) for o in invited])
    audit_record(actor=actor, action="meetings.meeting.schedule", target=meeting, office=organiser,
                 data={"title": meeting.title, "starts_at": _audit_value(meeting.starts_at),
                       "period": meeting.period_id, "invited": len(invited)})
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor: User, data: Mapping[str, Any], now: dt.datetime | None = None
                   ) -> Meeting:
    """Change the meeting. A schedule change after the invitations went out raises the calendar
    SEQUENCE and sends the invitation again (as a change), unless the meeting is over."""
    _require_manager(actor, meeting)
    if meeting.is_cancelled:
        raise ValidationError(_("Rakor ini sudah dibatalkan."))
    before = {name: _audit_value(getattr(meeting, name)) for name in MEETING_FIELDS}
    changed = _assign(meeting, data, MEETING_FIELDS)
    if not changed:
        return meeting
    resend = meeting.invited_at is not None and any(name in SCHEDULE_FIELDS for name in changed)
    if resend:
        meeting.sequence += 1
    meeting.full_clean()
    meeting.save()
    audit_record(actor=actor, action="meetings.meeting.update", target=meeting, office=meeting.organiser,
                 data={"changed": {name: [before[name], _audit_value(getattr(meeting, name))] for name in changed},
                       "sequence": meeting.sequence})
    if resend and meeting.ends_at > (now or timezone.now()):
        _send(meeting=meeting, actor=actor)
    return meeting


def _send(*, meeting: Meeting, actor: User) -> int:
    """Queue one e-mail per invited office with staff addresses; returns how many offices."""
    from bakohumas.meetings.tasks import send_invitation_email

    subject, body = invitation_subject(meeting), invitation_text(meeting)
    method = "CANCEL" if meeting.is_cancelled else "REQUEST"
    sent = 0
    for invited in invited_offices(meeting):
        if not invited.emails:
            continue
        ics = meeting_ics(meeting, attendees=invited.emails).decode()
        transaction.on_commit(partial(send_invitation_email.enqueue, subject=subject, body=body,
                                      recipients=invited.emails, ics=ics, method=method))
        sent += 1
    meeting.invited_at = timezone.now()
    meeting.invited_sequence = meeting.sequence
    meeting.save(update_fields=["invited_at", "invited_sequence", "updated_at"])
    audit_record(actor=actor, action="meetings.meeting.invite", target=meeting, office=meeting.organiser,
                 data={"sequence": meeting.sequence, "method": method, "offices": sent})
    return sent


@transaction.atomic
def meeting_invite(*, meeting: Meeting, actor: User, now: dt.datetime | None = None) -> int:
    """E-mail the invitation (with its calendar file) to every invited office. Returns how many
    offices had someone to send it to."""
    _require_manager(actor, meeting)
    if meeting.is_cancelled:
        raise ValidationError(_("Rakor ini sudah dibatalkan; undangan tidak dapat dikirim."))
    if meeting.ends_at <= (now or timezone.now()):
        raise ValidationError(_("Rakor ini sudah lewat; undangan tidak dapat dikirim. Ubah jadwalnya bila rakor "
                                "akan diadakan lagi."))
    if not meeting.invitees.exists():
        raise ValidationError(_("Belum ada satuan kerja yang diundang."))
    return _send(meeting=meeting, actor=actor)


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, actor: User, reason: str = "") -> Meeting:
    _require_manager(actor, meeting)
    if meeting.is_cancelled:
        return meeting
    if meeting.minutes_approved:
        raise ValidationError(_("Notulen rakor ini sudah disetujui; rakor tidak dapat dibatalkan."))
    meeting.status = Meeting.Status.CANCELLED
    meeting.sequence += 1
    meeting.full_clean()
    meeting.save()
    audit_record(actor=actor, action="meetings.meeting.cancel", target=meeting, office=meeting.organiser,
                 note=reason.strip(), data={"sequence": meeting.sequence})
    if meeting.invited_at is not None and meeting.ends_at > timezone.now():
        _send(meeting=meeting, actor=actor)
    return meeting


# --- the agenda -----------------------------------------------------------------------------------

@transaction.atomic
def agenda_item_add(*, meeting: Meeting, actor: User, data: Mapping[str, Any], material: Any = None) -> AgendaItem:
    _require_manager(actor, meeting)
    last = meeting.agenda.order_by("-position").values_list("position", flat=True).first() or 0
    item = AgendaItem(meeting=meeting, position=last + 1)
    _assign(item, data, ITEM_FIELDS)
    if material is not None:
        item.material_name = (getattr(material, "name", "") or "")[:200]
        item.material = named_by_bytes(material)
    item.full_clean()
    item.save()
    audit_record(actor=actor, action="meetings.agenda.add", target=meeting, office=meeting.organiser,
                 data={"item": str(item.id), "title": item.title, "material": bool(material),
                       "evaluation_document": item.evaluation_document})
    return item


def _require_open_minutes(actor: User, meeting: Meeting) -> None:
    _require_manager(actor, meeting)
    if meeting.minutes_approved:
        raise ValidationError(_("Notulen sudah disetujui pimpinan rapat dan tidak dapat diubah lagi."))
    if meeting.is_cancelled:
        raise ValidationError(_("Rakor ini sudah dibatalkan."))


@transaction.atomic
def item_minutes_save(*, item: AgendaItem, actor: User, minutes: str) -> AgendaItem:
    _require_open_minutes(actor, item.meeting)
    item.minutes = minutes.strip()
    item.full_clean()
    item.save(update_fields=["minutes"])
    audit_record(actor=actor, action="meetings.minutes.save", target=item.meeting, office=item.meeting.organiser,
                 data={"item": str(item.id)})
    return item


@transaction.atomic
def direction_add(*, item: AgendaItem, actor: User, text: str) -> Direction:
    _require_open_minutes(actor, item.meeting)
    direction = Direction(item=item, text=text.strip())
    direction.full_clean()
    direction.save()
    audit_record(actor=actor, action="meetings.direction.add", target=item.meeting, office=item.meeting.organiser,
                 data={"direction": str(direction.id), "text": direction.text})
    return direction


@transaction.atomic
def direction_to_actions(*, direction: Direction, actor: User, due_period: Period,
                         offices: Iterable[Office] | None = None) -> list[Action]:
    """Make the direction a follow-up action of each chosen invited office (all of them by default),
    due in `due_period` and agreed at the evaluation of the meeting's period. An office that already
    has this direction as an action gets no second one."""
    meeting = direction.item.meeting
    _require_manager(actor, meeting)
    invited = {i.office_id: i.office for i in meeting.invitees.select_related("office")}
    chosen = list(offices) if offices is not None else list(invited.values())
    if not chosen:
        raise ValidationError(_("Pilih setidaknya satu satuan kerja."))
    if any(o.pk not in invited for o in chosen):
        raise ValidationError(_("Tindak lanjut hanya untuk satuan kerja yang diundang ke rakor ini."))
    already = set(direction.actions.values_list("office_id", flat=True))
    created = []
    for office in chosen:
        if office.pk in already or not office.is_regency:
            continue
        created.append(action_create(office=office, text=direction.text, due_period=due_period, actor=actor,
                                     agreed_period=meeting.period))
    direction.actions.add(*created)
    audit_record(actor=actor, action="meetings.direction.actions", target=meeting, office=meeting.organiser,
                 data={"direction": str(direction.id), "due_period": due_period.code, "actions": len(created)})
    return created


@transaction.atomic
def minutes_approve(*, meeting: Meeting, actor: User) -> Meeting:
    if not s.may_chair(actor, meeting):
        raise PermissionDenied
    if meeting.is_cancelled:
        raise ValidationError(_("Rakor ini sudah dibatalkan."))
    if meeting.minutes_approved:
        return meeting
    if not meeting.agenda.exclude(minutes="").exists():
        raise ValidationError(_("Notulen masih kosong; isi notulen setidaknya satu acara sebelum disetujui."))
    meeting.minutes_approved_by = actor
    meeting.minutes_approved_at = timezone.now()
    meeting.full_clean()
    meeting.save(update_fields=["minutes_approved_by", "minutes_approved_at", "updated_at"])
    audit_record(actor=actor, action="meetings.minutes.approve", target=meeting, office=meeting.organiser)
    return meeting


# --- attendance -----------------------------------------------------------------------------------

@transaction.atomic
def attendee_add(*, invitee: Invitee, actor: User, name: str, position: str, role: str) -> Attendee:
    """The office records one person who attended; the office is then present."""
    if not s.may_record_attendance(actor, invitee):
        raise PermissionDenied
    if invitee.meeting.is_cancelled:
        raise ValidationError(_("Rakor ini sudah dibatalkan."))
    attendee = Attendee(invitee=invitee, name=name.strip(), position=position.strip(), role=role, recorded_by=actor)
    attendee.full_clean()
    attendee.save()
    if invitee.presence != Invitee.Presence.PRESENT:
        invitee.presence = Invitee.Presence.PRESENT
        invitee.save(update_fields=["presence"])
    audit_record(actor=actor, action="meetings.attendance.add", target=invitee.meeting, office=invitee.office,
                 data={"name": attendee.name, "position": attendee.position, "role": role})
    return attendee


@transaction.atomic
def attendee_remove(*, attendee: Attendee, actor: User) -> None:
    invitee = attendee.invitee
    if not s.may_record_attendance(actor, invitee):
        raise PermissionDenied
    audit_record(actor=actor, action="meetings.attendance.remove", target=invitee.meeting, office=invitee.office,
                 data={"name": attendee.name})
    attendee.delete()


@transaction.atomic
def invitee_mark(*, invitee: Invitee, actor: User, presence: str) -> Invitee:
    """The organiser marks an office present or absent (or back to not recorded)."""
    _require_manager(actor, invitee.meeting)
    previous = invitee.presence
    invitee.presence = presence
    invitee.full_clean()
    invitee.save(update_fields=["presence"])
    audit_record(actor=actor, action="meetings.attendance.mark", target=invitee.meeting, office=invitee.office,
                 data={"from": previous, "to": presence})
    return invitee
