from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "bakohumas.audit"
    verbose_name = "Jejak audit"
