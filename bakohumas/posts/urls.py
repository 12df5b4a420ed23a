from django.urls import path

from bakohumas.posts import views

app_name = "posts"

urlpatterns = [
    path("kantor/<office:office_code>/", views.post_list, name="post_list"),
    path("unggahan/<uuid:post_id>/koreksi/", views.post_correct_view, name="post_correct"),
    path("kantor/<office:office_code>/impor/", views.import_posts, name="import"),
    path("kantor/<office:office_code>/impor/simpan/", views.import_confirm, name="import_confirm"),
    path("kantor/<office:office_code>/feed/", views.feed_list, name="feed_list"),
    path("kantor/<office:office_code>/feed/ambil/", views.feed_fetch_now, name="feed_fetch"),
    path("feed/<uuid:feed_id>/hapus/", views.feed_delete_view, name="feed_delete"),
]
