from django.urls import path

from bakohumas.publications import views

app_name = "publications"

urlpatterns = [
    path("kegiatan/<uuid:activity_id>/sop/", views.activity_sop, name="activity_sop"),
    path("kegiatan/<uuid:activity_id>/sop/<slug:step_code>/", views.sop_mark, name="sop_mark"),
    path("kegiatan/<uuid:activity_id>/keluaran/baru/", views.output_create, name="output_create"),
    path("kegiatan/<uuid:activity_id>/keluaran/periksa/", views.output_check, name="output_check"),
    path("keluaran/<uuid:output_id>/", views.output_detail, name="output_detail"),
    path("keluaran/<uuid:output_id>/ubah/", views.output_edit, name="output_edit"),
    path("keluaran/<uuid:output_id>/ajukan/", views.output_submit, name="output_submit"),
    path("keluaran/<uuid:output_id>/setujui/", views.output_approve, name="output_approve"),
    path("keluaran/<uuid:output_id>/kembalikan/", views.output_return, name="output_return"),
    path("keluaran/<uuid:output_id>/terbitkan/", views.output_publish, name="output_publish"),
    path("kantor/<office:office_code>/", views.office_sop, name="office_sop"),
    path("provinsi/<office:region_code>/", views.sop_overview, name="sop_overview"),
]
