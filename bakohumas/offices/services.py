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


@transaction.atomic
def letter_number_next(*, office: Office, year: int | None = None, day: dt.date | None = None,
                       purpose: str = "", actor: Any = None) -> str:
    """Give out the office's next letter number of `year` (default: the year of `day`, today in
    Jakarta) written with the office's pattern, and record it (`LetterNumber`).

    Atomic: the office row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite serialises writers
    with its IMMEDIATE transactions), so two letters numbered at the same instant get two numbers,
    and the UniqueConstraint on office + year + number backs this up in the database."""
    from django.db.models import Max
    from django.utils import timezone

    from bakohumas.offices.models import LetterNumber, OfficeProfile
    from bakohumas.offices.numbering import format_number

    day = day or timezone.localdate()
    year = year or day.year
    Office.objects.select_for_update().filter(pk=office.pk).first()
    last = LetterNumber.objects.filter(office=office, year=year).aggregate(n=Max("number"))["n"] or 0
    profile = OfficeProfile.objects.filter(office=office).first()
    pattern = profile.letter_number_pattern if profile else OfficeProfile.DEFAULT_PATTERN
    formatted = format_number(pattern, number=last + 1, code=profile.letter_code if profile else "",
                              region_code=office.code, day=day if day.year == year else dt.date(year, 12, 31))
    entry = LetterNumber(office=office, year=year, number=last + 1, formatted=formatted, purpose=purpose[:200],
                         issued_on=day)
    entry.full_clean()
    entry.save()
    audit_record(actor=actor, action="letter_number.allocate", target=entry, office=office,
                 data={"number": formatted, "purpose": purpose[:200]})
    return formatted


@transaction.atomic
def office_profile_update(*, office: Office, actor: Any, signatories: list[dict] | None = None,
                          **fields: Any) -> Any:
    """Create or update the office's profile; `signatories` (name, nip, position), when given,
    replaces the list in that order. A new logo is stored under a name its bytes give."""
    from bakohumas.core.uploads import named_by_bytes
    from bakohumas.offices.models import OfficeProfile, Signatory

    profile = OfficeProfile.objects.select_for_update().filter(office=office).first() or OfficeProfile(office=office)
    logo = fields.pop("logo", None)
    remove_logo = fields.pop("remove_logo", False)
    for name, value in fields.items():
        setattr(profile, name, value.strip() if isinstance(value, str) else value)
    if logo:
        profile.logo = named_by_bytes(logo)
    elif remove_logo:
        profile.logo = ""
    profile.full_clean()
    profile.save()
    if signatories is not None:
        office.signatories.all().delete()
        for order, row in enumerate(signatories, start=1):
            signatory = Signatory(office=office, order=order, name=row["name"].strip(), nip=row.get("nip", "").strip(),
                                  position=row["position"].strip())
            signatory.full_clean()
            signatory.save()
    audit_record(actor=actor, action="office_profile.update", target=profile, office=office,
                 data={"fields": sorted(fields), "logo": bool(logo), "signatories": len(signatories or [])})
    return profile
