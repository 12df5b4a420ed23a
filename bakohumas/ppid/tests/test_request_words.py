"""The request page names its deadline rules in words, not as a code with a version ("uu_kip v1")."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bakohumas.ppid.tests.test_access_ppid import fixtures  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_the_rule_set_reads_in_words(client, users, fixtures):  # noqa: F811
    client.force_login(users["operator"])
    html = client.get(reverse("ppid:request_detail", args=[fixtures["request"].id])).content.decode()
    rule_set = fixtures["request"].rule_set
    assert rule_set.name in html and f"versi {rule_set.version}" in html
    assert f"{rule_set.code} v{rule_set.version}" not in html
