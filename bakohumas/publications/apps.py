from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "bakohumas.publications"
    verbose_name = "Publikasi dan SOP dokumentasi"
