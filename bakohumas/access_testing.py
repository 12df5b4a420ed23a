"""The access tables of every app share one shape: URL name -> (method, argument kind, expected
status per role). Each app's test module keeps its own table (`PAGES`) next to its fixtures, and
`bakohumas/core/tests/test_access.py` checks that every URL pattern appears in one of them."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

ROLES = ["operator", "ketua", "pimpinan", "evaluator", "outsider", "national"]
OK, FOUND, BAD, FORBIDDEN, MISSING = 200, 302, 400, 403, 404

Table = dict[str, tuple[str, str, dict[str, int]]]


def row(operator: int, ketua: int, pimpinan: int, evaluator: int, outsider: int, national: int) -> dict[str, int]:
    return dict(zip(ROLES, (operator, ketua, pimpinan, evaluator, outsider, national), strict=True))


def check_role(client: Client, table: Table, name: str, user, role: str, args: Callable[[str], list]) -> None:
    """Request page `name` as `user`; the status must be the table's, and a page has one <h1>."""
    method, kind, expected = table[name]
    client.force_login(user)
    response = getattr(client, method)(reverse(name, args=args(kind)))
    assert response.status_code == expected[role], response.content[:300]
    if response.status_code == OK and response.get("Content-Type", "").startswith("text/html"):
        assert response.content.count(b"<h1") == 1


def check_anonymous(client: Client, table: Table, name: str, args: Callable[[str], list]) -> None:
    """Anonymous visitors of a staff page are sent to the login page."""
    method, kind, _expected = table[name]
    response = getattr(client, method)(reverse(name, args=args(kind)))
    assert response.status_code == FOUND and response.url.startswith(reverse("login"))
