"""Writes for the follow-up actions. Who may do what:
- the province's evaluators and KPU RI's humas (`User.can_verify_report_of`) agree actions with an
  office, and may set any status (mark done after checking, or reopen);
- the office's operator and Ketua (`User.can_edit_report_of`) report progress and mark done."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.audit.services import audit_record
from bakohumas.evaluation.models import Indicator
from bakohumas.followup.models import Action
from bakohumas.offices.models import Office, User
from bakohumas.reports.models import Period


def can_agree_actions(user: User, office: Office) -> bool:
    return office.is_regency and user.can_verify_report_of(office)


def can_update_actions_of(user: User, office: Office) -> bool:
    return user.can_edit_report_of(office) or user.can_verify_report_of(office)


def can_update_action(user: User, action: Action) -> bool:
    return can_update_actions_of(user, action.office)


@transaction.atomic
def action_create(*, office: Office, text: str, due_period: Period, actor: User | None,
                  indicator: Indicator | None = None, agreed_period: Period | None = None) -> Action:
    if actor is not None and not can_agree_actions(actor, office):
        raise PermissionDenied
    if not office.is_regency:
        raise ValidationError(_("Tindak lanjut disepakati dengan KPU Kabupaten/Kota."))
    if agreed_period is not None and due_period.code < agreed_period.code:
        raise ValidationError(_("Tenggat tidak boleh sebelum triwulan evaluasi yang menyepakatinya."))
    action = Action(office=office, text=text.strip(), due_period=due_period, indicator=indicator,
                    agreed_period=agreed_period, created_by=actor, updated_by=actor)
    action.full_clean()
    action.save()
    audit_record(actor=actor, action="followup.action.create", target=action, office=office,
                 data={"due_period": due_period.code, "indicator": indicator.code if indicator else None})
    return action


@transaction.atomic
def action_update(*, action: Action, status: str, note: str, actor: User, today: dt.date | None = None) -> Action:
    """Record progress: a new status and a note (kept in the audit trail; the latest on the action)."""
    if not can_update_action(actor, action):
        raise PermissionDenied
    if action.status == Action.Status.DONE and status != Action.Status.DONE and not actor.can_verify_report_of(action.office):
        # The office reports progress and marks an action done; reopening it is the province's call.
        raise ValidationError(_("Tindak lanjut yang sudah selesai hanya dapat dibuka kembali oleh KPU Provinsi."))
    previous = action.status
    action.status = status
    if status == Action.Status.DONE:
        action.done_on = action.done_on or today or timezone.localdate()
    else:
        action.done_on = None
    if note.strip():
        action.progress_note = note.strip()
    action.updated_by = actor
    action.full_clean()
    action.save()
    audit_record(actor=actor, action="followup.action.update", target=action, office=action.office,
                 note=note.strip(), data={"from": previous, "to": status})
    return action
