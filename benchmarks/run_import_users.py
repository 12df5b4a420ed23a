"""Bulk accounts benchmark (issue 16): 3,000 rows of the account CSV (formats/akun.md) spread over every
kab/kota office, through the same parser and service as `bakohumas import-users`.

    .venv/bin/python benchmarks/run_import_users.py [--rows 3000] [--only sqlite|postgres]

SQLite runs in a fresh file in a temporary directory; PostgreSQL when DATABASE_URL is set (postgres://...;
the accounts of the benchmark's e-mail domain are deleted before and after). Each database runs in a child
process with the database task backend, so the timing includes queueing one invitation e-mail per account
for the worker (sending them is the worker's job, not the import's). Prints a markdown section and writes it
to `benchmarks/results/import-users-latest.md`.

Measured: the parse and check of the file (one query for the offices, one for existing e-mails); the import
with invitations (bulk inserts of accounts, invitations and audit rows, plus the queued tasks); the same file
parsed again (every row now an existing account, nothing to change).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from child import run_child  # noqa: E402  (a sibling module: benchmarks/ is first on sys.path)
DOMAIN = "bench.contoh.kpu.go.id"
GOAL_SECONDS = 60.0


def csv_bytes(count: int, codes: list[str]) -> bytes:
    lines = ["kode_satker,nama,email,nomor_whatsapp,peran,jabatan"]
    roles = ["operator", "operator", "operator", "ketua", "pimpinan"]
    for i in range(count):
        lines.append(f"{codes[i % len(codes)]},Pegawai Uji {i},pegawai.{i}@{DOMAIN},0812{i:08d},"
                     f"{roles[i % len(roles)]},Pelaksana")
    return ("\n".join(lines) + "\n").encode()


def child(count: int) -> dict[str, float | str]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bakohumas.accounts.services_onboarding import accounts_import
    from bakohumas.accounts.transfer import parse_accounts
    from bakohumas.offices.models import Office, User

    call_command("migrate", verbosity=0, interactive=False)

    def clear() -> None:
        User.objects.filter(email__endswith="@" + DOMAIN).delete()

    clear()
    content = csv_bytes(count, list(Office.objects.regencies().values_list("code", flat=True)))
    out: dict[str, float | str] = {"vendor": connection.vendor}
    started = time.perf_counter()
    parsed = parse_accounts(content)
    out["parse"] = time.perf_counter() - started
    assert parsed.ok, parsed.errors[:3]
    started = time.perf_counter()
    counts = accounts_import(parsed=parsed, actor=None, invite=True, source="benchmark")
    out["import"] = time.perf_counter() - started
    assert counts == {"created": count, "updated": 0, "invited": count}, counts
    started = time.perf_counter()
    again = parse_accounts(content)
    out["reparse"] = time.perf_counter() - started
    assert again.ok and not again.new_rows and not again.changed_rows
    clear()
    return out


def run(database: str, count: int) -> dict | str:
    # The invitations are queued in the database for the worker; nothing is sent to Redis.
    return run_child(__file__, database, ["--rows", str(count)], env={"BAKOHUMAS_TASKS": "database"},
                     drop=("REDIS_URL",))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.rows)))
        return
    databases = [d for d in ("sqlite", "postgres") if args.only in (None, d)]
    if "postgres" in databases and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        databases.remove("postgres")
    n = args.rows
    lines = [f"## Bulk accounts ({n:,} rows)", "",
             f"{platform.node()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
             f"load before {os.getloadavg()[0]:.2f}.", "",
             "| database | parse and check | import + queue invitations | parse again (all existing) | goal |",
             "|---|---:|---:|---:|---|"]
    for database in databases:
        result = run(database, n)
        if isinstance(result, str):
            lines.append(f"| {database} | failed: {result} | | | |")
            continue
        total = result["parse"] + result["import"]
        lines.append(f"| {result['vendor']} | {result['parse']:.2f} s | {result['import']:.2f} s | "
                     f"{result['reparse']:.2f} s | {'met' if total < GOAL_SECONDS else 'missed'} "
                     f"({total:.1f} s < {GOAL_SECONDS:.0f} s) |")
    if "postgres" not in databases:
        lines += ["", "PostgreSQL skipped: set DATABASE_URL=postgres://... to include it."]
    text = "\n".join(lines) + "\n"
    print(text)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "import-users-latest.md").write_text(text)


if __name__ == "__main__":
    main()
