from django.urls import path

from bakohumas.media import views, views_upload

app_name = "media"

urlpatterns = [
    path("kegiatan/<uuid:activity_id>/", views.activity_media, name="activity_media"),
    path("kegiatan/<uuid:activity_id>/unggah/", views_upload.upload, name="upload"),
    path("kegiatan/<uuid:activity_id>/unggah-bertahap/", views_upload.upload_start, name="upload_start"),
    path("unggah-bertahap/<uuid:session_id>/", views_upload.upload_chunk, name="upload_chunk"),
    path("kegiatan/<uuid:activity_id>/turunan/", views.derivatives_remake, name="derivatives_remake"),
    path("kegiatan/<uuid:activity_id>/zip/", views.channel_zip, name="channel_zip"),
    path("berkas/<uuid:media_id>/ubah/", views.media_edit, name="edit"),
    path("berkas/<uuid:media_id>/hapus/", views.media_delete, name="delete"),
    path("berkas/<uuid:media_id>/asli/", views.media_original, name="original"),
    path("turunan/<uuid:derivative_id>/", views.derivative_file, name="derivative"),
]
