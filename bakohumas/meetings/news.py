"""The news item an attending office writes after the Rakor: a draft website news item in the
publications workflow (records.Activity "rapat koordinasi" + publications.Output), pre-filled from
the meeting. The office then edits it under the live article checks, has it approved and publishes
it as usual; the organiser sees which offices published and when."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bakohumas.audit.services import audit_record
from bakohumas.core.formatting import join_id
from bakohumas.meetings import selectors as s
from bakohumas.meetings.invitations import when_text
from bakohumas.meetings.models import Invitee
from bakohumas.offices.models import User
from bakohumas.publications.models import Output, OutputKind
from bakohumas.publications.services import output_create
from bakohumas.records.models import Activity, ActivityKind
from bakohumas.records.services import activity_create


def news_texts(invitee: Invitee) -> dict[str, str]:
    """Title, lead and body: who organised it, when and how, who attended from this office, the
    agenda and speakers, and the key directions. Always Indonesian (a KPU office's website)."""
    meeting = invitee.meeting
    with translation.override("id"):
        people = [f"{a.name} ({a.position})" for a in invitee.attendees.all()]
        values = {"office": invitee.office.name, "organiser": meeting.organiser.name, "title": meeting.title,
                  "when": when_text(meeting), "mode": str(meeting.get_mode_display()).lower(),
                  "people": join_id(people) if people else invitee.office.name}
        title = _("%(office)s Ikuti %(title)s") % values
        lead = _("%(office)s mengikuti %(title)s yang diselenggarakan %(organiser)s secara %(mode)s pada "
                 "%(when)s.") % values
        body = [_("Dari %(office)s hadir %(people)s.") % values, ""]
        agenda = list(meeting.agenda.all())
        if agenda:
            body.append(_("Acara rapat:"))
            body += [f"{n}. {i.title}" + (f" — {i.speaker}" if i.speaker else "") for n, i in enumerate(agenda, 1)]
            body.append("")
        directions = [d.text for i in agenda for d in i.directions.all()]
        if directions:
            body.append(_("Arahan yang disampaikan dalam rapat:"))
            body += [f"{n}. {text}" for n, text in enumerate(directions, 1)]
    return {"title": title[:200], "lead": lead, "body": "\n".join(body).strip()}


@transaction.atomic
def news_draft_create(*, invitee: Invitee, actor: User) -> Output:
    """The office's draft news item about the meeting (the same one again if it already has one)."""
    if not s.may_record_attendance(actor, invitee):
        raise PermissionDenied
    if invitee.news_id is not None and invitee.news is not None:
        return invitee.news
    meeting = invitee.meeting
    if meeting.is_cancelled:
        raise ValidationError(_("Rakor ini sudah dibatalkan."))
    if invitee.presence != Invitee.Presence.PRESENT:
        raise ValidationError(_("Catat dulu siapa yang hadir dari kantor Anda."))
    texts = news_texts(invitee)
    held_on = timezone.localtime(meeting.starts_at).date()
    activity = (Activity.objects.filter(office=invitee.office, held_on=held_on, kind=ActivityKind.COORDINATION,
                                        title__iexact=meeting.title[:200]).first()
                or activity_create(office=invitee.office, actor=actor, data={
                    "held_on": held_on, "kind": ActivityKind.COORDINATION, "title": meeting.title[:200],
                    "partners": meeting.organiser.name}))
    output = output_create(activity=activity, actor=actor, data={
        "kind": OutputKind.WEBSITE_NEWS, "title": texts["title"], "lead": texts["lead"], "body": texts["body"]})
    invitee.news = output
    invitee.save(update_fields=["news"])
    audit_record(actor=actor, action="meetings.news.draft", target=meeting, office=invitee.office,
                 data={"output": str(output.id)})
    return output
