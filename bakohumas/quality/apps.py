from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "bakohumas.quality"
    verbose_name = "Standar mutu dokumentasi"
