from django.urls import path

from bakohumas.ppid import views, views_manage, views_public

app_name = "ppid"

urlpatterns = [
    # Public (no login)
    path("", views_public.public_index, name="public_index"),
    path("lacak/<str:token>/", views_public.track, name="track"),
    path("<office:office_code>/permohonan/", views_public.public_request, name="public_request"),
    path("<office:office_code>/dip/", views_public.public_dip, name="public_dip"),
    # Staff
    path("kantor/<office:office_code>/", views.request_list, name="request_list"),
    path("kantor/<office:office_code>/baru/", views.request_new, name="request_new"),
    path("kantor/<office:office_code>/dip/", views_manage.dip_manage, name="dip_manage"),
    path("permohonan/<uuid:request_id>/", views.request_detail_page, name="request_detail"),
    path("permohonan/<uuid:request_id>/surat-kuasa/", views.power_of_attorney, name="power_of_attorney"),
    path("permohonan/<uuid:request_id>/tidak-lengkap/", views.flag_incomplete, name="request_incomplete"),
    path("permohonan/<uuid:request_id>/dilengkapi/", views.mark_completed, name="request_completed"),
    path("permohonan/<uuid:request_id>/perpanjang/", views.extend, name="request_extend"),
    path("permohonan/<uuid:request_id>/putusan/", views.decide, name="request_decide"),
    path("permohonan/<uuid:request_id>/keberatan/", views.objection_add, name="objection_add"),
    path("permohonan/<uuid:request_id>/sengketa/", views.dispute_add, name="dispute_add"),
    path("permohonan/<uuid:request_id>/pemberitahuan.<str:fmt>", views_manage.notice_document, name="notice"),
    path("permohonan/<uuid:request_id>/perpanjangan.<str:fmt>", views_manage.extension_document, name="extension_letter"),
    path("permohonan/<uuid:request_id>/nomor-surat/", views_manage.letter_number_set, name="letter_number"),
    path("keberatan/<uuid:objection_id>/surat.<str:fmt>", views_manage.objection_document, name="objection_letter"),
    path("keberatan/<uuid:objection_id>/tanggapan/", views.objection_answer, name="objection_answer"),
    path("sengketa/<uuid:dispute_id>/", views.dispute_update, name="dispute_update"),
    path("pemantauan/<office:region_code>/", views_manage.monitoring_page, name="monitoring"),
    path("laporan/<office:region_code>/", views_manage.report_page, name="report"),
    path("laporan/<office:region_code>/unduh.<str:fmt>", views_manage.report_export, name="report_export"),
    path("dik/", views_manage.exempt_list, name="exempt_list"),
    path("dik/tambah/", views_manage.exempt_add, name="exempt_add"),
    path("hari-libur/", views_manage.non_working_days, name="non_working_days"),
    path("hari-libur/tambah/", views_manage.non_working_day_create, name="non_working_day_add"),
]
