from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "bakohumas.media"
    verbose_name = "Dokumentasi kegiatan"
