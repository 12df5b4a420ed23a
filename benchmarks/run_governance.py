"""Governance benchmark: the national and a province's governance pages and the network of KPU
accounts on national data — every kab/kota (514) and province (38) with an Instagram account, a
Facebook account and a website, and ~200 posts each in the quarter (2025Q2), about a fifth of
them mentioning other KPU accounts.

It runs in a fresh SQLite file in a temporary directory (the repository's `var/` is not touched);
set `DATABASE_URL` to a PostgreSQL database whose name ends in `_bench` to run there instead (its
tables are created by `migrate`; the script refuses a database that already has posts).

    .venv/bin/python benchmarks/run_governance.py [--posts 200] [--repeat 5]

Prints a markdown section: seeding time, then median / min time and SQL query count of each read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
SEED = 20251128


def _setup() -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ["BAKOHUMAS_DATA_DIR"] = tempfile.mkdtemp(prefix="bakohumas-gov-bench-")
    elif not os.environ["DATABASE_URL"].rstrip("/").endswith("_bench"):
        sys.exit("DATABASE_URL must name a database ending in _bench")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")
    os.environ.setdefault("BAKOHUMAS_SECRET_KEY", "benchmark")
    import django

    django.setup()


def _seed(posts_per_office: int) -> tuple[int, float]:
    from zoneinfo import ZoneInfo

    from bakohumas.offices.models import Office
    from bakohumas.posts.models import Post
    from bakohumas.records.models import Channel

    if Post.objects.exists():
        sys.exit("The database already has posts; use an empty one.")
    rng = random.Random(SEED)
    tz = ZoneInfo("Asia/Jakarta")
    started = time.perf_counter()
    offices = list(Office.objects.exclude(level=Office.Level.NATIONAL).order_by("code"))
    handles = {o.pk: f"kpu{o.code}" for o in offices}
    channels = []
    for office in offices:
        channels += [Channel(office=office, kind="instagram", handle=f"@{handles[office.pk]}"),
                     Channel(office=office, kind="facebook", handle=handles[office.pk]),
                     Channel(office=office, kind="website", handle=f"https://{handles[office.pk]}.kpu.go.id")]
    Channel.objects.bulk_create(channels, batch_size=2000)
    by_parent: dict[int | None, list[Office]] = {}
    for office in offices:
        by_parent.setdefault(office.parent_id, []).append(office)
    start = dt.datetime(2025, 4, 1, tzinfo=tz)
    rows = []
    total = 0
    for office in offices:
        quiet = rng.random() < 0.1  # a tenth of the offices stop posting after April
        for _i in range(posts_per_office):
            platform = rng.choices(["instagram", "facebook", "website"], weights=[6, 3, 1])[0]
            days = rng.uniform(0, 30 if quiet else 91)
            mentions = []
            if platform != "website" and rng.random() < 0.2:
                near = by_parent.get(office.parent_id, []) + [o for o in offices if o.pk == office.parent_id]
                mentions = [handles[rng.choice(near).pk] for _m in range(rng.randint(1, 2))]
            rows.append(Post(
                id=uuid.UUID(int=rng.getrandbits(128)), office=office, platform=platform,
                account=f"{handles[office.pk]}.kpu.go.id" if platform == "website" else handles[office.pk],
                published_at=start + dt.timedelta(days=days), url=f"https://example.org/{office.code}/{total}",
                text="", likes=rng.randint(0, 300), comments=rng.randint(0, 30), shares=rng.randint(0, 20),
                views=rng.randint(100, 5000) if rng.random() < 0.5 else None, mentions=mentions,
                category="seremonial" if rng.random() < 0.3 else "informasi", category_reason="benchmark",
                category_source="aturan", source="csv"))
            total += 1
            if len(rows) >= 5000:
                Post.objects.bulk_create(rows)
                rows = []
    Post.objects.bulk_create(rows)
    return total, time.perf_counter() - started


def _time(label: str, function, repeat: int) -> tuple[str, float, float, int]:
    from django.db import connection

    queries: list[str] = []

    def count(execute, sql, params, many, context):  # survives the test client's reset_queries
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        function()  # warm-up, and the query count
    times = []
    for _i in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return label, statistics.median(times), min(times), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200, help="posts per office in the quarter")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    _setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client's host in; rendering is as in production

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrate_s = time.perf_counter() - started
    posts, seed_s = _seed(args.posts)

    from bakohumas.core.periods import Quarter
    from bakohumas.governance.network import build_network
    from bakohumas.governance.selectors import office_governance, region_governance
    from bakohumas.offices.models import Office, User

    quarter = Quarter(2025, 2)
    today = dt.date(2025, 7, 15)
    nation, jatim, kediri = (Office.objects.get(code=c) for c in ("ID", "35", "3571"))
    user = User.objects.create_user(username="bench", password="x", office=nation, role=User.Role.HUMAS_RI)
    client = Client()
    client.force_login(user)

    def page(url: str):
        def get() -> None:
            assert client.get(url, {"periode": "2025Q2"}).status_code == 200
        return get

    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        cProfile.runctx("region_governance(nation, quarter, today=today)", globals(), locals(), "/tmp/gov.prof")
        pstats.Stats("/tmp/gov.prof").sort_stats("cumulative").print_stats(25)
        return
    results = [
        _time("region_governance(KPU RI, 553 offices)", lambda: region_governance(nation, quarter, today=today),
              args.repeat),
        _time("region_governance(Jawa Timur, 39 offices)", lambda: region_governance(jatim, quarter, today=today),
              args.repeat),
        _time("office_governance(Kota Kediri)", lambda: office_governance(kediri, quarter, today=today), args.repeat),
        _time("build_network(KPU RI)", lambda: build_network(nation, quarter), args.repeat),
        _time("build_network(Jawa Timur)", lambda: build_network(jatim, quarter), args.repeat),
        _time("page /tata-kelola/wilayah/ID/", page("/tata-kelola/wilayah/ID/"), args.repeat),
        _time("page /tata-kelola/jejaring/ID/", page("/tata-kelola/jejaring/ID/"), args.repeat),
    ]
    print(f"## Governance ({connection.vendor})\n")
    print(f"{Office.objects.count()} offices, {posts} posts in {quarter.label} ({args.posts} per office); "
          f"migrate {migrate_s:.1f} s, seeding (bulk_create) {seed_s:.1f} s; {args.repeat} runs after a warm-up; "
          f"load average {os.getloadavg()[0]:.2f}.\n")
    print("| read | median ms | min ms | SQL queries |\n|---|---:|---:|---:|")
    for label, median, best, queries in results:
        print(f"| {label} | {median:.0f} | {best:.0f} | {queries} |")


if __name__ == "__main__":
    main()
