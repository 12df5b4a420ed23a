"""Writes of the evaluation: the evaluator's edits (recommendations, note, Rakor date)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from bakohumas.audit.services import audit_record
from bakohumas.evaluation.models import EvaluationEdit
from bakohumas.offices.models import Office, User
from bakohumas.reports.models import Period


def can_edit_evaluation(user: Any, region: Office) -> bool:
    """The province's evaluators edit their province's evaluation; KPU RI's humas any, and the nation's."""
    office = getattr(user, "office", None)
    if office is None or not getattr(user, "is_authenticated", False):
        return False
    if user.role == User.Role.EVALUATOR:
        return region.pk == office.pk and region.is_province
    return user.role == User.Role.HUMAS_RI and office.is_national and (region.is_province or region.is_national)


def clean_recommendations(text: str) -> list[str]:
    """One recommendation per line; blank lines and list numbers typed by hand ("3. ", "- ") dropped."""
    import re

    lines = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(?:\d+[.)]|[-•*])\s+", "", line).strip()
        if line:
            lines.append(line)
    return lines


@transaction.atomic
def evaluation_edit_save(*, region: Office, period: Period, actor: Any, recommendations: list[str] | None,
                         note: str = "", meeting_date: dt.date | None = None) -> EvaluationEdit:
    """Store the evaluation as the evaluator will present it. `recommendations=None` goes back to the
    recommendations generated from the data; a list (possibly empty) replaces them, in its order."""
    if actor is not None and not can_edit_evaluation(actor, region):
        raise PermissionDenied
    edit = EvaluationEdit.objects.select_for_update().filter(region=region, period=period).first()
    created = edit is None
    if edit is None:
        edit = EvaluationEdit(region=region, period=period)
    before = {"recommendations": edit.recommendations, "note": edit.note,
              "meeting_date": edit.meeting_date.isoformat() if edit.meeting_date else None}
    edit.recommendations = [line.strip() for line in recommendations if line.strip()] if recommendations is not None \
        else None
    edit.note = note.strip()
    edit.meeting_date = meeting_date
    edit.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    edit.full_clean()
    edit.save()
    after = {"recommendations": edit.recommendations, "note": edit.note,
             "meeting_date": edit.meeting_date.isoformat() if edit.meeting_date else None}
    audit_record(actor=actor, action="evaluation.edit.save", target=edit, office=region, data={
        "period": period.code, "created": created,
        "changed": sorted(key for key in after if after[key] != before[key]),
        "recommendations": len(edit.recommendations) if edit.recommendations is not None else None,
        "meeting_date": after["meeting_date"],
    })
    return edit
