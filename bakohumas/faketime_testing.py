"""`make test` runs the suite again under libfaketime, on other dates (scripts/run-tests). Debian's
libfaketime 0.9.10 never lets a timed threading wait expire (Event.wait, threading.Timer, a lock
acquired with a timeout), so the few tests whose subject is such a wait are skipped there; the SQLite
and PostgreSQL passes on the real date run them."""

from __future__ import annotations

import os

import pytest

UNDER_LIBFAKETIME = "faketime" in os.environ.get("LD_PRELOAD", "")

needs_timed_waits = pytest.mark.skipif(
    UNDER_LIBFAKETIME, reason="libfaketime never expires a timed threading wait; the real-date passes run this test")
