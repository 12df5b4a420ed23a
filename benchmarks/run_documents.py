"""Evaluation documents and page benchmark: how long each document (xlsx, pdf, docx, pptx) takes
for a province (Jawa Timur, 38 offices) and for the nation (514 offices), and how long the
evaluation page takes to answer.

The script starts itself again as a child process with a fresh SQLite database in a temporary
directory (`BAKOHUMAS_DATA_DIR`; your own data is never touched), migrates it, writes the national
data set of `benchmarks/generate.py` and measures, for the latest quarter:

- the first document of the process ("cold": imports matplotlib and WeasyPrint, loads fonts),
- each format per scope after one warm-up call (median and slowest of `--repeat` calls), which is
  what a background worker that has already rendered one document sees,
- the parts of one report: `build_report()` (SQL) and the charts (matplotlib),
- the evaluation page, the national dashboard, a scorecard and the national reminders page through
  Django's test client (median and p95 of 20 requests, SQL queries).

    .venv/bin/python benchmarks/run_documents.py [--repeat 3] [--years 2]

The table is printed and written to `benchmarks/results/documents-latest.md`.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "documents-latest.md"
PROVINCE_CODE = "35"
FORMATS = ("xlsx", "pdf", "docx", "pptx")
GOALS_S = {"province": 3.0, "nation": 15.0}
PAGE_GOAL_MS = 300.0


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def run_child(out: Path, repeat: int, years: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bakohumas.evaluation.documents import render_document
    from bakohumas.evaluation.report import build_report
    from bakohumas.offices.models import Office, User
    from bakohumas.reports.models import Period

    from generate import generate, period_codes  # a sibling module: benchmarks/ is first on sys.path

    data: dict[str, Any] = {"load_before": os.getloadavg(), "documents": [], "parts": [], "pages": []}
    call_command("migrate", verbosity=0, interactive=False)
    codes = period_codes(years)
    stats = generate(quarters=codes)
    data.update(submissions=stats.submissions, values=stats.values, offices=stats.offices, quarters=stats.periods)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # what `bakohumas migrate` leaves behind on an installation
    period = Period.objects.get(code=codes[-1])
    data["period"] = period.code
    province = Office.objects.get(code=PROVINCE_CODE)
    scopes = [("province", f"{province.region_name} ({province.code})", province), ("nation", "Nasional", None)]

    started = time.perf_counter()
    render_document("pdf", region=province, period=period)
    data["cold_s"] = time.perf_counter() - started
    print(f"  first document of the process (pdf, province): {data['cold_s']:.2f} s", flush=True)

    for key, label, region in scopes:
        samples_build, samples_charts = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            report = build_report(region, period)
            middle = time.perf_counter()
            report.charts  # noqa: B018
            samples_build.append(middle - started)
            samples_charts.append(time.perf_counter() - middle)
        data["parts"].append({"scope": label, "build_s": statistics.median(samples_build),
                              "charts_s": statistics.median(samples_charts)})
        for fmt in FORMATS:
            content, _name, _type = render_document(fmt, region=region, period=period)  # warm-up
            samples = []
            for _ in range(repeat):
                started = time.perf_counter()
                render_document(fmt, region=region, period=period)
                samples.append(time.perf_counter() - started)
            data["documents"].append({"key": key, "scope": label, "format": fmt, "median_s": statistics.median(samples),
                                      "max_s": max(samples), "bytes": len(content)})
            print(f"  {label} {fmt}: median {statistics.median(samples):.2f} s", flush=True)

    user = User.objects.create_user("bench.ri", password="x", office=Office.objects.get(code=Office.NATIONAL_CODE),
                                    role=User.Role.HUMAS_RI)
    client = Client()
    client.force_login(user)
    pages = [(f"evaluation {label}", f"/evaluasi/{region.code if region else Office.NATIONAL_CODE}/{period.code}/")
             for _key, label, region in scopes]
    pages += [
        ("national dashboard", f"/evaluasi/nasional/{period.code}/"),
        ("scorecard of one office", f"/evaluasi/kantor/{Office.objects.regencies().first().code}/{period.code}/"),
        ("reminders, whole nation", f"/tindak-lanjut/pengingat/{Office.NATIONAL_CODE}/{period.code}/"),
    ]
    for label, url in pages:
        for _ in range(2):
            assert client.get(url, HTTP_HOST="localhost").status_code == 200
        # Counted with a wrapper: the test client's request_started signal empties the query log
        # that CaptureQueriesContext reads.
        executed: list[str] = []

        def count(execute: Any, sql: str, params: Any, many: bool, context: Any, log: list[str] = executed) -> Any:
            log.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url, HTTP_HOST="localhost")
        samples = []
        for _ in range(20):
            started = time.perf_counter()
            client.get(url, HTTP_HOST="localhost")
            samples.append((time.perf_counter() - started) * 1000)
        data["pages"].append({"scope": label, "median_ms": statistics.median(samples),
                              "p95_ms": _percentile(samples, 0.95), "queries": len(executed)})
        print(f"  page {label}: median {statistics.median(samples):.0f} ms", flush=True)
    data["load_after"] = os.getloadavg()
    out.write_text(json.dumps(data), encoding="utf-8")


def render(data: dict[str, Any], repeat: int) -> str:
    load = " / ".join(f"{v:.2f}" for v in data["load_before"]), " / ".join(f"{v:.2f}" for v in data["load_after"])
    lines = [
        "# Documents benchmark — latest run", "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M %Z')}; {os.cpu_count()} CPU, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, SQLite (after ANALYZE)",
        f"- data: {data['offices']} offices x {data['quarters']} quarters = {data['submissions']} reports, "
        f"{data['values']} values; evaluated period {data['period']}; load average before {load[0]}, after {load[1]}",
        f"- first document of a fresh process (PDF, province; imports matplotlib and WeasyPrint): "
        f"{data['cold_s']:.2f} s",
        "", f"| scope | format | median s | slowest s ({repeat} runs) | size KB | goal |",
        "|---|---|---:|---:|---:|---|",
    ]
    for d in data["documents"]:
        goal = GOALS_S[d["key"]]
        verdict = "met" if d["max_s"] < goal else ("met at the median" if d["median_s"] < goal else "NOT met")
        lines.append(f"| {d['scope']} | {d['format']} | {d['median_s']:.2f} | {d['max_s']:.2f} | "
                     f"{d['bytes'] / 1024:.0f} | < {goal:.0f} s: {verdict} |")
    lines += ["", "| scope | build_report() s | charts s |", "|---|---:|---:|"]
    lines += [f"| {p['scope']} | {p['build_s']:.2f} | {p['charts_s']:.2f} |" for p in data["parts"]]
    lines += ["", "| page | median ms | p95 ms | SQL queries | goal |", "|---|---:|---:|---:|---|"]
    for p in data["pages"]:
        verdict = "met" if p["p95_ms"] < PAGE_GOAL_MS else ("met at the median" if p["median_ms"] < PAGE_GOAL_MS
                                                              else "NOT met")
        lines.append(f"| {p['scope']} | {p['median_ms']:.0f} | {p['p95_ms']:.0f} | {p['queries']} | "
                     f"< {PAGE_GOAL_MS:.0f} ms: {verdict} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluation documents and page benchmark (SQLite).")
    parser.add_argument("--repeat", type=int, default=3, help="timed renders per format and scope (default 3)")
    parser.add_argument("--years", type=int, default=2, help="years of reports before the evaluated quarter")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.out, args.repeat, args.years)
        return 0
    with tempfile.TemporaryDirectory(prefix="bakohumas-bench-documents-") as tmp:
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="bakohumas.settings", BAKOHUMAS_DATA_DIR=tmp,
                   BAKOHUMAS_DEBUG="false")
        env.pop("DATABASE_URL", None)
        out = Path(tmp) / "result.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--child", "--out", str(out),
                   "--repeat", str(args.repeat), "--years", str(args.years)]
        completed = subprocess.run(command, env=env, check=False)
        if completed.returncode != 0 or not out.exists():
            print(f"benchmark process failed (exit code {completed.returncode})", file=sys.stderr)
            return 1
        data = json.loads(out.read_text())
    report = render(data, args.repeat)
    print()
    print(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")
    print(f"Written to {RESULTS.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
