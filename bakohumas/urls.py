from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from bakohumas.accounts import views_onboarding
from bakohumas.api import api
from bakohumas.core.health import health
from bakohumas.library.views_public import oai_endpoint
from bakohumas.offices.views import home

urlpatterns = [
    path("", home, name="home"),
    path("masuk/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    # Onboarding (issue 16): public pages of the invitation and password recovery links
    path("undangan/<str:token>/", views_onboarding.invitation_accept, name="invitation"),
    path("sandi/lupa/", views_onboarding.RecoveryView.as_view(), name="password_reset"),
    path("sandi/lupa/terkirim/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("sandi/atur/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("sandi/atur/selesai/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("bahasa/", set_language, name="set_language"),
    path("sehat/", health, name="health"),
    path("akun/", include("bakohumas.accounts.urls")),
    path("audit/", include("bakohumas.audit.urls")),
    path("kantor/", include("bakohumas.offices.urls")),
    path("laporan/", include("bakohumas.reports.urls")),
    path("evaluasi/", include("bakohumas.evaluation.urls")),
    path("ppid/", include("bakohumas.ppid.urls")),
    path("perpustakaan/", include("bakohumas.library.urls")),
    path("oai", oai_endpoint, name="oai"),
    path("tindak-lanjut/", include("bakohumas.followup.urls")),
    path("catatan/", include("bakohumas.records.urls")),
    path("standar-mutu/", include("bakohumas.quality.urls")),
    path("dokumentasi/", include("bakohumas.media.urls")),
    path("publikasi/", include("bakohumas.publications.urls")),
    path("medsos/", include("bakohumas.posts.urls")),
    path("tata-kelola/", include("bakohumas.governance.urls")),
    path("unduhan/", include("bakohumas.jobs.urls")),
    path("rakor/", include("bakohumas.meetings.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
