from django.urls import path

from bakohumas.governance import views

app_name = "governance"

urlpatterns = [
    path("kantor/<office:office_code>/", views.office_overview, name="office"),
    path("wilayah/<office:region_code>/", views.region_overview, name="region"),
    path("jejaring/<office:office_code>/", views.network, name="network"),
    path("kalender/<office:office_code>/", views.content_calendar, name="calendar"),
    path("kalender/<office:office_code>/baru/", views.plan_create, name="plan_create"),
    path("rencana/<uuid:plan_id>/ubah/", views.plan_edit, name="plan_edit"),
]
