from django.urls import path

from bakohumas.library import views, views_isbn, views_public

app_name = "library"

urlpatterns = [
    path("", views.record_list, name="record_list"),
    path("katalog/baru/", views.record_create_view, name="record_create"),
    path("katalog/<uuid:record_id>/", views.record_detail, name="record_detail"),
    path("katalog/<uuid:record_id>/ubah/", views.record_edit, name="record_edit"),
    path("katalog/<uuid:record_id>/hapus/", views.record_delete_view, name="record_delete"),
    path("katalog/<uuid:record_id>/eksemplar/", views.item_add_view, name="item_add"),
    path("katalog/<uuid:record_id>/berkas/", views.file_add_view, name="file_add"),
    path("katalog/<uuid:record_id>/berkas/<uuid:file_id>/", views.file_download, name="file_download"),
    path("katalog/<uuid:record_id>/isbn/", views_isbn.application_create_view, name="application_create"),
    path("ekspor/<str:fmt>/", views.catalogue_export, name="export"),
    path("impor/", views.catalogue_import, name="import"),
    path("isbn/", views_isbn.application_list, name="application_list"),
    path("isbn/<uuid:application_id>/", views_isbn.application_detail, name="application_detail"),
    path("isbn/<uuid:application_id>/kirim/", views_isbn.application_submit_view, name="application_submit"),
    path("isbn/<uuid:application_id>/kembalikan/", views_isbn.application_return_view, name="application_return"),
    path("isbn/<uuid:application_id>/teruskan/", views_isbn.application_forward_view, name="application_forward"),
    path("isbn/<uuid:application_id>/terbit/", views_isbn.application_assign_view, name="application_assign"),
    path("isbn/<uuid:application_id>/serah-simpan/", views_isbn.application_deposit_view,
         name="application_deposit"),
    path("isbn/<uuid:application_id>/bagian/<slug:kind>/", views_isbn.part_download, name="part_download"),
    path("opac/", views_public.opac_search_view, name="opac_search"),
    path("opac/<uuid:record_id>/", views_public.opac_detail, name="opac_detail"),
    path("opac/<uuid:record_id>/berkas/<uuid:file_id>/", views_public.opac_file, name="opac_file"),
    path("opac/<uuid:record_id>/sampul/", views_public.opac_cover, name="cover"),
    path("opac/<uuid:record_id>/kutip/<str:fmt>/", views_public.opac_cite, name="opac_cite"),
]
