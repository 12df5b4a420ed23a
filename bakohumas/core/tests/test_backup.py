"""`bakohumas backup` / `bakohumas restore`: a round trip gives back every row and every uploaded
file; a bad archive is one clear line, a non-zero exit and no change. Runs on the suite's database
(SQLite or PostgreSQL, whichever DATABASE_URL names), plus one real SQLite file in a subprocess."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from bakohumas.library.tests.conftest import make_record, pdf
from bakohumas.offices.models import Office, User
from bakohumas.ppid.tests.conftest import requester
from bakohumas.reports.models import Submission

pytestmark = pytest.mark.django_db(transaction=True)


def _database() -> dict[str, list[tuple]]:
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        rows[model._meta.label] = list(model._base_manager.order_by("pk").values_list())
    return rows


def _media() -> dict[str, bytes]:
    root = Path(settings.MEDIA_ROOT)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def content(make_report, operator):
    """A report with values, a PPID request, a catalogue record with its PDF, one more uploaded file."""
    from bakohumas.library.services import record_add_file
    from bakohumas.ppid.services import request_register

    make_report("3571", "2025Q2", status=Submission.Status.VERIFIED, **{})
    request_register(office=Office.objects.get(code="3571"), channel="langsung", received_on=dt.date(2025, 7, 1),
                     actor=None, is_election_information=False, **requester())
    record = make_record()
    record_add_file(record=record, actor=None, upload=pdf(), label="Naskah lengkap")
    default_storage.save("bukti/2025/07/foto.png", ContentFile(b"\x89PNG\r\n\x1a\n" + b"x" * 100))
    assert _media() and Submission.objects.exists()


def _backup(tmp_path: Path) -> Path:
    out = io.StringIO()
    call_command("backup", "--output", str(tmp_path / "cadangan.tar.gz"), stdout=out)
    path = Path(out.getvalue().strip())
    assert path == tmp_path / "cadangan.tar.gz" and path.is_file()
    assert path.stat().st_mode & 0o777 == 0o600  # personal data: readable by the owner only
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers
    return path


def test_round_trip_gives_back_every_row_and_file(content, tmp_path):
    before_rows, before_media = _database(), _media()
    archive = _backup(tmp_path)

    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["engine"] == connection.vendor and manifest["format"] == 1
    assert manifest["rows"]["reports.submission"]["count"] == 1
    assert manifest["migrations"]["reports"]
    assert {f["path"] for f in manifest["files"]} >= {f"media/{name}" for name in before_media}

    # Wipe and alter: rows deleted, changed and added; files deleted and added.
    Submission.objects.all().delete()
    Office.objects.filter(code="3571").update(name="Diubah")
    User.objects.create_user(username="penyusup", password="x" * 12, office=Office.objects.get(code="35"),
                             role=User.Role.OPERATOR)
    for name in before_media:
        default_storage.delete(name)
    default_storage.save("lain.txt", ContentFile(b"bukan dari cadangan"))
    assert _database() != before_rows

    out = io.StringIO()
    call_command("restore", str(archive), "--yes", stdout=out)
    assert "Dipulihkan" in out.getvalue()
    assert _database() == before_rows
    assert _media() == before_media


def _rewrite(archive: Path, target: Path, change_manifest=None, change_member=None) -> Path:
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as out:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == "manifest.json" and change_manifest:
                manifest = json.loads(data)
                change_manifest(manifest)
                data = json.dumps(manifest).encode()
            elif change_member and member.name.startswith("media/"):
                data = change_member(data)
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))
    return target


def _other_engine(manifest):
    manifest["engine"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"


@pytest.mark.parametrize("damage", ["missing", "truncated", "checksum", "tampered", "engine", "not_tar", "newer",
                                    "manifest"])
def test_a_bad_archive_is_refused_and_changes_nothing(content, tmp_path, damage):
    archive = _backup(tmp_path)
    bad = tmp_path / "rusak.tar.gz"
    if damage == "missing":
        bad = tmp_path / "tidak-ada.tar.gz"
    elif damage == "truncated":
        bad.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    elif damage == "checksum":
        _rewrite(archive, bad, change_manifest=lambda m: m["files"][-1].update(sha256="0" * 64))
    elif damage == "tampered":
        _rewrite(archive, bad, change_member=lambda data: data + b"!")
    elif damage == "engine":
        _rewrite(archive, bad, change_manifest=_other_engine)
    elif damage == "manifest":
        _rewrite(archive, bad, change_manifest=lambda m: m["rows"].update(evil={"table": "x; DROP", "count": 1}))
    elif damage == "newer":
        _rewrite(archive, bad, change_manifest=lambda m: m["migrations"].update(reports="9999_dari_masa_depan"))
    else:
        bad.write_bytes(b"ini bukan arsip")
    Submission.objects.all().delete()  # the state a restore would undo
    before_rows, before_media = _database(), _media()

    with pytest.raises(CommandError) as error:
        call_command("restore", str(bad), "--yes")
    message = str(error.value)
    assert "\n" not in message and "Traceback" not in message
    assert _database() == before_rows and _media() == before_media
    expected = {"missing": "tidak ditemukan", "engine": "sedangkan Bakohumas ini memakai",
                "newer": "versi Bakohumas yang lebih baru"}.get(damage, "Arsip cadangan rusak")
    assert expected in message
    assert not list(Path(settings.MEDIA_ROOT).parent.glob(".pemulihan-*"))  # no leftovers


def test_restore_into_a_database_with_data_needs_yes(content, tmp_path):
    archive = _backup(tmp_path)
    Submission.objects.all().delete()
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(archive))
    assert not Submission.objects.exists()


def _bakohumas(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from bakohumas.cli import main; main()", *args],
                          env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite file path; PostgreSQL runs the tests above")
def test_sqlite_file_round_trip_through_the_command_line(tmp_path):
    """A real database file (the suite's own SQLite database lives in memory), as an operator runs it."""
    data = tmp_path / "data"
    env = {**os.environ, "BAKOHUMAS_DATA_DIR": str(data), "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    assert _bakohumas(env, "migrate", "--noinput").returncode == 0
    assert _bakohumas(env, "shell", "-c", "from django.core.files.storage import default_storage as s; "
                      "from django.core.files.base import ContentFile as C; s.save('a/b.txt', C(b'isi'))").returncode == 0
    done = _bakohumas(env, "backup", "--output", str(tmp_path))
    assert done.returncode == 0, done.stderr
    archive = Path(done.stdout.strip())
    assert archive.parent == tmp_path and archive.name.startswith("bakohumas-backup-")

    (data / "media" / "a" / "b.txt").write_bytes(b"diubah")
    done = _bakohumas(env, "restore", str(archive))
    assert done.returncode == 0, done.stderr
    assert (data / "media" / "a" / "b.txt").read_bytes() == b"isi"

    failed = _bakohumas(env, "restore", str(tmp_path / "tidak-ada.tar.gz"))
    assert failed.returncode != 0
    assert failed.stderr.strip().count("\n") == 0 and "tidak ditemukan" in failed.stderr
