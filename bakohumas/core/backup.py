"""Backups: one tar archive holding the database dump, every uploaded file (MEDIA_ROOT) and a
manifest (docs/operations.md). A restore checks the whole archive before it touches anything.

SQLite is copied with SQLite's online backup API (consistent while the server writes); PostgreSQL
with `pg_dump --format=custom` inside an exported snapshot, so the row counts in the manifest are
the dump's own. Restores are atomic per part: SQLite's backup API and `pg_restore
--single-transaction` either replace the whole database or nothing; the media folder is unpacked
beside MEDIA_ROOT and swapped in with two renames.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from django.utils.translation import gettext as _

import bakohumas

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_DIR = "database"
MEDIA_DIR = "media"
DUMP_NAMES = {"sqlite": "bakohumas.sqlite3", "postgresql": "bakohumas.pgdump"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is one line for the operator."""


@dataclass(frozen=True)
class RestoreResult:
    manifest: dict[str, Any]
    pending_migrations: bool


# --- backup -----------------------------------------------------------------------------------


def default_backup_name(now: dt.datetime | None = None) -> str:
    stamp = timezone.localtime(now or timezone.now()).strftime("%Y%m%d-%H%M%S")
    return f"bakohumas-backup-{stamp}.tar.gz"


def backup_create(*, output: Path | None = None, using: str = DEFAULT_DB_ALIAS) -> Path:
    """Write a backup archive and return its path. The archive appears only when complete."""
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in DUMP_NAMES:
        raise BackupError(_("Basis data %(vendor)s tidak didukung untuk cadangan.") % {"vendor": vendor})
    output = (output or Path.cwd() / default_backup_name()).resolve()
    if output.is_dir():
        output = output / default_backup_name()
    if not output.parent.is_dir():
        raise BackupError(_("Folder %(folder)s tidak ada.") % {"folder": output.parent})
    # Beside the archive rather than in /tmp (often a small tmpfs); removed in any case.
    with tempfile.TemporaryDirectory(prefix=".bakohumas-backup-", dir=output.parent) as work:
        dump = Path(work) / DUMP_NAMES[vendor]
        if vendor == "sqlite":
            rows, migrations = _sqlite_dump(connection, dump)
        else:
            rows, migrations = _postgres_dump(connection, dump)
        partial = output.with_name(f".{output.name}.partial")
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # personal data: owner only
        try:
            with tarfile.open(partial, "w:gz", compresslevel=6) as archive:
                files = _add_files(archive, dump, _media_files())
                manifest = {
                    "format": FORMAT_VERSION,
                    "created_at": timezone.now().isoformat(),
                    "engine": vendor,
                    "app_version": bakohumas.__version__,
                    "migrations": migrations,
                    "rows": rows,
                    "files": files,
                }
                # Last, because it holds the checksums computed while the files went in.
                data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime = len(data), int(timezone.now().timestamp())
                archive.addfile(info, io.BytesIO(data))
            partial.replace(output)
        finally:
            partial.unlink(missing_ok=True)
    return output


def _tables() -> dict[str, str]:
    """model label -> table, one entry per table (proxies and unmanaged models share or lack one)."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        tables[meta.label_lower] = meta.db_table
    return dict(sorted(tables.items()))


def _count_rows(cursor, quote, existing: set[str]) -> dict[str, dict[str, Any]]:
    """Rows per model, for the tables that exist (a model whose migration is not applied has none)."""
    rows = {}
    for label, table in _tables().items():
        if table in existing:
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (table names from models)
            rows[label] = {"table": table, "count": cursor.fetchone()[0]}
    return rows


def _latest_migrations(records: list[tuple[str, str]]) -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in records:
        if name > latest.get(app, ""):
            latest[app] = name
    return dict(sorted(latest.items()))


def _sqlite_dump(connection, dump: Path) -> tuple[dict, dict]:
    connection.ensure_connection()
    target = sqlite3.connect(dump)
    try:
        connection.connection.backup(target)
        cursor = target.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        rows = _count_rows(cursor, connection.ops.quote_name, {name for (name,) in cursor.fetchall()})
        cursor.execute("SELECT app, name FROM django_migrations")
        migrations = _latest_migrations(cursor.fetchall())
        # A copy of a WAL database is still WAL; one self-contained file is what we archive.
        cursor.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    return rows, migrations


def _pg_environment(connection) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore; the password only ever in the environment."""
    params = connection.settings_dict
    args = []
    if params.get("HOST"):
        args += ["--host", str(params["HOST"])]
    if params.get("PORT"):
        args += ["--port", str(params["PORT"])]
    if params.get("USER"):
        args += ["--username", str(params["USER"])]
    args += ["--dbname", str(params["NAME"])]
    env = {**os.environ}
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(_("Program %(program)s tidak ditemukan; pasang klien PostgreSQL (postgresql-client).")
                          % {"program": command[0]}) from None
    if result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or ["?"])[-1]
        raise BackupError(_("%(program)s gagal: %(detail)s") % {"program": command[0], "detail": detail})


def _postgres_dump(connection, dump: Path) -> tuple[dict, dict]:
    args, env = _pg_environment(connection)
    # Counts and dump from one exported snapshot: the manifest describes exactly what was dumped.
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        existing = set(connection.introspection.table_names(cursor))
        rows = _count_rows(cursor, connection.ops.quote_name, existing)
        cursor.execute("SELECT app, name FROM django_migrations")
        migrations = _latest_migrations(cursor.fetchall())
        _run(["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}", "--file", str(dump), *args], env)
    return rows, migrations


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _media_files() -> list[Path]:
    root = _media_root()
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


class _HashingReader(io.RawIOBase):
    """Reads a file once, for the archive and for its checksum together."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.handle.read(len(buffer))
        self.digest.update(data)
        buffer[: len(data)] = data
        return len(data)


def _add_file(archive: tarfile.TarFile, source: Path, name: str) -> dict[str, Any]:
    info = archive.gettarinfo(str(source), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with source.open("rb") as handle:
        reader = _HashingReader(handle)
        archive.addfile(info, reader)
    return {"path": name, "size": info.size, "sha256": reader.digest.hexdigest()}


def _add_files(archive: tarfile.TarFile, dump: Path, media: list[Path]) -> list[dict[str, Any]]:
    root = _media_root()
    files = [_add_file(archive, dump, f"{DATABASE_DIR}/{dump.name}")]
    for source in media:
        try:
            files.append(_add_file(archive, source, f"{MEDIA_DIR}/{source.relative_to(root).as_posix()}"))
        except FileNotFoundError:  # deleted while we were working: it is not in the database either
            continue
    return files


# --- restore ----------------------------------------------------------------------------------


def _damaged(reason: str) -> BackupError:
    return BackupError(_("Arsip cadangan rusak atau bukan cadangan Bakohumas: %(reason)s. Tidak ada yang diubah.")
                       % {"reason": reason})


@contextmanager
def _open_archive(path: Path) -> Iterator[tarfile.TarFile]:
    if not path.exists():
        raise BackupError(_("Berkas %(path)s tidak ditemukan.") % {"path": path})
    if not path.is_file():
        raise BackupError(_("%(path)s bukan berkas.") % {"path": path})
    try:
        archive = tarfile.open(path, "r:*")
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile):
        raise _damaged(_("bukan arsip tar")) from None
    try:
        with archive:
            yield archive
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        reason = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise _damaged(_("arsip tidak dapat dibaca (%(error)s)") % {"error": reason}) from None


def _safe_name(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return bool(parts) and not PurePosixPath(name).is_absolute() and ".." not in parts


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.getmember(MANIFEST)
        handle = archive.extractfile(member)
        manifest = json.loads(handle.read()) if handle else None
    except KeyError:
        raise _damaged(_("manifest.json tidak ada")) from None
    except ValueError:
        raise _damaged(_("manifest.json tidak valid")) from None
    required = {"format", "created_at", "engine", "app_version", "migrations", "rows", "files"}
    if not isinstance(manifest, dict) or not required <= set(manifest):
        raise _damaged(_("manifest.json tidak lengkap"))
    if manifest["format"] != FORMAT_VERSION:
        raise _damaged(_("format %(format)s tidak dikenal") % {"format": manifest["format"]})
    if manifest["engine"] not in DUMP_NAMES:
        raise _damaged(_("jenis basis data %(engine)s tidak dikenal") % {"engine": manifest["engine"]})
    files, rows = manifest["files"], manifest["rows"]
    if not isinstance(files, list) or not all(
            isinstance(entry, dict) and isinstance(entry.get("path"), str) and _safe_name(entry["path"])
            and isinstance(entry.get("size"), int) and isinstance(entry.get("sha256"), str) for entry in files):
        raise _damaged(_("daftar berkas tidak valid"))
    if not isinstance(rows, dict) or not all(
            isinstance(entry, dict) and re.fullmatch(r"\w+", str(entry.get("table", "")))
            and isinstance(entry.get("count"), int) for entry in rows.values()):
        raise _damaged(_("jumlah baris tidak valid"))
    if not isinstance(manifest["migrations"], dict):
        raise _damaged(_("daftar migrasi tidak valid"))
    return manifest


def _copy_checked(handle: IO[bytes], entry: dict[str, Any], target: IO[bytes] | None) -> None:
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if target is not None:
            target.write(chunk)
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        raise _damaged(_("isi %(path)s tidak cocok dengan checksum di manifest") % {"path": entry["path"]})


def _check_members(archive: tarfile.TarFile, manifest: dict[str, Any], unpack_to: Path | None) -> None:
    """Every listed file is present, regular and matches its size and sha256; nothing else is there.
    With unpack_to, the checked bytes are also written there (checked and copied in one pass)."""
    listed = {entry["path"]: entry for entry in manifest["files"]}
    dump_name = f"{DATABASE_DIR}/{DUMP_NAMES[manifest['engine']]}"
    if dump_name not in listed:
        raise _damaged(_("dump basis data tidak ada"))
    seen = set()
    for member in archive:
        if member.name == MANIFEST:
            continue
        entry = listed.get(member.name)
        if entry is None or not member.isfile() or member.name in seen:
            raise _damaged(_("berkas %(path)s tidak tercantum di manifest") % {"path": member.name})
        seen.add(member.name)
        handle = archive.extractfile(member)
        if handle is None:
            raise _damaged(_("berkas %(path)s tidak dapat dibaca") % {"path": member.name})
        if unpack_to is None:
            _copy_checked(handle, entry, None)
        else:
            target = unpack_to / member.name
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as out:
                _copy_checked(handle, entry, out)
    missing = sorted(set(listed) - seen)
    if missing:
        raise _damaged(_("berkas %(path)s hilang dari arsip") % {"path": missing[0]})


def backup_verify(path: Path) -> dict[str, Any]:
    """The manifest of a complete, undamaged archive; BackupError otherwise. Reads the whole archive."""
    with _open_archive(path) as archive:
        manifest = _read_manifest(archive)
    # A second pass: gzip archives are streams, and the manifest must be read before the files.
    with _open_archive(path) as archive:
        _check_members(archive, manifest, None)
    return manifest


def database_is_empty(using: str = DEFAULT_DB_ALIAS) -> bool:
    """No user accounts: a fresh install (migrations fill reference data such as the offices)."""
    from django.contrib.auth import get_user_model

    connection = connections[using]
    if get_user_model()._meta.db_table not in connection.introspection.table_names():
        return True
    return not get_user_model()._base_manager.using(using).exists()


def _unknown_migrations(manifest: dict[str, Any], connection) -> list[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return [f"{app}.{name}" for app, name in manifest["migrations"].items() if (app, name) not in loader.disk_migrations]


def _pending_migrations(connection) -> bool:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def backup_restore(*, path: Path, confirmed: bool, using: str = DEFAULT_DB_ALIAS) -> RestoreResult:
    connection = connections[using]
    path = path.resolve()
    with _open_archive(path) as archive:
        manifest = _read_manifest(archive)
    if manifest["engine"] != connection.vendor:
        raise BackupError(_("Cadangan ini dari basis data %(archive)s, sedangkan Bakohumas ini memakai %(current)s; "
                            "pulihkan ke basis data %(archive)s. Tidak ada yang diubah.")
                          % {"archive": manifest["engine"], "current": connection.vendor})
    unknown = _unknown_migrations(manifest, connection)
    if unknown:
        raise BackupError(_("Cadangan ini dari versi Bakohumas yang lebih baru (migrasi %(migration)s tidak dikenal); "
                            "perbarui Bakohumas dulu. Tidak ada yang diubah.") % {"migration": unknown[0]})
    if not confirmed and not database_is_empty(using):
        raise BackupError(_("Basis data tidak kosong; pemulihan menimpa semua data dan berkas unggahan. "
                            "Jalankan lagi dengan --yes jika itu yang dimaksud."))
    media_root = _media_root()
    media_root.parent.mkdir(parents=True, exist_ok=True)
    # Unpacked beside MEDIA_ROOT, on the same file system, so the swap below is two renames.
    staging = Path(tempfile.mkdtemp(prefix=".pemulihan-", dir=media_root.parent))
    try:
        # Every byte is checked against the manifest while it is unpacked, before the database or
        # MEDIA_ROOT is touched: a damaged archive stops here and changes nothing.
        with _open_archive(path) as archive:
            _check_members(archive, manifest, staging)
        dump = staging / DATABASE_DIR / DUMP_NAMES[manifest["engine"]]
        try:
            if connection.vendor == "sqlite":
                _sqlite_restore(connection, dump)
            else:
                _postgres_restore(connection, dump)
        except BackupError as exc:
            raise BackupError(_("Pemulihan basis data gagal, basis data tidak berubah: %(error)s")
                              % {"error": exc}) from None
        ContentType.objects.clear_cache()
        _swap_media(staging / MEDIA_DIR, media_root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _check_counts(manifest, connection)
    return RestoreResult(manifest=manifest, pending_migrations=_pending_migrations(connection))


def _sqlite_restore(connection, dump: Path) -> None:
    connection.close()
    connection.ensure_connection()
    source = sqlite3.connect(dump)
    try:
        # One write transaction on the live database: other connections see the old or the new data.
        source.backup(connection.connection)
    except sqlite3.Error as exc:
        raise BackupError(str(exc)) from None
    finally:
        source.close()
    connection.close()


def _postgres_restore(connection, dump: Path) -> None:
    args, env = _pg_environment(connection)
    connection.close()  # no session of ours holds a lock on the tables pg_restore drops
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
          *args, str(dump)], env)


def _swap_media(unpacked: Path, media_root: Path) -> None:
    unpacked.mkdir(exist_ok=True)  # an archive without uploaded files restores an empty folder
    old = media_root.with_name(f".{media_root.name}-lama-{timezone.now():%Y%m%d%H%M%S}")
    try:
        if media_root.exists():
            media_root.rename(old)
        unpacked.rename(media_root)
    except OSError as exc:
        if old.exists() and not media_root.exists():
            old.rename(media_root)
        raise BackupError(_("Basis data sudah dipulihkan, tetapi berkas unggahan tidak dapat dipasang di %(folder)s "
                            "(%(error)s); berkas lama tetap di tempatnya. Jalankan pemulihan lagi.")
                          % {"folder": media_root, "error": exc.strerror}) from None
    shutil.rmtree(old, ignore_errors=True)


def _check_counts(manifest: dict[str, Any], connection) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for label, entry in manifest["rows"].items():
            cursor.execute(f"SELECT COUNT(*) FROM {quote(entry['table'])}")  # noqa: S608
            count = cursor.fetchone()[0]
            if count != entry["count"]:
                raise BackupError(_("Pemulihan selesai tetapi jumlah baris %(model)s %(count)s, bukan %(expected)s "
                                    "seperti di manifest; periksa basis data.")
                                  % {"model": label, "count": count, "expected": entry["count"]})
