from django.urls import path

from bakohumas.offices import views

app_name = "offices"

urlpatterns = [
    path("<str:office_code>/", views.office_detail, name="detail"),
    path("<str:office_code>/serah-terima/", views.handover_page, name="handover_page"),
    path("<str:office_code>/serah-terima/catat/", views.handover, name="handover"),
]
