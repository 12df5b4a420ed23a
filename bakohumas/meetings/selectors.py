"""Reads of the meetings: scoped lookups (outsiders 404), who may do what, and the recaps."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from bakohumas.core.formatting import whole_percent
from bakohumas.meetings.models import AgendaItem, Attendee, Direction, Invitee, Meeting
from bakohumas.offices.models import Office, User

ORGANISER_ROLES = (User.Role.EVALUATOR, User.Role.HUMAS_RI)
CHAIR_ROLES = (User.Role.PIMPINAN, User.Role.KETUA)
OFFICE_STAFF_ROLES = (User.Role.OPERATOR, User.Role.KETUA)


def may_organise(user, office: Office) -> bool:
    """A province's evaluators hold the Rakor of their province; KPU RI's humas the national one."""
    if getattr(user, "office_id", None) != office.pk or office.is_regency:
        return False
    return user.role == (User.Role.HUMAS_RI if office.is_national else User.Role.EVALUATOR)


def may_manage(user, meeting: Meeting) -> bool:
    return may_organise(user, meeting.organiser)


def may_chair(user, meeting: Meeting) -> bool:
    """The chair approves the minutes: the organiser's pimpinan or Ketua Bakohumas."""
    return getattr(user, "office_id", None) == meeting.organiser_id and user.role in CHAIR_ROLES


def may_record_attendance(user, invitee: Invitee) -> bool:
    return getattr(user, "office_id", None) == invitee.office_id and user.role in OFFICE_STAFF_ROLES


def may_see_minutes(user, meeting: Meeting) -> bool:
    """The minutes go out (to the invited offices) once the chair approved them."""
    return meeting.minutes_approved or may_manage(user, meeting) or may_chair(user, meeting)


def get_meeting_for_user(user, meeting_id: UUID) -> Meeting:
    return get_object_or_404(Meeting.objects.visible_to(user).select_related("organiser", "period"), id=meeting_id)


def get_invitee_for_user(user, meeting: Meeting, office_code: str) -> Invitee:
    """One office's invitation: 404 unless the user sees that office (an office sees only itself)."""
    return get_object_or_404(
        Invitee.objects.filter(meeting=meeting, office__in=Office.objects.visible_to(user)).select_related("office"),
        office__code=office_code)


def get_item(meeting: Meeting, item_id: UUID) -> AgendaItem:
    return get_object_or_404(AgendaItem.objects.filter(meeting=meeting), id=item_id)


def get_direction(meeting: Meeting, direction_id: UUID) -> Direction:
    return get_object_or_404(Direction.objects.filter(item__meeting=meeting).select_related("item"), id=direction_id)


def meetings_for_user(user) -> QuerySet[Meeting]:
    return (Meeting.objects.visible_to(user).select_related("organiser", "period")
            .annotate(invited_count=Count("invitees", distinct=True),
                      present_count=Count("invitees", filter=Q(invitees__presence=Invitee.Presence.PRESENT),
                                          distinct=True)))


def meeting_agenda(meeting: Meeting) -> list[AgendaItem]:
    return list(meeting.agenda.prefetch_related(
        Prefetch("directions", queryset=Direction.objects.prefetch_related("actions__office", "actions__due_period"))))


def meeting_invitees(meeting: Meeting) -> list[Invitee]:
    return list(meeting.invitees.select_related("office", "news").prefetch_related(
        Prefetch("attendees", queryset=Attendee.objects.order_by("created_at"))))


@dataclass(frozen=True)
class AttendanceRecap:
    invitees: list[Invitee]

    @property
    def present(self) -> list[Invitee]:
        return [i for i in self.invitees if i.presence == Invitee.Presence.PRESENT]

    @property
    def absent(self) -> list[Invitee]:
        return [i for i in self.invitees if i.presence == Invitee.Presence.ABSENT]

    @property
    def unknown(self) -> list[Invitee]:
        return [i for i in self.invitees if i.presence == Invitee.Presence.UNKNOWN]

    @property
    def people(self) -> int:
        return sum(len(i.attendees.all()) for i in self.invitees)

    @property
    def rate(self) -> int | None:
        return whole_percent(len(self.present), len(self.invitees))


def attendance_recap(meeting: Meeting) -> AttendanceRecap:
    return AttendanceRecap(meeting_invitees(meeting))


def absences_of(office: Office, period_code: str) -> list[Meeting]:
    """The Rakor of the period the office was invited to and did not attend (one query)."""
    return list(Meeting.objects.filter(
        period_id=period_code, status=Meeting.Status.SCHEDULED,
        invitees__office=office, invitees__presence=Invitee.Presence.ABSENT).select_related("organiser"))


def absent_offices(*, region: Office | None, period_code: str) -> list[Office]:
    """The kab/kota offices of the region marked absent from a Rakor of the period (one query)."""
    return list(Office.objects.in_region(region).filter(
        meeting_invitations__presence=Invitee.Presence.ABSENT,
        meeting_invitations__meeting__period_id=period_code,
        meeting_invitations__meeting__status=Meeting.Status.SCHEDULED).distinct().order_by("code"))


@dataclass(frozen=True)
class ProvinceRow:
    province: Office
    meetings: list[Meeting]


def national_overview() -> list[ProvinceRow]:
    """Every province with its Rakor (period, invited and present counts). Two queries."""
    meetings = list(Meeting.objects.filter(organiser__level=Office.Level.PROVINCE, status=Meeting.Status.SCHEDULED)
                    .select_related("period")
                    .annotate(invited_count=Count("invitees", distinct=True),
                              present_count=Count("invitees", filter=Q(invitees__presence=Invitee.Presence.PRESENT),
                                                  distinct=True))
                    .order_by("-period", "starts_at"))
    by_province: dict[int, list[Meeting]] = {}
    for meeting in meetings:
        meeting.rate = whole_percent(meeting.present_count, meeting.invited_count)  # type: ignore[attr-defined]
        by_province.setdefault(meeting.organiser_id, []).append(meeting)
    return [ProvinceRow(p, by_province.get(p.pk, [])) for p in Office.objects.provinces().order_by("code")]


def office_rakor(office: Office, period) -> list[Invitee]:
    """The office's invitations to the Rakor that evaluate the period or are held in it, with whether
    it attended (the scorecard shows them; one query)."""
    return list(Invitee.objects.filter(office=office, meeting__status=Meeting.Status.SCHEDULED)
                .filter(Q(meeting__period=period) | Q(meeting__starts_at__date__gte=period.start,
                                                      meeting__starts_at__date__lte=period.end))
                .select_related("meeting__organiser").order_by("meeting__starts_at"))


def absences_in(*, office_codes: list[str], period) -> list[tuple[Meeting, list[Office]]]:
    """The Rakor held in the period with the kab/kota offices (of `office_codes`) marked absent, one
    pair per meeting, earliest first (the evaluation's findings name them; one query)."""
    invitees = (Invitee.objects.filter(presence=Invitee.Presence.ABSENT, office__code__in=office_codes,
                                       meeting__status=Meeting.Status.SCHEDULED)
                .filter(meeting__starts_at__date__gte=period.start, meeting__starts_at__date__lte=period.end)
                .select_related("meeting__organiser", "office").order_by("meeting__starts_at", "office__code"))
    grouped: dict[UUID, tuple[Meeting, list[Office]]] = {}
    for invitee in invitees:
        grouped.setdefault(invitee.meeting_id, (invitee.meeting, []))[1].append(invitee.office)
    return list(grouped.values())
