"""Posts import benchmark: 100,000 canonical rows through `posts_import` (checking, channel
matching, one `classify_texts` call, bulk upsert on the URL, audit) compared with a bare
`Post.objects.bulk_create` of the same rows, already checked and with a constant category
(the timing includes making the `Post` objects from the checked values, as any bulk insert must).

    .venv/bin/python benchmarks/run_posts_import.py [--posts 100000] [--only sqlite|postgres]

SQLite runs in a fresh file in a temporary directory; PostgreSQL runs when DATABASE_URL is set
(postgres://...; the posts of the benchmark office are deleted before each step, nothing else is
touched). Each database runs in a child process (settings are read once per process). Prints a
markdown section and writes it to `benchmarks/results/posts-import-latest.md` (`-sqlite`/`-postgres` with `--only`).

Measured, each on an empty posts table except the re-import:
- `posts_import` with the shipped classifier (the whole import as the page and command run it);
- `posts_import` with a constant stand-in classifier (the import's own cost);
- the same 100,000 rows imported again unchanged (one lookup per 500 URLs, nothing written);
- the bare `bulk_create` (1,000 rows per INSERT) of the same rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from child import run_child  # noqa: E402  (a sibling module: benchmarks/ is first on sys.path)

TEXTS = [
    "Jadwal pencocokan dan penelitian data pemilih dimulai {d} Juli. Pastikan Anda terdaftar! #{n}",
    "Selamat Hari Raya Idul Adha 1446 H. Mohon maaf lahir dan batin. {n}",
    "Rapat koordinasi pemutakhiran data pemilih bersama Dispendukcapil menghasilkan {n} pemilih baru.",
    "Dirgahayu Republik Indonesia ke-80! Merdeka! #{n}",
    "Layanan cek DPT online dibuka sampai {d} Agustus; hubungi PPS setempat. Nomor {n}",
    "Sosialisasi pendidikan pemilih pemula di SMA {d} bersama {n} siswa.",
    "Apel pagi dan upacara peringatan Hari Lahir Pancasila di halaman kantor.",
    "Pengumuman hasil seleksi PPK tahap {d}: {n} nama lolos, lihat lampiran.",
]
PLATFORMS = ["instagram", "facebook", "x", "tiktok", "youtube"]


def rows(count: int) -> list[dict[str, str]]:
    start = dt.datetime(2024, 1, 1, 8)
    out = []
    for i in range(count):
        platform_ = PLATFORMS[i % len(PLATFORMS)]
        out.append({
            "platform": platform_, "akun": "kpukotakediri",
            "tanggal": (start + dt.timedelta(minutes=7 * i)).isoformat(timespec="minutes"),
            "url": f"https://example.kpu.go.id/{platform_}/{i}", "teks": TEXTS[i % len(TEXTS)].format(d=i % 28 + 1, n=i),
            "suka": str(i % 500), "komentar": str(i % 40), "bagikan": str(i % 17), "tayangan": str(i % 9000),
            "sebutan": "kpu_ri kpujatim" if i % 4 == 0 else ""})
    return out


def child(count: int) -> dict[str, float | str]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bakohumas.offices.models import Office
    from bakohumas.posts import services
    from bakohumas.posts.models import Post
    from bakohumas.records.services import channel_create

    call_command("migrate", verbosity=0, interactive=False)
    office = Office.objects.get(code="3571")
    for kind in PLATFORMS:
        if not office.channels.filter(kind=kind).exists():
            channel_create(office=office, actor=None, data={"kind": kind, "handle": "@kpukotakediri"})
    data = rows(count)
    out: dict[str, float | str] = {"vendor": connection.vendor}

    def clear() -> None:
        Post.objects.filter(office=office).delete()

    clear()
    from bakohumas.posts.classification import classify_texts

    classify_texts(["pemanasan model"])  # load/train the model outside the timing
    started = time.perf_counter()
    result = services.posts_import(office=office, rows=data, source="csv", actor=None)
    out["import_classified"] = time.perf_counter() - started
    assert result.ok and result.counts()["baru"] == count, result.errors[:3]

    started = time.perf_counter()
    result = services.posts_import(office=office, rows=data, source="csv", actor=None)
    out["reimport_unchanged"] = time.perf_counter() - started
    assert result.counts()["sama"] == count

    clear()

    class Constant:
        category, reason, source = "informasi", "Konstanta benchmark.", "aturan"

    real = services.classify
    services.classify = lambda texts: [Constant] * len(texts)
    try:
        started = time.perf_counter()
        result = services.posts_import(office=office, rows=data, source="csv", actor=None)
        out["import_constant"] = time.perf_counter() - started
    finally:
        services.classify = real

    clear()
    checked = services.posts_check(office=office, rows=data)
    started = time.perf_counter()  # building the model objects is part of any bulk insert
    posts = [Post(office_id=office.pk, channel_id=row.values["channel_id"], platform=row.values["platform"],
                  account=row.values["account"], published_at=row.values["published_at"], url=row.values["url"],
                  text=row.values["text"], likes=row.values["likes"], comments=row.values["comments"],
                  shares=row.values["shares"], views=row.values["views"], mentions=row.values["mentions"],
                  category="informasi", category_reason="Konstanta benchmark.", category_source="aturan",
                  source="csv") for row in checked.rows]
    for i in range(0, len(posts), 1000):
        Post.objects.bulk_create(posts[i:i + 1000])
    out["bare_bulk_create"] = time.perf_counter() - started
    clear()
    return out


def run(database: str, count: int) -> dict | str:
    return run_child(__file__, database, ["--posts", str(count)])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.posts)))
        return
    databases = [d for d in ("sqlite", "postgres") if args.only in (None, d)]
    if "postgres" in databases and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        databases.remove("postgres")
    n = args.posts
    lines = [f"## Posts import ({n:,} posts)", "",
             f"{platform.node()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
             f"load before {os.getloadavg()[0]:.2f}.", "",
             "| database | import + classify | import (constant class) | re-import unchanged | bare bulk_create | "
             "import / bare |", "|---|---|---|---|---|---|"]
    for database in databases:
        result = run(database, n)
        if isinstance(result, str):
            lines.append(f"| {database} | failed: {result} | | | | |")
            continue

        def rate(key: str, result: dict = result) -> str:
            return f"{n / result[key]:,.0f} posts/s ({result[key]:.1f} s)"

        lines.append(f"| {result['vendor']} | {rate('import_classified')} | {rate('import_constant')} | "
                     f"{rate('reimport_unchanged')} | {rate('bare_bulk_create')} | "
                     f"{result['import_constant'] / result['bare_bulk_create']:.2f}x "
                     f"({result['import_classified'] / result['bare_bulk_create']:.2f}x with classifier) |")
    if "postgres" not in databases:
        lines += ["", "PostgreSQL skipped: set DATABASE_URL=postgres://... to include it."]
    text = "\n".join(lines) + "\n"
    print(text)
    (HERE / "results").mkdir(exist_ok=True)
    name = f"posts-import-latest-{args.only}.md" if args.only else "posts-import-latest.md"
    (HERE / "results" / name).write_text(text)


if __name__ == "__main__":
    main()
