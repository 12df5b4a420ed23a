from django.urls import path

from bakohumas.quality import views

app_name = "quality"

urlpatterns = [
    path("", views.standard, name="standard"),
    path("ubah/", views.standard_edit, name="standard_edit"),
    path("coba/", views.try_file, name="try"),
]
