"""Reads of the office records, all scoped to what the user may see, and the quarterly-report
suggestions computed from them (one SQL aggregate per suggester)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from uuid import UUID

from django.db.models import BooleanField, Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from bakohumas.core.periods import Quarter
from bakohumas.offices.models import Office, User
from bakohumas.records.models import EXPIRING_SOON_DAYS, Activity, Channel, Partnership
from bakohumas.reports import selectors as reports_selectors

if TYPE_CHECKING:
    from bakohumas.reports.models import Period

EDITOR_ROLES = (User.Role.OPERATOR, User.Role.KETUA)


# --- who may do what -------------------------------------------------------------------------

def may_edit_records(user, office: Office) -> bool:
    """The office's own operator and ketua keep its records; everyone else who sees them reads."""
    return (getattr(user, "is_authenticated", False) and user.office_id == office.pk
            and user.role in EDITOR_ROLES)


def get_office_for_user(user, code: str) -> tuple[Office, bool]:
    """The office if the user may see it (404 otherwise), and whether they may edit its records."""
    office = reports_selectors.get_office_for_user(user, code)
    return office, may_edit_records(user, office)


# A channel map has no meaning for one kab/kota: a province or KPU RI the user oversees.
get_region_for_user = reports_selectors.get_region_for_user


def get_channel_for_user(user, channel_id: UUID) -> tuple[Channel, bool]:
    channel = get_object_or_404(Channel.objects.visible_to(user).select_related("office"), id=channel_id)
    return channel, may_edit_records(user, channel.office)


def get_partnership_for_user(user, partnership_id: UUID) -> tuple[Partnership, bool]:
    partnership = get_object_or_404(Partnership.objects.visible_to(user).select_related("office"),
                                    id=partnership_id)
    return partnership, may_edit_records(user, partnership.office)


def get_activity_for_user(user, activity_id: UUID) -> tuple[Activity, bool]:
    activity = get_object_or_404(Activity.objects.visible_to(user).select_related("office", "partnership"),
                                 id=activity_id)
    return activity, may_edit_records(user, activity.office)


# --- lists (the names other apps call) -------------------------------------------------------

def _channel_is_active(today: dt.date) -> Case:
    return Case(When((Q(active_since__isnull=True) | Q(active_since__lte=today))
                     & (Q(active_until__isnull=True) | Q(active_until__gte=today)), then=Value(True)),
                default=Value(False), output_field=BooleanField())


def channels_for_office(office: Office, *, today: dt.date | None = None) -> QuerySet[Channel]:
    """The office's channels, the ones active today first (annotated `active`), then by kind."""
    today = today or timezone.localdate()
    return (Channel.objects.filter(office=office).annotate(active=_channel_is_active(today))
            .order_by("-active", "kind", "handle"))


def partnerships_for_office(office: Office) -> QuerySet[Partnership]:
    """The office's partnerships, newest first, each with `activity_count`."""
    return (Partnership.objects.filter(office=office).annotate(activity_count=Count("activities"))
            .order_by("-signed_on", "partner_name"))


def activities_for_office(office: Office) -> QuerySet[Activity]:
    """The office's activities, newest first, with the partnership they were done under."""
    return Activity.objects.filter(office=office).select_related("partnership").order_by("-held_on", "title")


def partnerships_expiring(office: Office, *, today: dt.date | None = None) -> list[Partnership]:
    today = today or timezone.localdate()
    return list(Partnership.objects.filter(office=office)
                .expiring_between(today, today + dt.timedelta(days=EXPIRING_SOON_DAYS)).order_by("valid_until"))


# --- suggestions for the quarterly report ----------------------------------------------------
# Each suggester offers its values only when the office keeps that kind of record for the quarter
# (see docs/records.md): an office that has not started recording gets no suggestion, not a 0.

PARTNER_TYPE_ELEMENTS = {
    Partnership.PartnerType.MEDIA: "kerja_sama_media",
    Partnership.PartnerType.EDUCATION: "kerja_sama_pendidikan",
    Partnership.PartnerType.GOVERNMENT: "kerja_sama_pemerintah",
    Partnership.PartnerType.NON_GOVERNMENT: "kerja_sama_non_pemerintah",
}
CHANNEL_ELEMENTS = {
    Channel.Kind.WA_BAKOHUMAS: "wa_bakohumas_eksternal",
    Channel.Kind.WA_MEDIA_CENTER: "wa_media_center",
    Channel.Kind.MEDIA_CENTER: "media_center_aktif",
}


def _quarter(period: Period | Quarter) -> Quarter:
    return period if isinstance(period, Quarter) else Quarter.parse(period.code)


def partnership_quarter_counts(office: Office, period: Period | Quarter) -> dict[str, int]:
    """`kerja_sama_*`: partnerships of each type active at any time in the quarter (signed on or
    before its last day, valid until its first day or later, or open-ended). Offered when the
    office has recorded any partnership signed by the end of the quarter."""
    quarter = _quarter(period)
    first, last = quarter.start, quarter.end
    active = Q(signed_on__lte=last) & (Q(valid_until__isnull=True) | Q(valid_until__gte=first))
    counts = Partnership.objects.filter(office=office).aggregate(
        known=Count("id", filter=Q(signed_on__lte=last)),
        **{code: Count("id", filter=active & Q(partner_type=kind)) for kind, code in PARTNER_TYPE_ELEMENTS.items()})
    if not counts.pop("known"):
        return {}
    return counts


def activity_quarter_counts(office: Office, period: Period | Quarter) -> dict[str, int]:
    """`episode_podcast`, `siaran_langsung`, `kegiatan_non_anggaran`: activities dated in the
    quarter. Offered when the office recorded at least one activity (of any kind) in the quarter."""
    quarter = _quarter(period)
    counts = Activity.objects.filter(office=office, held_on__range=(quarter.start, quarter.end)).aggregate(
        total=Count("id"),
        episode_podcast=Count("id", filter=Q(kind=Activity.Kind.PODCAST_EPISODE)),
        siaran_langsung=Count("id", filter=Q(kind=Activity.Kind.LIVE_STREAM)),
        kegiatan_non_anggaran=Count("id", filter=Q(non_budget=True)),
    )
    if not counts.pop("total"):
        return {}
    return counts


def channel_quarter_flags(office: Office, period: Period | Quarter) -> dict[str, int]:
    """`wa_bakohumas_eksternal`, `wa_media_center`, `media_center_aktif`: 1 if such a channel was
    active at any time in the quarter, else 0. Offered when the office's channel list covers the
    quarter (at least one channel of any kind active at some time in it)."""
    quarter = _quarter(period)
    first, last = quarter.start, quarter.end
    active = (Q(active_since__isnull=True) | Q(active_since__lte=last)) & (
        Q(active_until__isnull=True) | Q(active_until__gte=first))
    counts = Channel.objects.filter(office=office).aggregate(
        known=Count("id", filter=active),
        **{code: Count("id", filter=active & Q(kind=kind)) for kind, code in CHANNEL_ELEMENTS.items()})
    if not counts.pop("known"):
        return {}
    return {code: int(n > 0) for code, n in counts.items()}


def records_quarter_suggestions(office: Office, period: Period | Quarter) -> dict[str, int]:
    """All three suggesters together (handy for tests and the command line)."""
    return {**partnership_quarter_counts(office, period), **activity_quarter_counts(office, period),
            **channel_quarter_flags(office, period)}


# --- the office home section -----------------------------------------------------------------

@dataclass
class HomeSummary:
    office: Office
    quarter: Quarter
    active_channels: int
    active_partnerships: int
    activities_this_quarter: int
    expiring: list[Partnership] = field(default_factory=list)
    may_edit: bool = False


def home_summary(office: Office, *, user=None, today: dt.date | None = None) -> HomeSummary:
    """What the office home page shows about the records: counts and partnerships ending soon
    (four queries)."""
    today = today or timezone.localdate()
    quarter = Quarter.containing(today)
    return HomeSummary(
        office=office, quarter=quarter,
        active_channels=Channel.objects.filter(office=office).active_on(today).count(),
        active_partnerships=Partnership.objects.filter(office=office).active_between(today, today).count(),
        activities_this_quarter=Activity.objects.filter(office=office,
                                                        held_on__range=(quarter.start, quarter.end)).count(),
        expiring=partnerships_expiring(office, today=today),
        may_edit=may_edit_records(user, office) if user is not None else False,
    )


# --- the channel map of a province or KPU RI -------------------------------------------------

@dataclass
class MapCell:
    channels: list[Channel]

    @property
    def any_active(self) -> bool:
        return any(c.active for c in self.channels)  # type: ignore[attr-defined]


@dataclass
class MapRow:
    office: Office
    cells: list[MapCell]


@dataclass
class ChannelMap:
    region: Office
    kinds: list[tuple[str, str]]
    rows: list[MapRow]
    active_per_kind: list[int]

    @property
    def offices(self) -> int:
        return len(self.rows)

    @property
    def summary(self) -> list[dict[str, object]]:
        """Per kind, how many offices have at least one such channel active today."""
        return [{"label": label, "active": n} for (_kind, label), n in zip(self.kinds, self.active_per_kind, strict=True)]


def channel_map(region: Office, *, today: dt.date | None = None) -> ChannelMap:
    """Offices × channel kinds for a province (itself and its kab/kota) or KPU RI (itself and the
    provinces); two queries whatever the number of offices."""
    today = today or timezone.localdate()
    offices = Office.objects.filter(Q(pk=region.pk) | Q(parent=region)).order_by(
        Case(When(pk=region.pk, then=Value(0)), default=Value(1), output_field=IntegerField()), "code")
    channels = Channel.objects.annotate(active=_channel_is_active(today)).order_by("-active", "handle")
    offices = offices.prefetch_related(Prefetch("channels", queryset=channels, to_attr="channel_list"))
    kinds = list(Channel.Kind.choices)
    rows = []
    active_per_kind = [0] * len(kinds)
    for office in offices:
        by_kind: dict[str, list[Channel]] = {}
        for channel in office.channel_list:  # type: ignore[attr-defined]
            by_kind.setdefault(channel.kind, []).append(channel)
        cells = [MapCell(by_kind.get(kind, [])) for kind, _label in kinds]
        for i, cell in enumerate(cells):
            active_per_kind[i] += cell.any_active
        rows.append(MapRow(office, cells))
    return ChannelMap(region, [(k, str(label)) for k, label in kinds], rows, active_per_kind)
