from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bakohumas.core"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

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
