"""The access tables of every app share one shape: URL name -> (method, argument kind, expected
status per role). Each app's test module keeps its own table (`PAGES`) next to its fixtures, and
`bakohumas/core/tests/test_access.py` checks that every URL pattern appears in one of them.

Wherever a table expects 404 for the outsider, `check_role` also requests the page as an operator of a
kab/kota office in the outsider's province (`foreign_operator`), so every table covers that role too."""

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
    if role == "outsider" and expected[role] == MISSING:
        check_foreign_operator(client, table, name, args)


FOREIGN_OFFICE = "3374"  # Kota Semarang, a kab/kota of Jawa Tengah (the outsider's province)


def foreign_operator():
    """An operator of a kab/kota office in another province: sees nothing of Kediri or Jawa Timur."""
    from bakohumas.offices.models import Office, User

    user = User.objects.filter(username="operator.semarang").first()
    return user or User.objects.create_user(username="operator.semarang", password="Sandi-Uji-2025!",
                                            office=Office.objects.get(code=FOREIGN_OFFICE), role=User.Role.OPERATOR)


def check_foreign_operator(client: Client, table: Table, name: str, args: Callable[[str], list]) -> None:
    """Where the outsider (an evaluator of Jawa Tengah) gets 404, an operator of a Jawa Tengah kab/kota
    office must not get through either: 404, or 403 for a page its role may never use."""
    method, kind, _expected = table[name]
    client.force_login(foreign_operator())
    response = getattr(client, method)(reverse(name, args=args(kind)))
    assert response.status_code in (MISSING, FORBIDDEN), (name, response.status_code, response.content[:300])


def check_anonymous(client: Client, table: Table, name: str, args: Callable[[str], list]) -> None:
    """Anonymous visitors of a staff page are sent to the login page."""
    method, kind, _expected = table[name]
    response = getattr(client, method)(reverse(name, args=args(kind)))
    assert response.status_code == FOUND and response.url.startswith(reverse("login"))
