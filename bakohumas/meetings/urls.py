from django.urls import path

from bakohumas.meetings import views, views_attendance, views_minutes

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("baru/", views.meeting_create, name="create"),
    path("nasional/", views.national, name="national"),
    path("<uuid:meeting_id>/", views.meeting_detail, name="detail"),
    path("<uuid:meeting_id>/ubah/", views.meeting_edit, name="edit"),
    path("<uuid:meeting_id>/undang/", views.meeting_invite_send, name="invite"),
    path("<uuid:meeting_id>/batal/", views.meeting_cancel_view, name="cancel"),
    path("<uuid:meeting_id>/undangan.ics", views.meeting_calendar, name="ics"),
    path("<uuid:meeting_id>/undangan.pdf", views.invitation_letter, name="letter"),
    path("<uuid:meeting_id>/acara/", views.agenda_add, name="agenda_add"),
    path("<uuid:meeting_id>/acara/<uuid:item_id>/bahan/", views.material, name="material"),
    path("<uuid:meeting_id>/acara/<uuid:item_id>/evaluasi/", views.material_evaluation, name="material_evaluation"),
    path("<uuid:meeting_id>/hadir/<office:office_code>/", views_attendance.attendance, name="attendance"),
    path("<uuid:meeting_id>/hadir/<office:office_code>/<uuid:attendee_id>/hapus/", views_attendance.attendee_delete,
         name="attendee_delete"),
    path("<uuid:meeting_id>/hadir/<office:office_code>/tandai/", views_attendance.presence, name="presence"),
    path("<uuid:meeting_id>/hadir/<office:office_code>/berita/", views_attendance.news_draft, name="news_draft"),
    path("<uuid:meeting_id>/daftar-hadir.<str:fmt>", views_attendance.attendance_list, name="attendance_list"),
    path("<uuid:meeting_id>/notulen/", views_minutes.minutes, name="minutes"),
    path("<uuid:meeting_id>/notulen/<uuid:item_id>/", views_minutes.item_minutes, name="item_minutes"),
    path("<uuid:meeting_id>/notulen/<uuid:item_id>/arahan/", views_minutes.direction_create, name="direction_add"),
    path("<uuid:meeting_id>/arahan/<uuid:direction_id>/tindak-lanjut/", views_minutes.direction_actions,
         name="direction_actions"),
    path("<uuid:meeting_id>/notulen/setujui/", views_minutes.approve, name="minutes_approve"),
    path("<uuid:meeting_id>/notulen.<str:fmt>", views_minutes.minutes_document, name="minutes_document"),
]
