"""Reads for the office pages: the handover overview a new position holder starts from, and the
notice that points them to it. The overview gathers what other apps keep (records, follow-up,
reports) in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from bakohumas.offices.models import Office, PositionTerm, User

# A term that started this recently still gets the "you are new here" notice on the home page.
NEW_HOLDER_DAYS = 60


@dataclass
class PositionHistory:
    """One position at the office: who holds it now and who held it before (newest first)."""

    position: str
    label: str
    current: PositionTerm | None
    previous: list[PositionTerm] = field(default_factory=list)

    @property
    def last_previous(self) -> PositionTerm | None:
        return self.previous[0] if self.previous else None


def position_histories(office: Office) -> list[PositionHistory]:
    """Every position that has ever been recorded at the office, in the order of the choices (one query)."""
    terms = list(office.position_terms.select_related("user").order_by("position", "-started_on"))
    histories = []
    for value, label in PositionTerm.Position.choices:
        own = [t for t in terms if t.position == value]
        if not own:
            continue
        current = next((t for t in own if t.ended_on is None), None)
        histories.append(PositionHistory(value, str(label), current, [t for t in own if t is not current]))
    return histories


@dataclass(frozen=True)
class PartnershipRow:
    partnership: Any  # bakohumas.records.models.Partnership
    active: bool
    expiring: bool


@dataclass
class HandoverOverview:
    office: Office
    positions: list[PositionHistory]
    channels: list[Any]
    partnerships: list[PartnershipRow]
    open_actions: list[Any]
    reports: list[dict]
    today: dt.date


def handover_overview(office: Office, *, today: dt.date | None = None) -> HandoverOverview:
    """What a new Ketua Bakohumas, operator or PPID needs on day one: the positions and the notes
    left for them, the office's channels and partnerships, the actions agreed with the province that
    are still open, and the last four quarterly reports. Six queries."""
    # Imported here: these apps build on offices, not the other way round.
    from bakohumas.followup.selectors import open_actions_for_office
    from bakohumas.records.selectors import channels_for_office, partnerships_for_office
    from bakohumas.reports.selectors import periods_for_office

    today = today or timezone.localdate()
    return HandoverOverview(
        office=office,
        positions=position_histories(office),
        channels=list(channels_for_office(office, today=today)),
        partnerships=[
            PartnershipRow(p, p.is_active_on(today), p.expires_soon(today)) for p in partnerships_for_office(office)
        ],
        open_actions=open_actions_for_office(office) if office.is_regency else [],
        reports=periods_for_office(office, today=today, count=4) if office.is_regency else [],
        today=today,
    )


@dataclass(frozen=True)
class HandoverNotice:
    term: PositionTerm
    is_mine: bool  # the user is the new holder (rather than a colleague of one)


def recent_handover(user: User, *, today: dt.date | None = None) -> HandoverNotice | None:
    """The notice for the office home page: the user's own current term if it started in the last
    NEW_HOLDER_DAYS days, else the office's most recent new term in that window that is still current
    (a term that started and already ended is no handover to point to). One query."""
    if user.office_id is None:
        return None
    since = (today or timezone.localdate()) - dt.timedelta(days=NEW_HOLDER_DAYS)
    terms = list(PositionTerm.objects.filter(office_id=user.office_id, started_on__gte=since, ended_on__isnull=True)
                 .order_by("-started_on"))
    mine = next((t for t in terms if t.user_id == user.pk), None)
    if mine:
        return HandoverNotice(mine, True)
    return HandoverNotice(terms[0], False) if terms else None
