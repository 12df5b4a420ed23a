"""Evaluation performance benchmark: how long one evaluation of section 3 of the contract takes
on national data, and how many SQL queries it makes.

For each database (SQLite, then PostgreSQL if a server answers) this script starts itself again
as a child process with that database's environment, because Django reads its settings once per
process. The child migrates a fresh database, writes the national data set of
`benchmarks/generate.py` (514 offices x 20 quarters), then times `evaluate()` for the whole
country and for one province (Jawa Timur, 38 offices) under both missing-data rules.

    .venv/bin/python benchmarks/run_evaluation.py [--repeat 30] [--warmup 3] [--years 5]
                                                  [--only sqlite|postgresql]

`--years` sets how much history precedes the evaluated quarter (2025Q4): the evaluation must not
slow down as the years of reports pile up, so it is worth running with 10 as well.

The table is printed and written to `benchmarks/results/latest.md`; a run with a non-default
`--years` or with `--only` writes `latest-10y.md`, `latest-sqlite.md`... instead, so the reference
figures are only replaced by a full default run.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS_DIR = HERE / "results"
DEFAULT_YEARS = 5
POSTGRES_URL = os.environ.get("BAKOHUMAS_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/bakohumas_bench")
PROVINCE_CODE = "35"  # KPU Provinsi Jawa Timur: the province with the most kab/kota (38)
GOAL_MS = 200.0  # one national evaluation on a 2-core machine
DATABASES = ("sqlite", "postgresql")
NO_STATISTICS, ANALYZED = "none", "ANALYZE"


@dataclass
class Measurement:
    statistics: str  # whether the planner had table statistics (see `_phases`)
    scope: str
    missing_rule: str
    offices: int
    reported: int
    carried_forward: int
    late: int
    median_ms: float
    p95_ms: float
    min_ms: float
    queries: int


@dataclass
class DatabaseRun:
    database: str
    version: str
    period: str = ""
    offices: int = 0
    quarters: int = 0
    submissions: int = 0
    values: int = 0
    migrate_s: float = 0.0
    generate_s: float = 0.0
    repeat: int = 0
    measurements: list[Measurement] = field(default_factory=list)
    # Query counts of every province evaluation (both rules), to compare with the national one.
    province_queries: list[int] = field(default_factory=list)
    province_offices: list[int] = field(default_factory=list)
    load_before: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)


def percentile(samples: list[float], share: float) -> float:
    """Nearest-rank percentile: with 30 samples, p95 is the 29th fastest, a value that occurred."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


# --------------------------------------------------------------------------------------------
# Child process: one database.
# --------------------------------------------------------------------------------------------

def _phases(vendor: str) -> list[str]:
    """SQLite keeps no statistics unless someone runs ANALYZE, and nothing in the project does,
    so it is measured as loaded ("none") and after ANALYZE. PostgreSQL's autovacuum analyzes a
    table soon after a bulk load by itself, so only that steady state is measured (after an
    explicit ANALYZE, so the moment autovacuum wakes up cannot land in the middle of a run)."""
    return [NO_STATISTICS, ANALYZED] if vendor == "sqlite" else [ANALYZED]


def _time_evaluation(evaluate: Any, repeat: int, warmup: int, **kwargs: Any) -> tuple[Any, list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):  # fills the page cache / shared buffers and Django's own caches
        result = evaluate(**kwargs)
    # Queries are counted in a separate call: capturing them wraps every cursor, which costs time.
    with CaptureQueriesContext(connection) as captured:
        result = evaluate(**kwargs)
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        evaluate(**kwargs)
        samples.append((time.perf_counter() - started) * 1000)
    return result, samples, len(captured.captured_queries)


def run_child(database: str, out: Path, repeat: int, warmup: int, years: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bakohumas.evaluation.engine import MISSING_RULES, evaluate
    from bakohumas.offices.models import Office
    from bakohumas.reports.models import Period

    # A sibling module: running this file puts benchmarks/ first on sys.path.
    from generate import generate, period_codes

    vendor = connection.vendor
    if vendor == "sqlite":
        version = f"SQLite {connection.Database.sqlite_version}"
    else:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = f"PostgreSQL {cursor.fetchone()[0]}"
    run = DatabaseRun(database=database, version=version, repeat=repeat, load_before=os.getloadavg())

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    run.migrate_s = time.perf_counter() - started
    codes = period_codes(years)
    stats = generate(quarters=codes)
    run.generate_s, run.submissions, run.values = stats.seconds, stats.submissions, stats.values
    run.offices, run.quarters = stats.offices, stats.periods
    print(f"  {stats.submissions} reports, {stats.values} values generated in {stats.seconds:.1f} s", flush=True)

    # Collect the generator's garbage now rather than in a timed run. Python's cyclic GC stays on:
    # a web worker pays its pauses too, and they are part of the p95.
    gc.collect()

    period = Period.objects.get(code=codes[-1])  # the latest quarter, partly not updated yet
    run.period = period.code
    province = Office.objects.get(code=PROVINCE_CODE)
    scopes: list[tuple[str, Office | None]] = [
        ("Nasional", None), (f"{province.region_name} ({province.code})", province),
    ]
    for phase in _phases(vendor):
        if phase == ANALYZED:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            if vendor == "sqlite":
                connection.close()  # SQLite reads the new statistics when a connection opens
        for scope, region in scopes:
            for rule in MISSING_RULES:
                result, samples, queries = _time_evaluation(
                    evaluate, repeat, warmup, period=period, region=region, missing_rule=rule,
                )
                run.measurements.append(Measurement(
                    statistics=phase, scope=scope, missing_rule=rule, offices=result.expected,
                    reported=len(result.reported), carried_forward=len(result.carried_forward),
                    late=len(result.late), median_ms=statistics.median(samples),
                    p95_ms=percentile(samples, 0.95), min_ms=min(samples), queries=queries,
                ))
                print(f"  [statistics: {phase}] {scope}, {rule}: median {statistics.median(samples):.1f} ms",
                      flush=True)

    # The query count must not depend on how many offices are evaluated: every province against
    # the nation.
    for item in Office.objects.provinces().order_by("code"):
        for rule in MISSING_RULES:
            with CaptureQueriesContext(connection) as captured:
                result = evaluate(period=period, region=item, missing_rule=rule)
            run.province_queries.append(len(captured.captured_queries))
            run.province_offices.append(result.expected)
    run.load_after = os.getloadavg()
    out.write_text(json.dumps(asdict(run)))


# --------------------------------------------------------------------------------------------
# Parent process: prepares each database, runs the children, writes the report.
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NotRun:
    """A database that was skipped (no server) or whose child process failed."""

    note: str
    failed: bool


def _postgres_fresh(url: str) -> str | None:
    """Drops and creates the bench database, so PostgreSQL starts from a fresh schema like
    SQLite's new file (`migrate` cannot notice an initial migration edited in place). Returns why
    PostgreSQL is skipped, or None."""
    import psycopg
    from psycopg import sql

    base, name = url.rsplit("/", 1)
    if not name.endswith("_bench"):  # never drop a database that is not obviously disposable
        return f"PostgreSQL skipped: the benchmark database name must end in _bench, not {name!r}"
    try:
        with psycopg.connect(f"{base}/postgres", connect_timeout=3, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError as exc:
        return f"PostgreSQL skipped: cannot connect to {base} ({str(exc).strip().splitlines()[0]})"
    except psycopg.Error as exc:
        return f"PostgreSQL skipped: cannot recreate {name} ({str(exc).strip().splitlines()[0]})"
    return None


def _run_database(database: str, repeat: int, warmup: int, years: int) -> DatabaseRun | NotRun:
    """Runs one child; returns its figures, or why there are none."""
    with tempfile.TemporaryDirectory(prefix=f"bakohumas-bench-{database}-") as tmp:
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="bakohumas.settings", BAKOHUMAS_DATA_DIR=tmp,
                   BAKOHUMAS_DEBUG="false")
        env.pop("DATABASE_URL", None)  # SQLite: a fresh file in `tmp`
        if database == "postgresql":
            skipped = _postgres_fresh(POSTGRES_URL)
            if skipped:
                return NotRun(skipped, failed=False)
            env["DATABASE_URL"] = POSTGRES_URL
        out = Path(tmp) / "result.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--child", database, "--out", str(out),
                   "--repeat", str(repeat), "--warmup", str(warmup), "--years", str(years)]
        completed = subprocess.run(command, env=env, check=False)
        if completed.returncode != 0 or not out.exists():
            return NotRun(f"{database}: benchmark process failed (exit code {completed.returncode})", failed=True)
        data = json.loads(out.read_text())
    data["measurements"] = [Measurement(**item) for item in data["measurements"]]
    data["load_before"], data["load_after"] = tuple(data["load_before"]), tuple(data["load_after"])
    return DatabaseRun(**data)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _load(values: tuple[float, float, float]) -> str:
    return " / ".join(f"{value:.2f}" for value in values)


def render(runs: list[DatabaseRun], notes: list[str]) -> str:
    import django

    lines = [
        "# Evaluation benchmark — latest run",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M %Z')}",
        f"- machine: {os.cpu_count()} CPU ({_cpu_model()}), {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Django {django.get_version()}, "
        + ", ".join(run.version for run in runs),
    ]
    for run in runs:
        lines.append(
            f"- {run.database}: {run.offices} offices x {run.quarters} quarters = {run.submissions} reports, "
            f"{run.values} values; migrate {run.migrate_s:.1f} s, "
            f"data generation {run.generate_s:.1f} s; evaluated period {run.period}; {run.repeat} timed runs "
            f"per row; load average (1/5/15 min) before {_load(run.load_before)}, after {_load(run.load_after)}"
        )
    lines += [f"- {note}" for note in notes]
    lines += [
        "",
        "| database | statistics | scope | missing rule | offices | reported | carried fwd | late "
        "| median ms | p95 ms | min ms | SQL queries |",
        "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        for m in run.measurements:
            lines.append(
                f"| {run.database} | {m.statistics} | {m.scope} | {m.missing_rule} | {m.offices} | {m.reported} "
                f"| {m.carried_forward} | {m.late} | {m.median_ms:.1f} | {m.p95_ms:.1f} | {m.min_ms:.1f} "
                f"| {m.queries} |"
            )
    lines += ["", "## Goal", ""]
    for run in runs:
        for phase in dict.fromkeys(m.statistics for m in run.measurements):
            national = [m for m in run.measurements if m.statistics == phase and m.scope == "Nasional"]
            worst = max(m.p95_ms for m in national)
            median = max(m.median_ms for m in national)
            verdict = "met" if worst < GOAL_MS else ("met at the median only" if median < GOAL_MS else "NOT met")
            lines.append(
                f"- {run.database} (statistics: {phase}): national evaluation under {GOAL_MS:.0f} ms — {verdict} "
                f"(slowest rule: median {median:.1f} ms, p95 {worst:.1f} ms)."
            )
        national_queries = {m.queries for m in run.measurements if m.scope == "Nasional"}
        province_queries = set(run.province_queries)
        constant = len(national_queries | province_queries) == 1
        lines.append(
            f"- {run.database}: SQL queries per evaluation — national ({run.offices} offices) "
            f"{sorted(national_queries)}, "
            f"each of the {len(run.province_offices) // 2} provinces ({min(run.province_offices)}–"
            f"{max(run.province_offices)} offices, both rules) {sorted(province_queries)}: "
            + ("constant, does not grow with the number of offices." if constant else "NOT constant.")
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluation performance benchmark (SQLite and PostgreSQL).")
    parser.add_argument("--repeat", type=int, default=30, help="timed evaluations per row (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed evaluations before each row (default 3)")
    parser.add_argument("--years", type=int, default=DEFAULT_YEARS,
                        help=f"years of reports, ending 2025Q4 (default {DEFAULT_YEARS})")
    parser.add_argument("--only", choices=DATABASES, help="run one database only")
    parser.add_argument("--child", choices=DATABASES, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        run_child(args.child, args.out, args.repeat, args.warmup, args.years)
        return 0

    runs: list[DatabaseRun] = []
    notes: list[str] = []
    failed = False
    for database in [args.only] if args.only else DATABASES:
        print(f"== {database} ==", flush=True)
        outcome = _run_database(database, args.repeat, args.warmup, args.years)
        if isinstance(outcome, NotRun):
            print(outcome.note, flush=True)
            notes.append(outcome.note)
            failed |= outcome.failed
        else:
            runs.append(outcome)
    if not runs:
        print("Nothing was measured.", file=sys.stderr)
        return 1
    report = render(runs, notes)
    print()
    print(report)
    # Partial or non-default runs get their own file, so they never replace the reference figures.
    suffix = "".join(f"-{part}" for part in (
        f"{args.years}y" if args.years != DEFAULT_YEARS else "", args.only or "") if part)
    results = RESULTS_DIR / f"latest{suffix}.md"
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(report, encoding="utf-8")
    print(f"Written to {results.relative_to(HERE.parent)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
