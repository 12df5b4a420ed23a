from django.apps import AppConfig


class PpidConfig(AppConfig):
    name = "bakohumas.ppid"
    verbose_name = "PPID"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from bakohumas.ppid.default_rules import load_default_rule_sets_after_migrate

        post_migrate.connect(load_default_rule_sets_after_migrate, sender=self)
