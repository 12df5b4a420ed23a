"""Password recovery and logging in with the e-mail address (issue 16 item 4, formats/akun.md section 3):
the recovery e-mail goes by SMTP to a real server on loopback and the test follows its link."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from bakohumas.conftest import PASSWORD

pytestmark = pytest.mark.django_db

BASE = "https://bakohumas.contoh.go.id"
NEW_PASSWORD = "Pelangi-Senja-4821"


@pytest.fixture(autouse=True)
def _setup(settings, client, django_capture_on_commit_callbacks):
    settings.BAKOHUMAS_BASE_URL = BASE
    post = client.post

    def committing_post(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = committing_post


@pytest.fixture
def person(operator):
    operator.email = "rina.wulandari@contoh.kpu.go.id"
    operator.save()
    return operator


def _ask(client, email: str, **extra):
    return client.post(reverse("password_reset"), {"email": email}, **extra)


def test_the_login_page_links_to_recovery(client, db):
    page = client.get(reverse("login")).content.decode()
    assert "Lupa kata sandi?" in page and reverse("password_reset") in page


def test_it_sends_a_one_time_link_that_sets_a_new_password(client, person, smtp_server):
    response = _ask(client, "Rina.Wulandari@contoh.kpu.go.id")
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert smtp_server.recipients == [["rina.wulandari@contoh.kpu.go.id"]]
    [link] = smtp_server.links()
    assert link.startswith(BASE + "/sandi/atur/")
    assert smtp_server.html() is not None and link in smtp_server.html()
    response = client.get(urlsplit(link).path)
    assert response.status_code == 302  # Django moves the token out of the URL into the session
    form_url = response.url
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response.url == reverse("password_reset_complete")
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    # Used once: the same link no longer works.
    client.get(urlsplit(link).path, follow=True)
    page = client.get(urlsplit(link).path, follow=True).content.decode()
    assert "tidak berlaku lagi" in page


def test_it_answers_the_same_for_an_unknown_address(client, person, smtp_server):
    known = _ask(client, "rina.wulandari@contoh.kpu.go.id")
    unknown = _ask(client, "tidak.ada@contoh.kpu.go.id")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    def page(url: str) -> str:  # without the per-response nonce and CSRF token
        return re.sub(r'(nonce|value)="[^"]*"', "", client.get(url).content.decode())

    assert page(known.url) == page(unknown.url)
    assert len(smtp_server.messages) == 1


def test_it_throttles_requests_per_client_address(client, person, smtp_server):
    for i in range(10):
        assert _ask(client, f"orang{i}@contoh.kpu.go.id").status_code == 302
    response = _ask(client, "rina.wulandari@contoh.kpu.go.id")
    assert response.status_code == 429
    assert "Terlalu banyak permintaan" in response.content.decode()
    assert smtp_server.messages == []


def test_it_sends_at_most_three_e_mails_an_hour_to_one_address_and_still_answers_the_same(client, person,
                                                                                          smtp_server):
    for i in range(5):
        response = _ask(client, "rina.wulandari@contoh.kpu.go.id", REMOTE_ADDR=f"10.0.0.{i}")
        assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert len(smtp_server.messages) == 3


def test_it_logs_in_with_the_e_mail_address_or_the_user_name(client, person):
    response = client.post(reverse("login"), {"username": "RINA.wulandari@contoh.kpu.go.id", "password": PASSWORD})
    assert response.status_code == 302
    client.logout()
    response = client.post(reverse("login"), {"username": person.username, "password": PASSWORD})
    assert response.status_code == 302


def test_it_refuses_a_wrong_password_with_the_e_mail_address(client, person):
    response = client.post(reverse("login"), {"username": person.email, "password": "salah-sekali"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_django_axes_still_locks_out_after_repeated_failures_by_e_mail(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": person.email, "password": "salah-sekali"})
    client.post(reverse("login"), {"username": person.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session  # locked out: even the right password is refused
