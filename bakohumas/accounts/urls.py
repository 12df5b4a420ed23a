from django.urls import path

from bakohumas.accounts import views, views_onboarding

app_name = "accounts"
urlpatterns = [
    path("", views.index, name="index"),
    path("2fa/pasang/", views.setup, name="setup"),
    path("2fa/verifikasi/", views.verify, name="verify"),
    path("2fa/matikan/", views.disable, name="disable"),
    path("sandi/", views.password_change, name="password_change"),
    path("sandi/selesai/", views.password_change_done, name="password_change_done"),
    # Invitations (issue 16)
    path("undangan/", views_onboarding.invitation_list, name="invitations"),
    path("undangan/baru/", views_onboarding.invite, name="invite"),
    path("undangan/<uuid:invitation_id>/kirim-ulang/", views_onboarding.invitation_resend, name="invitation_resend"),
    path("undangan/<uuid:invitation_id>/batalkan/", views_onboarding.invitation_revoke, name="invitation_revoke"),
    path("impor/", views_onboarding.import_accounts, name="import"),
    path("impor/simpan/", views_onboarding.import_accounts_confirm, name="import_confirm"),
    path("impor/templat.<str:kind>", views_onboarding.import_template, name="import_template"),
]
