from django.urls import path

from bakohumas.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.entry_list, name="list"),
    path("<uuid:entry_id>/", views.entry_detail, name="detail"),
]
