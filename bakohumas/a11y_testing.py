"""The accessibility check (docs/architecture.md, "Accessibility"): axe-core, installed from npm with
`npm ci` (package.json / package-lock.json at the repository root), injected by Playwright into Debian's
Chromium. Every HTML page of every access table (`bakohumas/access_testing.py`) that a role may open is
checked as that role; a serious or critical violation fails the test."""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.test import Client
from django.urls import reverse

from bakohumas.access_testing import OK, ROLES
from bakohumas.browser_testing import unavailable

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
# Every rule axe runs by default (WCAG 2.0/2.1 A and AA plus its best practices); only the impact filters.
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\\n")[1])}));
}"""

def axe_script() -> Path:
    """axe-core's script; skipped without it (failed under CI: scripts/install-node-tools installs it)."""
    if not AXE.exists():
        unavailable(f"axe-core tidak ditemukan di {AXE}; jalankan `npm ci` (scripts/install-node-tools) "
                    f"(axe-core not found; run `npm ci`).")
    return AXE


def blocking_violations(page) -> list[dict]:
    """axe's serious and critical violations on the page now loaded (axe is injected at every navigation)."""
    return [v for v in page.evaluate(AXE_RUN) if v["impact"] in BLOCKING]


@dataclass(frozen=True)
class Target:
    name: str
    role: str
    url: str
    digest: str  # of the page's HTML less what differs by role on every page (menu, name, CSRF token)


# The top bar (its menu differs by role) and the line naming the user are checked on each role's home
# page; elsewhere two roles that get the same body get the same verdict, so axe looks at it once.
_SAME_FOR_EVERY_PAGE = re.compile(rb'<header class="topbar">.*?</header>|<div class="whoami">.*?</div>|'
                                  rb'name="csrfmiddlewaretoken" value="[^"]*"', re.DOTALL)


def page_digest(content: bytes) -> str:
    return hashlib.sha256(_SAME_FOR_EVERY_PAGE.sub(b"", content)).hexdigest()


def access_tables() -> dict[str, tuple[str, str, dict[str, int]]]:
    """Every access table of the project, merged: URL name -> (method, argument kind, status per role)."""
    core = importlib.import_module("bakohumas.core.tests.test_access")
    merged = dict(core.PAGES)
    for module_name in core.APP_TABLES:
        merged.update(importlib.import_module(module_name).PAGES)
    return merged


def html_pages(client: Client, users: dict, args_for: Callable[[str, str], list | None],
               unreached: list[str]) -> Iterator[Target]:
    """Each GET page that the tables give a role with 200, as that role, when it is HTML. `args_for(name,
    kind)` gives the URL arguments, or None for a kind with no HTML page (downloads). Pages the tables
    promise but that do not answer 200 with these arguments are added to `unreached`."""
    tables = access_tables()
    for role in ROLES:
        client.force_login(users[role])
        for name, (method, kind, expected) in sorted(tables.items()):
            if method != "get" or expected[role] != OK:
                continue
            args = args_for(name, kind)
            if args is None:
                continue
            url = reverse(name, args=args)
            response = client.get(url)
            if response.status_code != OK:
                unreached.append(f"{name} ({role}): {response.status_code}")
            elif response.get("Content-Type", "").startswith("text/html"):
                digest = "home:" + role if name == "home" else page_digest(response.content)
                yield Target(name, role, url, digest)
