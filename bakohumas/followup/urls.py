from django.urls import path

from bakohumas.followup import views, views_reminders

app_name = "followup"

urlpatterns = [
    path("kantor/<str:office_code>/", views.office_actions, name="office_actions"),
    path("kantor/<str:office_code>/tambah/", views.action_add, name="action_add"),
    path("<uuid:action_id>/kemajuan/", views.action_progress, name="action_progress"),
    path("wilayah/<str:region_code>/<str:period_code>/", views.region_actions, name="region_actions"),
    path("pengingat/<str:region_code>/<str:period_code>/", views_reminders.reminders_page, name="reminders"),
    path("pengingat/<str:region_code>/<str:period_code>/kirim/", views_reminders.reminders_send,
         name="reminders_send"),
    path("pengingat/<str:region_code>/<str:period_code>/wa/<str:office_code>/", views_reminders.reminder_whatsapp,
         name="reminder_whatsapp"),
]
