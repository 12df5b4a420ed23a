from django.urls import path

from bakohumas.accounts import views, views_manage, views_onboarding

app_name = "accounts"
urlpatterns = [
    path("", views.index, name="index"),
    path("2fa/pasang/", views.setup, name="setup"),
    path("2fa/verifikasi/", views.verify, name="verify"),
    path("2fa/matikan/", views.disable, name="disable"),
    path("sandi/", views.password_change, name="password_change"),
    path("sandi/selesai/", views.password_change_done, name="password_change_done"),
    # Account management for managers (views_manage.py).
    path("kelola/", views_manage.account_list, name="manage_list"),
    path("kelola/<uuid:account_id>/", views_manage.account_detail, name="manage_detail"),
    path("kelola/<uuid:account_id>/nonaktifkan/", views_manage.account_deactivate, name="manage_deactivate"),
    path("kelola/<uuid:account_id>/aktifkan/", views_manage.account_reactivate, name="manage_reactivate"),
    path("kelola/<uuid:account_id>/penempatan/", views_manage.account_assign, name="manage_assign"),
    path("kelola/<uuid:account_id>/atur-ulang-2fa/", views_manage.account_two_factor_reset,
         name="manage_two_factor_reset"),
    path("kelola/<uuid:account_id>/sesi/keluar-semua/", views_manage.account_sessions_end,
         name="manage_sessions_end"),
    path("kelola/<uuid:account_id>/sesi/<uuid:session_id>/keluar/", views_manage.account_session_end,
         name="manage_session_end"),
    path("sesi/", views_manage.session_list, name="sessions"),
    path("sesi/keluar-lainnya/", views_manage.sessions_end_others, name="sessions_end_others"),
    path("sesi/<uuid:session_id>/keluar/", views_manage.session_end, name="session_end"),
    path("2fa/kode-cadangan/", views_manage.backup_codes, name="backup_codes"),
    # Invitations (issue 16)
    path("undangan/", views_onboarding.invitation_list, name="invitations"),
    path("undangan/baru/", views_onboarding.invite, name="invite"),
    path("undangan/<uuid:invitation_id>/kirim-ulang/", views_onboarding.invitation_resend, name="invitation_resend"),
    path("undangan/<uuid:invitation_id>/batalkan/", views_onboarding.invitation_revoke, name="invitation_revoke"),
    path("impor/", views_onboarding.import_accounts, name="import"),
    path("impor/simpan/", views_onboarding.import_accounts_confirm, name="import_confirm"),
    path("impor/templat.<str:kind>", views_onboarding.import_template, name="import_template"),
]
