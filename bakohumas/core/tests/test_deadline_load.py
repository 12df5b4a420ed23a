"""The deadline-day load benchmark, small: a few offices save and send their reports through
gunicorn, PostgreSQL, Redis and RQ workers while evaluators open their dashboards and ask for a
document. It must end with no failed request and no lost or altered submission. The full-size run
and its figures are in docs/benchmarks.md (benchmarks/run_deadline_load.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


@pytest.mark.skipif(not POSTGRES, reason="runs once, in the PostgreSQL pass of the suite")
def test_it_loses_no_submission_under_concurrent_office_and_evaluator_traffic():
    import redis

    redis_url = os.environ.get("BAKOHUMAS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15").rsplit("/", 1)[0] + "/12"
    try:
        redis.Redis.from_url(redis_url).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"CI requires Redis at {redis_url}")
        pytest.skip(f"no Redis server at {redis_url}")
    admin = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    env = {**os.environ, "BAKOHUMAS_BENCH_POSTGRES_URL": f"{admin}/bakohumas_load_smoke_bench",
           "BAKOHUMAS_BENCH_REDIS_URL": redis_url}
    env.pop("DATABASE_URL")
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run_deadline_load.py"), "--smoke"],
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "errors: **0**" in result.stdout
    assert "lost or different from the last save: **0**" in result.stdout
