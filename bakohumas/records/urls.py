from django.urls import path

from bakohumas.records import views, views_transfer

app_name = "records"

urlpatterns = [
    path("kantor/<office:office_code>/kanal/", views.channel_list, name="channel_list"),
    path("kantor/<office:office_code>/kanal/baru/", views.channel_create, name="channel_create"),
    path("kanal/<uuid:channel_id>/ubah/", views.channel_edit, name="channel_edit"),
    path("kanal/<uuid:channel_id>/hapus/", views.channel_delete, name="channel_delete"),
    path("kantor/<office:office_code>/kerja-sama/", views.partnership_list, name="partnership_list"),
    path("kantor/<office:office_code>/kerja-sama/baru/", views.partnership_create, name="partnership_create"),
    path("kerja-sama/<uuid:partnership_id>/", views.partnership_detail, name="partnership_detail"),
    path("kerja-sama/<uuid:partnership_id>/ubah/", views.partnership_edit, name="partnership_edit"),
    path("kerja-sama/<uuid:partnership_id>/hapus/", views.partnership_delete, name="partnership_delete"),
    path("kerja-sama/<uuid:partnership_id>/naskah/", views.partnership_document, name="partnership_document"),
    path("kantor/<office:office_code>/kegiatan/", views.activity_list, name="activity_list"),
    path("kantor/<office:office_code>/kegiatan/baru/", views.activity_create, name="activity_create"),
    path("kegiatan/<uuid:activity_id>/ubah/", views.activity_edit, name="activity_edit"),
    path("kegiatan/<uuid:activity_id>/hapus/", views.activity_delete, name="activity_delete"),
    path("kantor/<office:office_code>/impor/", views_transfer.import_records, name="import"),
    path("kantor/<office:office_code>/impor/simpan/", views_transfer.confirm_import, name="import_confirm"),
    path("peta-kanal/<office:region_code>/", views.channel_map, name="channel_map"),
]
