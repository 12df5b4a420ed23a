"""Guards that keep the tree honest."""

import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_there_are_no_missing_migrations():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def test_responses_carry_a_strict_content_security_policy(client):
    response = client.get("/masuk/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
