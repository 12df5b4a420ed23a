"""Run one benchmark measurement in a child process on a fresh data directory, so that each database
(SQLite in that directory, or the PostgreSQL of DATABASE_URL) starts empty and settings load anew."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile


def run_child(script: str, database: str, args: list[str], *, env: dict[str, str] | None = None,
              drop: tuple[str, ...] = ()) -> dict | str:
    """The JSON the child printed last (`script --child ARGS`), or the last line of its error output."""
    with tempfile.TemporaryDirectory() as tmp:
        child_env = dict(os.environ, DJANGO_SETTINGS_MODULE="bakohumas.settings", BAKOHUMAS_DATA_DIR=tmp,
                         **(env or {}))
        for name in drop + (("DATABASE_URL",) if database == "sqlite" else ()):
            child_env.pop(name, None)
        done = subprocess.run([sys.executable, script, "--child", *args], env=child_env,
                              capture_output=True, text=True, check=False)
    if done.returncode:
        return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"
    return json.loads(done.stdout.strip().splitlines()[-1])
