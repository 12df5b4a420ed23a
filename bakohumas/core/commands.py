"""Arguments that several management commands take: a file to read and an office code. A bad one
is one clear Indonesian line and a non-zero exit (CommandError), never a traceback."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from bakohumas.offices.models import Office


def read_file_argument(file: str) -> bytes:
    try:
        return Path(file).read_bytes()
    except FileNotFoundError:
        raise CommandError(f"Berkas {file} tidak ditemukan.") from None
    except IsADirectoryError:
        raise CommandError(f"{file} adalah folder, bukan berkas.") from None
    except OSError as exc:
        raise CommandError(f"Berkas {file} tidak dapat dibaca: {exc.strerror}.") from None


def office_argument(code: str) -> Office:
    office = Office.objects.filter(code=code.strip()).first()
    if office is None:
        raise CommandError(f"Kode satker {code!r} tidak dikenal.")
    return office
