from django.urls import path

from bakohumas.followup import views, views_reminders

app_name = "followup"

urlpatterns = [
    path("kantor/<office:office_code>/", views.office_actions, name="office_actions"),
    path("kantor/<office:office_code>/tambah/", views.action_add, name="action_add"),
    path("<uuid:action_id>/kemajuan/", views.action_progress, name="action_progress"),
    path("wilayah/<office:region_code>/<period:period_code>/", views.region_actions, name="region_actions"),
    path("pengingat/<office:region_code>/<period:period_code>/", views_reminders.reminders_page, name="reminders"),
    path("pengingat/<office:region_code>/<period:period_code>/kirim/", views_reminders.reminders_send,
         name="reminders_send"),
    path("pengingat/<office:region_code>/<period:period_code>/wa/<office:office_code>/", views_reminders.reminder_whatsapp,
         name="reminder_whatsapp"),
]
