"""The invitation's words: the e-mail and WhatsApp text (always Indonesian: it goes to a KPU
office), the recipients (the invited office's operators and Ketua Bakohumas, as the reminders), and
the wa.me links for the WhatsApp text."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bakohumas.core.formatting import tanggal
from bakohumas.followup.reminders import Contact
from bakohumas.followup.whatsapp import normalise_phone, wa_link
from bakohumas.meetings.calendar import meeting_url
from bakohumas.meetings.models import Invitee, Meeting
from bakohumas.offices.models import User
from bakohumas.ppid.reminders import STAFF_ROLES


def when_text(meeting: Meeting) -> str:
    start = timezone.localtime(meeting.starts_at)
    end = timezone.localtime(meeting.ends_at)
    return _("%(day)s, pukul %(start)s–%(end)s WIB") % {
        "day": tanggal(start.date()), "start": f"{start:%H.%M}", "end": f"{end:%H.%M}"}


def where_text(meeting: Meeting) -> str:
    parts = [str(meeting.get_mode_display())]
    if meeting.place:
        parts.append(meeting.place)
    if meeting.link:
        parts.append(meeting.link)
    return " · ".join(parts)


def invitation_subject(meeting: Meeting) -> str:
    with translation.override("id"):
        if meeting.is_cancelled:
            return _("Pembatalan: %(title)s") % {"title": meeting.title}
        if meeting.sequence:
            return _("Perubahan jadwal: %(title)s") % {"title": meeting.title}
        return _("Undangan: %(title)s") % {"title": meeting.title}


def invitation_text(meeting: Meeting) -> str:
    with translation.override("id"):
        values = {"organiser": meeting.organiser.name, "title": meeting.title, "when": when_text(meeting),
                  "where": where_text(meeting), "period": meeting.period.label, "url": meeting_url(meeting)}
        if meeting.is_cancelled:
            first = _("%(organiser)s membatalkan %(title)s yang dijadwalkan %(when)s.") % values
            return "\n".join([_("Yth. Ketua Bakohumas dan operator humas,"), "", first, "",
                              _("Terima kasih. — Bakohumas KPU")])
        lines = [_("Yth. Ketua Bakohumas dan operator humas,"), ""]
        if meeting.sequence:
            lines.append(_("Jadwal %(title)s berubah. Jadwal terbaru:") % values)
        else:
            lines.append(_("%(organiser)s mengundang Saudara mengikuti %(title)s.") % values)
        lines += [
            _("Waktu: %(when)s") % values,
            _("Tempat: %(where)s") % values,
            _("Evaluasi: %(period)s") % values,
            _("Acara, bahan, dan pencatatan kehadiran: %(url)s") % values,
            "",
            _("Terima kasih. — Bakohumas KPU"),
        ]
        return "\n".join(lines)


@dataclass
class InvitedOffice:
    invitee: Invitee
    contacts: list[Contact] = field(default_factory=list)

    @property
    def emails(self) -> list[str]:
        return [c.email for c in self.contacts if c.email]

    def whatsapp(self, text: str) -> list[tuple[Contact, str]]:
        return [(c, wa_link(c.phone, text)) for c in self.contacts if c.phone]


def invited_offices(meeting: Meeting, invitees: list[Invitee] | None = None) -> list[InvitedOffice]:
    """Each invited office with the contacts of its operators and Ketua Bakohumas (two queries)."""
    invitees = invitees if invitees is not None else list(meeting.invitees.select_related("office"))
    by_office: dict[int | None, list[Contact]] = defaultdict(list)
    staff = (User.objects.filter(office__in=[i.office_id for i in invitees], role__in=STAFF_ROLES, is_active=True)
             .order_by("role", "last_name", "username"))
    for user in staff:
        by_office[user.office_id].append(Contact(name=str(user), role=str(user.get_role_display()),
                                                 email=user.email, phone=normalise_phone(user.phone)))
    return [InvitedOffice(i, by_office[i.office_id]) for i in invitees]
