from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bakohumas.core"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from django.urls import register_converter

        from bakohumas.core import checks  # noqa: F401 (registers the deployment checks)
        from bakohumas.core.converters import OfficeCodeConverter, PeriodCodeConverter
        from bakohumas.core.forms import use_plain_number_messages

        use_plain_number_messages()

        # <office:office_code> and <period:period_code> in every app's urls
        register_converter(OfficeCodeConverter, "office")
        register_converter(PeriodCodeConverter, "period")

        post_migrate.connect(analyze_sqlite_after_migrate, sender=self)


def analyze_sqlite_after_migrate(sender, using="default", **kwargs) -> None:
    """SQLite plans queries well only with table statistics, which it never gathers on its own; the
    evaluation is 2-4x faster with them (docs/benchmarks.md). PostgreSQL's autovacuum does this."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA optimize")
            cursor.execute("ANALYZE")
