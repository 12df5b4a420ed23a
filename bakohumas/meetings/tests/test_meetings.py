from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from bakohumas.audit.models import AuditEntry
from bakohumas.followup.models import Action
from bakohumas.meetings.calendar import meeting_ics
from bakohumas.meetings.models import Invitee, Meeting
from bakohumas.meetings.news import news_draft_create
from bakohumas.meetings.services import (
    attendee_add,
    direction_add,
    direction_to_actions,
    invitee_mark,
    meeting_cancel,
    meeting_invite,
    meeting_schedule,
    meeting_update,
    minutes_approve,
)
from bakohumas.meetings.tests.conftest import meeting_data
from bakohumas.offices.models import Office
from bakohumas.publications.models import OutputKind, OutputStatus
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db


def _ics(message) -> Calendar:
    [part] = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    return Calendar.from_ical(part.get_payload(decode=True))


def test_it_invites_every_kab_kota_of_the_province_by_default(meeting, jatim):
    assert meeting.invitees.count() == Office.objects.filter(parent=jatim).count() == 38


def test_only_the_provinces_evaluator_schedules(jatim, operator, outsider):
    for user in (operator, outsider):
        with pytest.raises(PermissionDenied):
            meeting_schedule(organiser=jatim, actor=user, data=meeting_data())


def test_the_ics_round_trips_with_the_library(meeting):
    calendar = Calendar.from_ical(meeting_ics(meeting, attendees=["a@kediri.example"]))
    assert calendar["METHOD"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == meeting.title
    assert event.decoded("DTSTART") == meeting.starts_at
    assert event.decoded("DTEND") == meeting.ends_at
    assert int(event["SEQUENCE"]) == 0
    assert str(event["UID"]).startswith(f"rakor-{meeting.id}")
    assert "zoom.example" in str(event["LOCATION"])


def test_invitations_go_by_real_smtp_with_the_calendar_file(meeting, evaluator, smtp_server,
                                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert meeting_invite(meeting=meeting, actor=evaluator) == 1  # only Kota Kediri has staff with addresses
    [message] = smtp_server.messages
    assert sorted(smtp_server.recipients[0]) == ["ketua@kediri.example", "operator@kediri.example"]
    assert message["Subject"] == f"Undangan: {meeting.title}"
    assert "mengundang Saudara mengikuti" in smtp_server.text()
    assert str(_ics(message).walk("VEVENT")[0]["UID"]) == f"rakor-{meeting.id}@bakohumas.kpu.go.id"
    assert AuditEntry.objects.filter(action="meetings.meeting.invite").count() == 1


def test_a_change_after_inviting_is_sent_again_with_a_higher_sequence(meeting, evaluator, smtp_server,
                                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting_invite(meeting=meeting, actor=evaluator)
        meeting_update(meeting=meeting, actor=evaluator,
                       data={"starts_at": meeting.starts_at + dt.timedelta(hours=1),
                             "ends_at": meeting.ends_at + dt.timedelta(hours=1)})
    assert len(smtp_server.messages) == 2
    assert smtp_server.messages[1]["Subject"].startswith("Perubahan jadwal")
    assert int(_ics(smtp_server.messages[1]).walk("VEVENT")[0]["SEQUENCE"]) == 1
    entry = AuditEntry.objects.get(action="meetings.meeting.update")
    assert set(entry.data["changed"]) == {"starts_at", "ends_at"}


def test_a_cancellation_is_sent_as_method_cancel(meeting, evaluator, smtp_server, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting_invite(meeting=meeting, actor=evaluator)
        meeting_cancel(meeting=meeting, actor=evaluator, reason="Bentrok jadwal")
    calendar = _ics(smtp_server.messages[1])
    assert calendar["METHOD"] == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    assert smtp_server.messages[1]["Subject"].startswith("Pembatalan")


def test_a_past_meeting_cannot_be_invited_to(meeting, evaluator):
    with pytest.raises(ValidationError, match="sudah lewat"):
        meeting_invite(meeting=meeting, actor=evaluator, now=meeting.ends_at + dt.timedelta(minutes=1))


def test_the_whatsapp_text_has_wa_me_links(client, meeting, evaluator):
    client.force_login(evaluator)
    response = client.get(reverse("meetings:detail", args=[meeting.id]))
    assert b"https://wa.me/6281234567890?text=" in response.content


def test_an_office_records_its_own_attendance_only(client, meeting, operator):
    client.force_login(operator)
    url = reverse("meetings:attendance", args=[meeting.id, "3571"])
    response = client.post(url, {"name": "Sekretaris KPU Kota Kediri", "position": "Sekretaris", "role": "sekretaris"})
    assert response.status_code == 302
    assert Invitee.objects.get(meeting=meeting, office__code="3571").presence == "present"
    other = reverse("meetings:attendance", args=[meeting.id, "3578"])  # Kota Surabaya
    assert client.post(other, {"name": "X", "position": "Y", "role": "staf"}).status_code == 404
    assert client.get(other).status_code == 404


def test_the_province_marks_offices_present_or_absent_but_does_not_write_names(meeting, evaluator):
    invitee = meeting.invitees.get(office__code="3578")
    invitee_mark(invitee=invitee, actor=evaluator, presence="absent")
    assert Invitee.objects.get(pk=invitee.pk).presence == "absent"
    with pytest.raises(PermissionDenied):
        attendee_add(invitee=invitee, actor=evaluator, name="X", position="Y", role="staf")


def test_the_attendance_list_downloads_as_pdf_and_xlsx(client, meeting, evaluator, operator):
    attendee_add(invitee=meeting.invitees.get(office__code="3571"), actor=operator, name="Staf Humas",
                 position="Operator humas", role="staf")
    client.force_login(evaluator)
    pdf = client.get(reverse("meetings:attendance_list", args=[meeting.id, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    xlsx = client.get(reverse("meetings:attendance_list", args=[meeting.id, "xlsx"]))
    from io import BytesIO

    from openpyxl import load_workbook
    sheet = load_workbook(BytesIO(xlsx.content)).active
    assert ["Staf Humas" in str(c.value) for row in sheet.iter_rows() for c in row].count(True) == 1


def test_directions_become_follow_up_actions_for_chosen_offices(meeting, evaluator, kediri):
    item = meeting.agenda.first()
    direction = direction_add(item=item, actor=evaluator, text="Lakukan evaluasi internal.")
    actions = direction_to_actions(direction=direction, actor=evaluator, due_period=period_get_or_create("2025Q3"),
                                   offices=[kediri])
    assert [a.office for a in actions] == [kediri]
    assert actions[0].agreed_period_id == "2025Q2" and actions[0].due_period_id == "2025Q3"
    # again, for everyone: Kediri gets no second one
    more = direction_to_actions(direction=direction, actor=evaluator, due_period=period_get_or_create("2025Q3"))
    assert len(more) == 37
    assert Action.objects.filter(office=kediri).count() == 1


def test_the_chair_approves_the_minutes_and_then_they_are_closed(meeting, evaluator, province_pimpinan, operator):
    item = meeting.agenda.first()
    with pytest.raises(ValidationError, match="masih kosong"):
        minutes_approve(meeting=meeting, actor=province_pimpinan)
    from bakohumas.meetings.services import item_minutes_save
    item_minutes_save(item=item, actor=evaluator, minutes="Evaluasi disampaikan.")
    with pytest.raises(PermissionDenied):
        minutes_approve(meeting=meeting, actor=evaluator)
    minutes_approve(meeting=meeting, actor=province_pimpinan)
    with pytest.raises(ValidationError):
        direction_add(item=item, actor=evaluator, text="Terlambat.")


def test_the_office_gets_a_prefilled_draft_news_item(meeting, evaluator, operator):
    invitee = meeting.invitees.get(office__code="3571")
    direction_add(item=meeting.agenda.first(), actor=evaluator, text="Bangun kolaborasi dengan pemangku "
                                                                     "kepentingan setempat.")
    with pytest.raises(ValidationError):
        news_draft_create(invitee=invitee, actor=operator)  # nobody recorded yet
    attendee_add(invitee=invitee, actor=operator, name="Sekretaris KPU Kota Kediri", position="Sekretaris",
                 role="sekretaris")
    output = news_draft_create(invitee=invitee, actor=operator)
    assert output.kind == OutputKind.WEBSITE_NEWS and output.status == OutputStatus.DRAFT
    assert "KPU Provinsi Jawa Timur" in output.lead and "daring" in output.lead
    assert "Sekretaris KPU Kota Kediri (Sekretaris)" in output.body
    assert "Penyampaian evaluasi triwulan" in output.body and "kolaborasi" in output.body
    assert news_draft_create(invitee=invitee, actor=operator) == output


def test_an_uploaded_material_is_served_through_the_scoped_view(client, meeting, evaluator, operator, outsider):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bakohumas.library.tests.conftest import PDF
    client.force_login(evaluator)
    response = client.post(reverse("meetings:agenda_add", args=[meeting.id]), {
        "title": "Arahan Divisi Sosdiklih dan Parmas",
        "material": SimpleUploadedFile("arahan.pdf", PDF, content_type="application/pdf")})
    assert response.status_code == 302
    item = meeting.agenda.get(title__startswith="Arahan")
    client.force_login(operator)
    assert client.get(reverse("meetings:material", args=[meeting.id, item.id])).status_code == 200
    client.force_login(outsider)
    assert client.get(reverse("meetings:material", args=[meeting.id, item.id])).status_code == 404


def test_the_meeting_is_cancelled_status(meeting, evaluator):
    meeting_cancel(meeting=meeting, actor=evaluator)
    assert Meeting.objects.get(pk=meeting.pk).status == "cancelled"
    assert timezone.now()  # the cancellation of a meeting never invited sends nothing


def test_changing_the_time_on_the_page_resends_and_says_so(client, meeting, evaluator, smtp_server,
                                                           django_capture_on_commit_callbacks):
    meeting_invite(meeting=meeting, actor=evaluator)
    client.force_login(evaluator)
    later = timezone.localtime(meeting.starts_at) + dt.timedelta(days=1)
    data = {"title": meeting.title, "starts_at": later.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (later + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"), "mode": "online",
            "link": meeting.link, "place": "", "period": "2025Q2", "chair_name": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:edit", args=[meeting.id]), data, follow=True)
    assert "dikirim ulang" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).sequence == 1
    assert smtp_server.messages[-1]["Subject"].startswith("Perubahan jadwal")


def test_an_office_of_another_province_cannot_be_invited(jatim, evaluator):
    with pytest.raises(ValidationError):
        meeting_schedule(organiser=jatim, actor=evaluator, data=meeting_data(),
                         offices=[Office.objects.get(code="3374")])
