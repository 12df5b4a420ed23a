from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bakohumas.audit.services import audit_record
from bakohumas.offices.models import Office, PositionTerm, User


@transaction.atomic
def position_handover(
    *, office: Office, position: str, holder_name: str, started_on: dt.date, actor: Any,
    user: User | None = None, contact: str = "", handover_note: str = "",
) -> PositionTerm:
    """Close the current holder's term (with the note for the successor) and open the next one."""
    current = (
        PositionTerm.objects.select_for_update()
        .filter(office=office, position=position, ended_on__isnull=True).first()
    )
    if current:
        if started_on < current.started_on:
            raise ValidationError(_("Tanggal mulai harus setelah pemegang jabatan sebelumnya mulai menjabat."))
        current.ended_on = started_on
        if handover_note:
            current.handover_note = handover_note
        current.full_clean()
        current.save(update_fields=["ended_on", "handover_note"])
    term = PositionTerm(office=office, position=position, user=user, holder_name=holder_name,
                        contact=contact, started_on=started_on)
    term.full_clean()
    term.save()
    audit_record(actor=actor, action="position.handover", target=term, office=office,
                 note=handover_note, data={"previous": str(current.pk) if current else None})
    return term
