"""The `.ics` attachment of an invitation (RFC 5545), built with the `icalendar` library.

One VEVENT per meeting, its UID stable across changes; SEQUENCE rises with every change sent, and a
cancellation is METHOD:CANCEL with STATUS:CANCELLED, so calendar programs update or remove the event
they already have instead of adding a second one."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, Event, vCalAddress, vText

from bakohumas.meetings.models import Meeting

PRODID = "-//KPU//Bakohumas//ID"


def meeting_uid(meeting: Meeting) -> str:
    return f"rakor-{meeting.id}@bakohumas.kpu.go.id"


def meeting_url(meeting: Meeting) -> str:
    return f"{settings.BAKOHUMAS_BASE_URL}{reverse('meetings:detail', args=[meeting.id])}"


def meeting_ics(meeting: Meeting, *, attendees: list[str] | None = None, now: dt.datetime | None = None) -> bytes:
    """The calendar file: REQUEST for an invitation or a change, CANCEL once the meeting is cancelled."""
    cancelled = meeting.is_cancelled
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", now or dt.datetime.now(dt.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(dt.UTC))
    event.add("dtend", meeting.ends_at.astimezone(dt.UTC))
    event.add("summary", meeting.title)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    location = ", ".join(part for part in (meeting.place, meeting.link) if part)
    if location:
        event.add("location", location)
    event.add("url", meeting_url(meeting))
    event.add("description", f"{meeting.organiser.name} · {meeting.get_mode_display()}\n{meeting_url(meeting)}")
    organiser = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organiser.params["cn"] = vText(meeting.organiser.name)
    event.add("organizer", organiser)
    for email in attendees or []:
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    return calendar.to_ical()
