from django.apps import AppConfig


class OfficesConfig(AppConfig):
    name = "bakohumas.offices"
    verbose_name = "Satuan kerja dan pengguna"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from bakohumas.offices.reference import load_reference_data_after_migrate
        from bakohumas.offices.stamps import install_triggers_after_migrate

        post_migrate.connect(load_reference_data_after_migrate, sender=self)
        post_migrate.connect(install_triggers_after_migrate, sender=self)
