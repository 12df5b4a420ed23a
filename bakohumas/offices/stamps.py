"""Office stamps: a version number per office that the database itself increments whenever a row the
office home page shows is inserted, updated or deleted, so that a cached page can never outlive its
data, whether the write came from a service, a bulk import, the admin or raw SQL.

The triggers are made again (idempotently) after every `migrate`, because SQLite drops a table's
triggers when a migration rebuilds the table. A table the home page starts to read must be added to
STAMPED: `offices/tests/test_home_cache.py` compares this list with the tables the uncached page
actually queries.
"""

from __future__ import annotations

from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

# (table, column naming the office; "" for rows every office shows, stamped as office 0)
STAMPED: tuple[tuple[str, str], ...] = (
    ("reports_submission", "office_id"),
    ("reports_period", ""),
    ("records_channel", "office_id"),
    ("records_partnership", "office_id"),
    ("records_activity", "office_id"),
    ("offices_positionterm", "office_id"),
    ("offices_office", "id"),
    ("offices_user", "office_id"),
)
GLOBAL = 0
_UPSERT = "ON CONFLICT (office_id) DO UPDATE SET version = offices_officestamp.version + 1"

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION offices_stamp_bump() RETURNS trigger AS $$
DECLARE
    target bigint;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        target := CASE WHEN TG_ARGV[0] = '' THEN 0 ELSE (to_jsonb(OLD) ->> TG_ARGV[0])::bigint END;
        IF target IS NOT NULL THEN
            INSERT INTO offices_officestamp (office_id, version) VALUES (target, 1) {_UPSERT};
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        target := CASE WHEN TG_ARGV[0] = '' THEN 0 ELSE (to_jsonb(NEW) ->> TG_ARGV[0])::bigint END;
        IF target IS NOT NULL THEN
            INSERT INTO offices_officestamp (office_id, version) VALUES (target, 1) {_UPSERT};
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def _sqlite_bump(row: str, column: str) -> str:
    if not column:
        return f"INSERT INTO offices_officestamp (office_id, version) VALUES ({GLOBAL}, 1) {_UPSERT};"
    # The WHERE skips rows without an office, and SQLite needs one to parse INSERT … SELECT … ON CONFLICT.
    return (f"INSERT INTO offices_officestamp (office_id, version) SELECT {row}.{column}, 1 "
            f"WHERE {row}.{column} IS NOT NULL {_UPSERT};")


def _sqlite_statements(table: str, column: str) -> list[str]:
    statements = []
    for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
        bumps = " ".join(_sqlite_bump(row, column) for row in rows)
        statements.append(f"CREATE TRIGGER IF NOT EXISTS offices_stamp_{table}_{event.lower()} AFTER {event} "
                          f"ON {table} FOR EACH ROW BEGIN {bumps} END")
    return statements


def install_triggers(connection: BaseDatabaseWrapper) -> list[str]:
    """Make the triggers that are missing on `connection`; the tables that do not exist yet are left
    out. Returns the stamped tables found."""
    tables = set(connection.introspection.table_names())
    present = [(table, column) for table, column in STAMPED if table in tables]
    if "offices_officestamp" not in tables:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_FUNCTION)
            for table, column in present:
                cursor.execute(f"CREATE OR REPLACE TRIGGER offices_stamp AFTER INSERT OR UPDATE OR DELETE "
                               f"ON {table} FOR EACH ROW EXECUTE FUNCTION offices_stamp_bump('{column}')")
        elif connection.vendor == "sqlite":
            for table, column in present:
                for statement in _sqlite_statements(table, column):
                    cursor.execute(statement)
        else:  # pragma: no cover - the project supports SQLite and PostgreSQL only
            raise NotImplementedError(f"Office stamps need SQLite or PostgreSQL; this database is {connection.vendor}.")
    return [table for table, _column in present]


def install_triggers_after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    install_triggers(connections[using])


def office_stamp(office_id: int) -> tuple[int, int]:
    """(the office's version, the version of what every office shows): one small query."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT office_id, version FROM offices_officestamp WHERE office_id IN (%s, %s)",
                       [office_id, GLOBAL])
        versions = dict(cursor.fetchall())
    return versions.get(office_id, 0), versions.get(GLOBAL, 0)
