from django.urls import path

from bakohumas.offices import views

app_name = "offices"

urlpatterns = [
    path("<office:office_code>/", views.office_detail, name="detail"),
    path("<office:office_code>/serah-terima/", views.handover_page, name="handover_page"),
    path("<office:office_code>/serah-terima/catat/", views.handover, name="handover"),
    path("<office:office_code>/profil/", views.profile, name="profile"),
    path("<office:office_code>/profil/logo/", views.profile_logo, name="profile_logo"),
]
