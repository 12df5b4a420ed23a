"""Every media page, requested by every role (same shape as bakohumas/core/tests/test_access.py)."""

from __future__ import annotations

PAGES: dict = {}
