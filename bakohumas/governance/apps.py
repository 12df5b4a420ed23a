from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "bakohumas.governance"
    verbose_name = "Tata kelola media sosial"
