from django.urls import path

from bakohumas.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.index, name="index"),
    path("2fa/pasang/", views.setup, name="setup"),
    path("2fa/verifikasi/", views.verify, name="verify"),
    path("2fa/matikan/", views.disable, name="disable"),
    path("sandi/", views.password_change, name="password_change"),
    path("sandi/selesai/", views.password_change_done, name="password_change_done"),
]
