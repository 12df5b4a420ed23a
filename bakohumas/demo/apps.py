from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "bakohumas.demo"
    verbose_name = "Data demo"
