from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "bakohumas.jobs"
    verbose_name = "Pekerjaan latar belakang"
