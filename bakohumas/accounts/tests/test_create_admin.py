"""`bakohumas create-admin` (issue 16 item 6): KPU RI's first account, instead of createsuperuser."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from bakohumas.audit.models import AuditEntry
from bakohumas.offices.models import User

pytestmark = pytest.mark.django_db

ARGS = ["--username", "humas.ri", "--email", "Humas@KPU.go.id", "--name", "Dewi Lestari"]
PASSWORD = "Pemilu-Jujur-Adil-2029"


@pytest.fixture
def stdin(monkeypatch):
    def feed(text: str, tty: bool = False) -> None:
        stream = io.StringIO(text)
        stream.isatty = lambda: tty  # type: ignore[method-assign]
        monkeypatch.setattr("sys.stdin", stream)
    return feed


def test_it_creates_kpu_ris_first_account_from_stdin_and_says_what_next(stdin):
    stdin(f"{PASSWORD}\n")
    out = io.StringIO()
    call_command("create_admin", *ARGS, "--password-stdin", stdout=out)
    user = User.objects.get(username="humas.ri")
    assert user.is_superuser and user.is_staff and user.is_active
    assert user.office.code == "ID" and user.role == User.Role.HUMAS_RI and user.get_full_name() == "Dewi Lestari"
    assert user.check_password(PASSWORD)
    text = out.getvalue()
    assert "http://" in text and "/masuk/" in text and "verifikasi dua langkah" in text
    assert AuditEntry.objects.filter(action="account.create_admin", target_id=str(user.pk)).exists()


def test_it_asks_twice_on_a_terminal(stdin, monkeypatch):
    stdin("", tty=True)
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("create_admin", *ARGS, stdout=io.StringIO())
    assert User.objects.filter(username="humas.ri").exists()


def test_it_refuses_two_different_passwords(stdin, monkeypatch):
    stdin("", tty=True)
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="tidak sama"):
        call_command("create_admin", *ARGS, stdout=io.StringIO())
    assert not User.objects.filter(username="humas.ri").exists()


def test_it_needs_a_terminal_or_password_stdin(stdin):
    stdin(f"{PASSWORD}\n", tty=False)
    with pytest.raises(CommandError, match="--password-stdin"):
        call_command("create_admin", *ARGS, stdout=io.StringIO())


@pytest.mark.parametrize("taken", [{"username": "HUMAS.RI"}, {"email": "humas@kpu.go.id"}])
def test_it_refuses_a_user_name_or_e_mail_that_exists(stdin, taken):
    User.objects.create_user(**{"username": "lain", "email": "lain@kpu.go.id", **taken})
    stdin(f"{PASSWORD}\n")
    with pytest.raises(CommandError, match="sudah") as error:
        call_command("create_admin", *ARGS, "--password-stdin", stdout=io.StringIO())
    assert "\n" not in str(error.value) and error.value.returncode == 1
    assert User.objects.filter(is_superuser=True).count() == 0


def test_it_refuses_a_weak_password(stdin):
    stdin("rahasia\n")
    with pytest.raises(CommandError):
        call_command("create_admin", *ARGS, "--password-stdin", stdout=io.StringIO())
    assert not User.objects.filter(username="humas.ri").exists()


def test_it_runs_as_bakohumas_create_admin(stdin, capsys):
    from bakohumas.cli import main

    stdin(f"{PASSWORD}\n")
    main(["bakohumas", "create-admin", *ARGS, "--password-stdin"])
    assert "Langkah berikutnya" in capsys.readouterr().out
