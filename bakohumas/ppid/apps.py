from django.apps import AppConfig


class PpidConfig(AppConfig):
    name = "bakohumas.ppid"
    verbose_name = "PPID"
