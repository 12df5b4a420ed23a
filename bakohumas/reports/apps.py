from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "bakohumas.reports"
    verbose_name = "Laporan triwulan"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from bakohumas.reports.default_form import load_default_form_after_migrate

        post_migrate.connect(load_default_form_after_migrate, sender=self)
